// An in-memory stand-in for the Go services, used by the unit tests (through the
// Vite alias in vitest.config.ts) and by `vite --mode fake`. It follows the
// contract in shape and errors; its phone rules are a simplified subset.
import type { Contact, ContactInput, Country, DeleteResult, ExportRequest, ExportResult, Group, GroupInput, Page, PhoneCheck, Query, Selection, Settings } from '../../lib/api/types';
import { FakeImporter } from './importer';

type Listener = { cb: (...data: unknown[]) => void; left: number };

export interface BackendError {
  kind: string;
  code: string;
  field?: string;
  message: string;
  params?: Record<string, string>;
}

function err(kind: string, code: string, field?: string, params?: Record<string, string>): BackendError {
  const e: BackendError = { kind, code, message: code };
  if (field) e.field = field;
  if (params) e.params = params;
  return e;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

export function formatNational(n: string): string {
  if (n.startsWith('8')) return [n.slice(0, 3), n.slice(3, 7), n.slice(7)].filter(Boolean).join('-');
  const area = n.startsWith('2') ? n.slice(0, 2) : n.slice(0, 3);
  const rest = n.slice(area.length);
  return [area, rest.slice(0, 4), rest.slice(4)].filter(Boolean).join('-');
}

/** Simplified normalisation: enough for the UI tests and the demo. */
export function normalise(raw: string): Omit<PhoneCheck, 'duplicate'> {
  const base = { input: raw, phone: '', kind: '', display: '', reasons: [] as string[] };
  const s = raw.trim();
  if (!s) return { ...base, status: 'empty', reasons: ['empty'] };
  const reasons: string[] = [];
  const stripped = s.replace(/[\s\u00a0\-.()/]/g, '');
  if (stripped !== s) reasons.push('formatting-removed');
  let d = stripped;
  let intl = false;
  if (d.startsWith('+')) {
    intl = true;
    d = d.slice(1);
  }
  if (!/^\d+$/.test(d)) return { ...base, status: 'invalid', reasons: ['not-a-number'] };
  if (d.startsWith('00')) {
    d = d.slice(2);
    intl = true;
    reasons.push('international-prefix-00');
  }
  let national: string;
  if (d.startsWith('62')) {
    national = d.slice(2);
    if (national.startsWith('0')) {
      national = national.slice(1);
      reasons.push('trunk-zero-removed');
    }
  } else if (intl) {
    if (d.length < 8) return { ...base, status: 'invalid', reasons: ['too-short'] };
    return { ...base, status: 'valid', kind: 'foreign', phone: d, display: `+${d}`, reasons };
  } else if (d.startsWith('0')) {
    national = d.slice(1);
  } else if (d.startsWith('8')) {
    national = d;
    reasons.push('leading-zero-restored');
  } else {
    return { ...base, status: 'invalid', reasons: ['unknown-area-code'] };
  }
  const mobile = national.startsWith('8');
  if (national.length < (mobile ? 9 : 7)) return { ...base, status: 'invalid', reasons: ['too-short'] };
  if (national.length > (mobile ? 12 : 11)) return { ...base, status: 'invalid', reasons: ['too-long'] };
  return {
    ...base,
    status: 'valid',
    kind: mobile ? 'mobile' : 'landline',
    phone: `62${national}`,
    display: `+62 ${formatNational(national)}`,
    reasons,
  };
}

const collator = new Intl.Collator('id', { sensitivity: 'base' });

export const COUNTRIES: Country[] = [
  { code: 'ID', name: 'Indonesia', callingCode: '62' },
  { code: 'MY', name: 'Malaysia', callingCode: '60' },
  { code: 'SG', name: 'Singapore', callingCode: '65' },
  { code: 'US', name: 'United States', callingCode: '1' },
];

export class FakeBackend {
  contacts = new Map<number, Contact>();
  groups = new Map<number, Group>();
  settings: Settings = { language: '', country: 'ID', systemLanguage: 'id' };
  status: { state: string; message: string; dataDir: string } = { state: 'ready', message: '', dataDir: '/tmp/kontak-fake' };
  nextId = 1;
  clock = 1_700_000_000_000;
  private listeners = new Map<string, Listener[]>();

  /** milliseconds every call waits before answering */
  delay = 0;
  /** methods ("Contacts.List") that never settle */
  hang = new Set<string>();
  /** the next call of a method rejects with this value */
  failNext = new Map<string, unknown>();
  /** every call, in order: [method, args] */
  calls: [string, unknown[]][] = [];
  /** the import service (files, previews, runs, history, undo) */
  imports: FakeImporter = new FakeImporter(this, normalise);
  /** unsubscribes the runtime's file-drop listener (OnFileDrop registers once) */
  fileDrop: (() => void) | null = null;
  /** what the native dialogs answer ("" = cancelled); the tests never see a real dialog */
  dialog = { importFile: '', savePath: '' };
  /** files written by exports and "save rejected rows": path → what was written */
  written = new Map<string, { kind: 'export' | 'rejected'; format: string; count: number }>();
  /** methods held back until the test releases them (see hold) */
  private gates = new Map<string, Promise<void>>();
  /** bulk deletes that can be undone: undo id → the contacts as they were */
  private deleted = new Map<number, Contact[]>();
  /** bulk actions on at least this many contacts report bulk:progress (the backend: 1,000) */
  bulkChunk = 1000;

  reset(): void {
    this.contacts.clear();
    this.groups.clear();
    this.settings = { language: '', country: 'ID', systemLanguage: 'id' };
    this.status = { state: 'ready', message: '', dataDir: '/tmp/kontak-fake' };
    this.nextId = 1;
    this.clock = 1_700_000_000_000;
    this.listeners.clear();
    this.fileDrop = null;
    this.delay = 0;
    this.hang.clear();
    this.failNext.clear();
    this.calls = [];
    this.imports.reset();
    this.dialog = { importFile: '', savePath: '' };
    this.written.clear();
    this.gates.clear();
    this.deleted.clear();
    this.bulkChunk = 1000;
  }

  /**
   * Holds every call of a method until the returned function is called (the call is
   * recorded at once; its work and answer wait). For tests of what shows meanwhile.
   */
  hold(method: string): () => void {
    let release!: () => void;
    this.gates.set(method, new Promise<void>((r) => (release = r)));
    return () => {
      this.gates.delete(method);
      release();
    };
  }

  // ---- events (the runtime fake) ----
  on(name: string, cb: (...data: unknown[]) => void, max = -1): () => void {
    const l: Listener = { cb, left: max };
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), l]);
    return () => this.listeners.set(name, (this.listeners.get(name) ?? []).filter((x) => x !== l));
  }
  off(...names: string[]): void {
    for (const n of names) this.listeners.delete(n);
  }
  listenerCount(name?: string): number {
    if (name) return this.listeners.get(name)?.length ?? 0;
    let n = 0;
    for (const ls of this.listeners.values()) n += ls.length;
    return n;
  }
  emit(name: string, ...data: unknown[]): void {
    for (const l of [...(this.listeners.get(name) ?? [])]) {
      l.cb(...clone(data));
      if (l.left > 0 && --l.left === 0) this.listeners.set(name, (this.listeners.get(name) ?? []).filter((x) => x !== l));
    }
  }
  emitLater(name: string, data: unknown): void {
    setTimeout(() => this.emit(name, data), 0);
  }

  /** Runs one bound method the way Wails would: async, JSON in and out. */
  invoke<T>(method: string, args: unknown[], run: () => T): Promise<T> {
    this.calls.push([method, clone(args)]);
    if (this.hang.has(method)) return new Promise<T>(() => {});
    const failure = this.failNext.get(method);
    if (failure !== undefined) this.failNext.delete(method);
    const gate = this.gates.get(method);
    return new Promise<T>((resolve, reject) => {
      const answer = () => setTimeout(() => {
        if (failure !== undefined) return reject(failure instanceof Error ? failure : new Error(typeof failure === 'string' ? failure : JSON.stringify(failure)));
        try {
          resolve(clone(run()));
        } catch (e) {
          // like the Wails v2.16 runtime with the app's ErrorFormatter: new Error(<JSON of the error>)
          reject(e instanceof Error ? e : new Error(typeof e === 'string' ? e : JSON.stringify(e)));
        }
      }, this.delay);
      if (gate) void gate.then(answer);
      else answer();
    });
  }

  // ---- seeding (tests / demo) ----
  addGroup(name: string, description = ''): Group {
    const g: Group = { id: this.nextId++, name, description, members: 0, createdAt: this.clock++ };
    this.groups.set(g.id, g);
    return g;
  }
  addContact(
    name: string,
    phone: string,
    opts: { email?: string; groupIds?: number[]; originalName?: string; source?: string; suggestedName?: string; nameLocked?: boolean; optOut?: boolean; nameSource?: string } = {},
  ): Contact {
    const c = this.contactsAdd({ name, phone, email: opts.email ?? '', groupIds: opts.groupIds ?? [], fields: [], nameLocked: opts.nameLocked, optOut: opts.optOut }, opts.originalName);
    if (opts.source) c.source = opts.source;
    if (opts.suggestedName) c.suggestedName = opts.suggestedName;
    if (opts.nameSource) c.nameSource = opts.nameSource;
    return c;
  }

  /**
   * Many contacts at once, without the per-contact checks (distinct valid mobiles
   * 62812…): for list tests with thousands of rows. make(i) may set any field.
   */
  addMany(n: number, make: (i: number) => Partial<Contact> = () => ({})): void {
    for (let i = 0; i < n; i++) {
      const national = `812${String(this.nextId).padStart(8, '0')}`;
      const now = this.clock++;
      const c: Contact = {
        id: this.nextId++,
        name: `Kontak ${String(i).padStart(7, '0')}`,
        originalName: '',
        phone: `62${national}`,
        display: `+62 ${formatNational(national)}`,
        email: '',
        groupIds: [],
        fields: [],
        source: 'manual',
        createdAt: now,
        updatedAt: now,
        nameSource: 'typed',
        nameLocked: false,
        suggestedName: '',
        optOut: false,
        ...make(i),
      };
      if (!c.originalName) c.originalName = c.name;
      this.contacts.set(c.id, c);
    }
    this.recount();
  }

  recount(): void {
    for (const g of this.groups.values()) g.members = 0;
    for (const c of this.contacts.values()) for (const id of c.groupIds) {
      const g = this.groups.get(id);
      if (g) g.members++;
    }
  }

  private validate(input: ContactInput, excludeId: number): { phone: ReturnType<typeof normalise> } {
    if (!input.name.trim()) throw err('invalid', 'contact.name.empty', 'name');
    if (input.name.length > 200) throw err('invalid', 'contact.name.too_long', 'name', { max: '200' });
    const p = normalise(input.phone);
    if (p.status === 'empty') throw err('invalid', 'contact.phone.empty', 'phone');
    if (p.status === 'lossy') throw err('invalid', 'contact.phone.lossy', 'phone');
    if (p.status !== 'valid') throw err('invalid', 'contact.phone.invalid', 'phone', { reason: p.reasons[0] ?? 'not-a-number' });
    for (const c of this.contacts.values()) {
      if (c.phone === p.phone && c.id !== excludeId) throw err('exists', 'contact.phone.duplicate', 'phone', { id: String(c.id), name: c.name });
    }
    if (input.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email)) throw err('invalid', 'contact.email.invalid', 'email');
    for (const id of input.groupIds) if (!this.groups.has(id)) throw err('not_found', 'contact.group.not_found', 'groupIds', { id: String(id) });
    return { phone: p };
  }

  // ---- Contacts ----
  contactsAdd(input: ContactInput, originalName?: string): Contact {
    const { phone } = this.validate(input, 0);
    const now = this.clock++;
    const c: Contact = {
      id: this.nextId++,
      name: input.name.trim(),
      originalName: originalName ?? input.name.trim(),
      phone: phone.phone,
      display: phone.display,
      email: input.email.trim(),
      groupIds: [...new Set(input.groupIds)],
      fields: input.fields ?? [],
      source: 'manual',
      createdAt: now,
      updatedAt: now,
      nameSource: 'typed',
      nameLocked: input.nameLocked === true,
      suggestedName: '',
      optOut: input.optOut === true,
    };
    this.contacts.set(c.id, c);
    this.recount();
    this.emitLater('contacts:changed', { ids: [c.id] });
    if (c.groupIds.length) this.emitLater('groups:changed', {});
    return c;
  }
  contactsUpdate(id: number, input: ContactInput): Contact {
    const c = this.contacts.get(id);
    if (!c) throw err('not_found', 'contact.not_found', undefined, { id: String(id) });
    const { phone } = this.validate(input, id);
    const groupsChanged = JSON.stringify([...c.groupIds].sort()) !== JSON.stringify([...input.groupIds].sort());
    if (c.name !== input.name.trim()) {
      c.nameSource = 'typed';
      c.suggestedName = '';
    }
    if (typeof input.nameLocked === 'boolean') c.nameLocked = input.nameLocked;
    if (typeof input.optOut === 'boolean') c.optOut = input.optOut;
    Object.assign(c, {
      name: input.name.trim(),
      phone: phone.phone,
      display: phone.display,
      email: input.email.trim(),
      groupIds: [...new Set(input.groupIds)],
      fields: input.fields ?? [],
      updatedAt: this.clock++,
    });
    this.recount();
    this.emitLater('contacts:changed', { ids: [id] });
    if (groupsChanged) this.emitLater('groups:changed', {});
    return c;
  }
  contactsGet(id: number): Contact {
    const c = this.contacts.get(id);
    if (!c) throw err('not_found', 'contact.not_found', undefined, { id: String(id) });
    return c;
  }
  contactsDelete(ids: number[]): number {
    let n = 0;
    for (const id of ids) if (this.contacts.delete(id)) n++;
    this.recount();
    if (n) {
      this.emitLater('contacts:changed', { ids });
      this.emitLater('groups:changed', {});
    }
    return n;
  }
  contactsList(q: Query): Page {
    if (q.limit < 0 || q.limit > 500) throw err('invalid', 'request.invalid', undefined, { detail: 'page size must be between 1 and 500' });
    const list = this.matching(q);
    const limit = q.limit > 0 ? q.limit : 50;
    return { total: list.length, offset: q.offset, items: list.slice(q.offset, q.offset + limit) };
  }

  /** Every contact a query matches, in its order (paging ignored). */
  matching(q: Query): Contact[] {
    let list = [...this.contacts.values()];
    const gids = [...(q.groupId ? [q.groupId] : []), ...(q.groupIds ?? [])];
    for (const g of gids) if (!this.groups.has(g)) throw err('not_found', 'group.not_found', undefined, { id: String(g) });
    if (q.groupMode && !['any', 'all', 'none'].includes(q.groupMode)) throw err('invalid', 'request.invalid');
    if (gids.length > 0) {
      const mode = q.groupMode || 'any';
      list = list.filter((c) =>
        mode === 'all' ? gids.every((g) => c.groupIds.includes(g)) : mode === 'none' ? !gids.some((g) => c.groupIds.includes(g)) : gids.some((g) => c.groupIds.includes(g)),
      );
    }
    if (q.noGroup) list = list.filter((c) => c.groupIds.length === 0);
    if (q.hasEmail) list = list.filter((c) => c.email !== '');
    if (q.source) list = list.filter((c) => (c.source || 'manual') === q.source);
    const text = q.text.trim().toLowerCase();
    if (text) {
      let digits = text.replace(/\D/g, '');
      if (digits.startsWith('62')) digits = digits.slice(2);
      else if (digits.startsWith('0')) digits = digits.slice(1);
      const phoneLike = digits.length >= 3 && /^[\d\s+\-().]+$/.test(text);
      list = list.filter((c) =>
        phoneLike ? c.phone.slice(2).includes(digits) || c.phone.includes(digits) : c.name.toLowerCase().includes(text) || c.email.toLowerCase().includes(text),
      );
    }
    if (q.sort === 'newest') list.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
    else list.sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
    return list;
  }
  contactsCheckPhone(raw: string, excludeId: number): PhoneCheck {
    const p: PhoneCheck = normalise(raw);
    if (p.status === 'valid') {
      for (const c of this.contacts.values()) if (c.phone === p.phone && c.id !== excludeId) p.duplicate = { id: c.id, name: c.name };
    }
    return p;
  }
  contactsAddToGroup(ids: number[], groupId: number): number {
    if (!this.groups.has(groupId)) throw err('not_found', 'group.not_found', undefined, { id: String(groupId) });
    let n = 0;
    for (const id of ids) {
      const c = this.contacts.get(id);
      if (c && !c.groupIds.includes(groupId)) {
        c.groupIds.push(groupId);
        n++;
      }
    }
    this.recount();
    this.emitLater('contacts:changed', { ids });
    this.emitLater('groups:changed', {});
    return n;
  }
  contactsRemoveFromGroup(ids: number[], groupId: number): number {
    if (!this.groups.has(groupId)) throw err('not_found', 'group.not_found', undefined, { id: String(groupId) });
    let n = 0;
    for (const id of ids) {
      const c = this.contacts.get(id);
      if (c && c.groupIds.includes(groupId)) {
        c.groupIds = c.groupIds.filter((g) => g !== groupId);
        n++;
      }
    }
    this.recount();
    this.emitLater('contacts:changed', { ids });
    this.emitLater('groups:changed', {});
    return n;
  }

  private resolve(sel: Selection): number[] {
    return sel.all ? this.matching(sel.query).map((c) => c.id) : [...new Set(sel.ids)];
  }

  private bulkProgress(action: string, total: number): void {
    if (total < this.bulkChunk) return;
    for (let done = this.bulkChunk; done < total; done += this.bulkChunk) this.emit('bulk:progress', { action, done, total });
    this.emit('bulk:progress', { action, done: total, total });
  }

  contactsAddToGroupSelection(sel: Selection, groupId: number): number {
    const ids = this.resolve(sel);
    const n = this.contactsAddToGroup(ids, groupId);
    this.bulkProgress('add', ids.length);
    return n;
  }
  contactsRemoveFromGroupSelection(sel: Selection, groupId: number): number {
    const ids = this.resolve(sel);
    const n = this.contactsRemoveFromGroup(ids, groupId);
    this.bulkProgress('remove', ids.length);
    return n;
  }
  contactsDeleteSelection(sel: Selection): DeleteResult {
    const gone = this.resolve(sel)
      .map((id) => this.contacts.get(id))
      .filter((c): c is Contact => !!c)
      .map((c) => clone(c));
    if (gone.length === 0) return { deleted: 0, undoId: 0 };
    this.contactsDelete(gone.map((c) => c.id));
    this.bulkProgress('delete', gone.length);
    const undoId = this.nextId++;
    this.deleted.set(undoId, gone);
    return { deleted: gone.length, undoId };
  }
  contactsUndoDelete(undoId: number): number {
    const gone = this.deleted.get(undoId);
    if (!gone) throw err('not_found', 'delete.not_found', undefined, { id: String(undoId) });
    this.deleted.delete(undoId);
    let n = 0;
    for (const c of gone) {
      if ([...this.contacts.values()].some((x) => x.phone === c.phone)) continue;
      c.groupIds = c.groupIds.filter((g) => this.groups.has(g));
      this.contacts.set(c.id, c);
      n++;
    }
    this.recount();
    this.emitLater('contacts:changed', { ids: [] });
    this.emitLater('groups:changed', {});
    return n;
  }
  contactsSuggestion(id: number, accept: boolean): Contact {
    const c = this.contactsGet(id);
    if (accept && c.suggestedName) {
      c.name = c.suggestedName;
      c.nameSource = 'typed';
    }
    c.suggestedName = '';
    c.updatedAt = this.clock++;
    this.emitLater('contacts:changed', { ids: [id] });
    return c;
  }

  contactsExport(req: ExportRequest): ExportResult {
    if (!['csv', 'xlsx', 'vcf'].includes(req.format)) throw err('invalid', 'export.format.invalid', 'format', { format: req.format });
    if (!req.path.trim()) throw err('invalid', 'export.path.empty', 'path');
    if (req.path.startsWith('/readonly/')) throw err('invalid', 'export.file.unwritable', 'path', { reason: 'permission_denied', path: req.path });
    const ids = req.ids.length > 0 ? req.ids.filter((id) => this.contacts.has(id)) : this.matching(req.query).map((c) => c.id);
    const total = ids.length;
    for (let done = 0; done <= total; done += Math.max(1, Math.ceil(total / 3))) this.emit('export:progress', { done, total });
    this.emit('export:progress', { done: total, total });
    this.written.set(req.path, { kind: 'export', format: req.format, count: total });
    return { path: req.path, written: total };
  }

  // ---- Groups ----
  private validateGroup(input: GroupInput, excludeId: number): void {
    const name = input.name.trim();
    if (!name) throw err('invalid', 'group.name.empty', 'name');
    if (name.length > 100) throw err('invalid', 'group.name.too_long', 'name', { max: '100' });
    if (input.description.length > 500) throw err('invalid', 'group.description.too_long', 'description', { max: '500' });
    for (const g of this.groups.values()) {
      if (g.id !== excludeId && g.name.toLowerCase() === name.toLowerCase()) throw err('exists', 'group.name.duplicate', 'name', { id: String(g.id), name: g.name });
    }
  }
  groupsCreate(input: GroupInput): Group {
    this.validateGroup(input, 0);
    const g = this.addGroup(input.name.trim(), input.description.trim());
    this.emitLater('groups:changed', {});
    return g;
  }
  groupsUpdate(id: number, input: GroupInput): Group {
    const g = this.groups.get(id);
    if (!g) throw err('not_found', 'group.not_found', undefined, { id: String(id) });
    this.validateGroup(input, id);
    g.name = input.name.trim();
    g.description = input.description.trim();
    this.emitLater('groups:changed', {});
    return g;
  }
  groupsDelete(id: number): Group {
    const g = this.groups.get(id);
    if (!g) throw err('not_found', 'group.not_found', undefined, { id: String(id) });
    this.groups.delete(id);
    for (const c of this.contacts.values()) c.groupIds = c.groupIds.filter((x) => x !== id);
    this.emitLater('groups:changed', {});
    this.emitLater('contacts:changed', { ids: [] });
    return g;
  }
  groupsList(): Group[] {
    return [...this.groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'id', { sensitivity: 'base' }));
  }
  groupsGet(id: number): Group {
    const g = this.groups.get(id);
    if (!g) throw err('not_found', 'group.not_found', undefined, { id: String(id) });
    return g;
  }

  // ---- Settings ----
  settingsUpdate(s: Settings): Settings {
    if (!['', 'id', 'en'].includes(s.language)) throw err('invalid', 'settings.language.invalid', 'language');
    if (!COUNTRIES.some((c) => c.code === s.country)) throw err('invalid', 'settings.country.invalid', 'country');
    this.settings = { ...this.settings, language: s.language, country: s.country };
    this.emitLater('settings:changed', this.settings);
    return this.settings;
  }
}

export const fake = new FakeBackend();

/** Demo data for `vite --mode fake` (add ?empty to the URL for a fresh start). */
export function seedDemo(b: FakeBackend): void {
  const pelanggan = b.addGroup('Pelanggan', 'Pernah membeli minimal sekali');
  const reseller = b.addGroup('Reseller', 'Mitra penjual di luar kota');
  const news = b.addGroup('Newsletter', 'Dapat info promo mingguan');
  const people: [string, string, string, number[]][] = [
    ['Budi Santoso', '0812-3456-7890', 'budi@tokobudi.id', [pelanggan.id, news.id]],
    ['Siti Rahayu', '0813 1111 2222', 'siti.rahayu@gmail.com', [pelanggan.id]],
    ['Andi Wijaya', '+62 857-3333-4444', '', [reseller.id, news.id]],
    ['Rina Kusuma', '087855556666', 'rina@kusuma.co.id', []],
    ['Dewi Lestari', '0821 9876 5432', '', [pelanggan.id, reseller.id, news.id]],
    ['Agus Pratama', '0811 2233 4455', 'agus.p@yahoo.co.id', [news.id]],
    ['Ibu Ratna', '0856 7788 9900', '', [pelanggan.id]],
    ['Toko Makmur Jaya', '021-555-1234', 'order@makmurjaya.id', [reseller.id]],
    ['Yusuf Hakim', '0838 1212 3434', '', []],
    ['Maya Sari', '0817 4545 6767', 'maya.sari@outlook.com', [pelanggan.id, news.id]],
    ['Hendra Gunawan', '0895 1010 2020', '', [reseller.id]],
    ['Putri Ayu', '0822 3030 4040', 'putri.ayu@gmail.com', [news.id]],
  ];
  for (const [name, phone, email, groupIds] of people) b.addContact(name, phone, { email, groupIds, originalName: name === 'Ibu Ratna' ? 'Ratna (IG)' : undefined });
}

if (import.meta.env.MODE === 'fake' && typeof location !== 'undefined' && !location.search.includes('empty')) {
  seedDemo(fake);
  // ?many=N adds N generated contacts, to try the list at scale
  const many = Number(new URLSearchParams(location.search).get('many') ?? 0);
  if (many > 0) {
    const first = ['Budi', 'Siti', 'Andi', 'Rina', 'Dewi', 'Agus', 'Putri', 'Yusuf', 'Maya', 'Hendra'];
    const last = ['Santoso', 'Rahayu', 'Wijaya', 'Kusuma', 'Lestari', 'Pratama', 'Hakim', 'Sari', 'Gunawan', 'Ayu'];
    fake.addMany(Math.min(many, 200_000), (i) => ({
      name: `${first[i % 10]} ${last[Math.floor(i / 10) % 10]} ${i}`,
      email: i % 3 === 0 ? `kontak${i}@contoh.id` : '',
      optOut: i % 97 === 0,
      suggestedName: i % 89 === 0 ? `${first[(i + 3) % 10]} ${last[i % 10]}` : '',
    }));
  }
}
