// The in-memory campaigns service behind the fake Campaigns binding: saved items, the
// audience (union of the include groups, minus exclude groups, opted-out contacts and
// contacts without a valid number, narrowed by the filters; each phone once), "why",
// message previews with {var|fallback}, and recorded outputs. It reads the contacts and
// groups of the shared fake backend and follows backend/campaigns/types.go.
import { fake, normalise } from '../../backend';
import type { Contact } from '../../../../lib/api/types';

export interface FAudience {
  include: number[];
  exclude: number[];
  hasEmail: boolean;
  addedSince: number;
  source: string;
  notContactedDays: number;
}
export interface FOutput {
  id: number;
  itemId: number;
  itemName: string;
  format: string;
  path: string;
  recipients: number;
  at: number;
}
export interface FItem {
  id: number;
  kind: string;
  name: string;
  message: string;
  audience: FAudience;
  createdAt: number;
  updatedAt: number;
  lastOutput?: FOutput;
}
export interface FCount {
  recipients: number;
  inGroups: number;
  excludedByGroup: number;
  optedOut: number;
  invalidPhone: number;
  filtered: number;
  recentlyContacted: number;
}
export interface FWhy {
  contactId: number;
  included: boolean;
  reason: string;
  via: number[];
  excludedBy: number[];
  lastContactedAt: number;
}

const DAY_MS = 86_400_000;
const VAR = /\{([^{}|]+)(?:\|([^{}]*))?\}/g;

function err(kind: string, code: string, field?: string, params?: Record<string, string>) {
  const e: { kind: string; code: string; message: string; field?: string; params?: Record<string, string> } = { kind, code, message: code };
  if (field) e.field = field;
  if (params) e.params = params;
  return e;
}

const collator = new Intl.Collator('id', { sensitivity: 'base' });

function audienceOf(a: Partial<FAudience> | null | undefined): FAudience {
  return {
    include: [...(a?.include ?? [])],
    exclude: [...(a?.exclude ?? [])],
    hasEmail: a?.hasEmail === true,
    addedSince: a?.addedSince ?? 0,
    source: a?.source ?? '',
    notContactedDays: a?.notContactedDays ?? 0,
  };
}

export class FakeCampaigns {
  items = new Map<number, FItem>();
  outputs: (FOutput & { contactIds: number[] })[] = [];
  /** what each export wrote: path → the rows (phone, name, message) or lines */
  files = new Map<string, { format: string; rows: { phone: string; name: string; message: string }[] }>();

  reset(): void {
    this.items.clear();
    this.outputs = [];
    this.files.clear();
  }

  private validPhone(c: Contact): boolean {
    if (!c.phone) return false;
    return normalise(`+${c.phone}`).status === 'valid';
  }

  lastContacted(contactId: number): number {
    let at = 0;
    for (const o of this.outputs) if (o.at > at && o.contactIds.includes(contactId)) at = o.at;
    return at;
  }

  /** The decision about one contact; the reasons in the contract's order. */
  why(a: FAudience, c: Contact): FWhy {
    const via = c.groupIds.filter((g) => a.include.includes(g));
    const excludedBy = c.groupIds.filter((g) => a.exclude.includes(g));
    const lastContactedAt = this.lastContacted(c.id);
    const out = (included: boolean, reason: string): FWhy => ({ contactId: c.id, included, reason, via, excludedBy, lastContactedAt });
    if (via.length === 0) return out(false, 'not-in-groups');
    if (excludedBy.length > 0) return out(false, 'excluded-group');
    if (c.optOut) return out(false, 'opted-out');
    if (!this.validPhone(c)) return out(false, 'invalid-phone');
    if (a.hasEmail && !c.email) return out(false, 'no-email');
    if (a.addedSince > 0 && c.createdAt < a.addedSince) return out(false, 'added-before');
    if (a.source && c.source !== a.source) return out(false, 'other-source');
    if (a.notContactedDays > 0 && lastContactedAt > 0 && lastContactedAt >= fake.clock - a.notContactedDays * DAY_MS) return out(false, 'recently-contacted');
    return out(true, 'included');
  }

  /** The count and the recipients in a stable order (name, then phone), each phone once. */
  audience(raw: Partial<FAudience>): { count: FCount; list: Contact[] } {
    const a = audienceOf(raw);
    for (const g of [...a.include, ...a.exclude]) if (!fake.groups.has(g)) throw err('not_found', 'group.not_found', undefined, { id: String(g) });
    const count: FCount = { recipients: 0, inGroups: 0, excludedByGroup: 0, optedOut: 0, invalidPhone: 0, filtered: 0, recentlyContacted: 0 };
    const sorted = [...fake.contacts.values()].sort((x, y) => collator.compare(x.name, y.name) || x.phone.localeCompare(y.phone) || x.id - y.id);
    const seen = new Set<string>();
    const list: Contact[] = [];
    for (const c of sorted) {
      const w = this.why(a, c);
      if (w.reason === 'not-in-groups') continue;
      count.inGroups++;
      switch (w.reason) {
        case 'excluded-group':
          count.excludedByGroup++;
          continue;
        case 'opted-out':
          count.optedOut++;
          continue;
        case 'invalid-phone':
          count.invalidPhone++;
          continue;
        case 'no-email':
        case 'added-before':
        case 'other-source':
          count.filtered++;
          continue;
        case 'recently-contacted':
          count.recentlyContacted++;
          continue;
      }
      if (seen.has(c.phone)) continue;
      seen.add(c.phone);
      list.push(c);
    }
    count.recipients = list.length;
    return { count, list };
  }

  recipient(c: Contact, a: FAudience) {
    return { contactId: c.id, name: c.name, phone: c.phone, display: c.display, groups: [...c.groupIds], via: c.groupIds.filter((g) => a.include.includes(g)) };
  }

  private value(c: Contact, variable: string): string {
    const v = variable.trim().toLowerCase();
    if (v === 'name' || v === 'nama') return c.name;
    if (v === 'phone') return c.display || c.phone;
    return c.fields.find((f) => f.key.toLowerCase() === v)?.value ?? '';
  }

  /** Variables with a meaning: {name}, {phone} and the custom fields any contact has. */
  knownVariables(): Set<string> {
    const known = new Set(['name', 'nama', 'phone']);
    for (const c of fake.contacts.values()) for (const f of c.fields) known.add(f.key.toLowerCase());
    return known;
  }

  /** Fills the variables; an unknown one stays as written. */
  render(message: string, c: Contact, known = this.knownVariables()): string {
    return message.replace(VAR, (m, v: string, fallback: string | undefined) => (known.has(v.trim().toLowerCase()) ? this.value(c, v) || (fallback ?? '') : m));
  }

  preview(message: string, raw: Partial<FAudience>) {
    const a = audienceOf(raw);
    const { list } = this.audience(a);
    const vars = [...message.matchAll(VAR)].map((m) => ({ name: m[1]!.trim(), fallback: m[2] }));
    const known = this.knownVariables();
    const unknown = [...new Set(vars.map((v) => v.name).filter((n) => !known.has(n.toLowerCase())))];
    const empty: { variable: string; count: number }[] = [];
    for (const name of [...new Set(vars.filter((v) => v.fallback === undefined && known.has(v.name.toLowerCase())).map((v) => v.name))]) {
      const n = list.filter((c) => !this.value(c, name)).length;
      if (n > 0) empty.push({ variable: name, count: n });
    }
    return {
      samples: list.slice(0, 3).map((c) => ({ contactId: c.id, name: c.name, phone: c.phone, message: this.render(message, c, known) })),
      empty,
      unknown,
    };
  }

  save(id: number, input: { kind: string; name: string; message: string; audience: FAudience }): FItem {
    const name = (input.name ?? '').trim();
    if (input.kind !== 'campaign' && input.kind !== 'broadcast') throw err('invalid', 'campaign.kind.invalid', 'kind');
    if (!name) throw err('invalid', 'campaign.name.empty', 'name');
    if (name.length > 200) throw err('invalid', 'campaign.name.too_long', 'name', { max: '200' });
    if ((input.message ?? '').length > 10_000) throw err('invalid', 'campaign.message.too_long', 'message', { max: '10000' });
    const now = fake.clock++;
    let item: FItem;
    if (id) {
      const old = this.items.get(id);
      if (!old) throw err('not_found', 'campaign.not_found', undefined, { id: String(id) });
      item = { ...old, kind: input.kind, name, message: input.message, audience: audienceOf(input.audience), updatedAt: now };
    } else {
      item = { id: fake.nextId++, kind: input.kind, name, message: input.message, audience: audienceOf(input.audience), createdAt: now, updatedAt: now };
    }
    this.items.set(item.id, item);
    fake.emitLater('campaigns:changed', {});
    return item;
  }

  get(id: number): FItem {
    const it = this.items.get(id);
    if (!it) throw err('not_found', 'campaign.not_found', undefined, { id: String(id) });
    return it;
  }

  list(kind: string): FItem[] {
    return [...this.items.values()].filter((i) => !kind || i.kind === kind).sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  }

  delete(id: number): boolean {
    if (!this.items.delete(id)) throw err('not_found', 'campaign.not_found', undefined, { id: String(id) });
    fake.emitLater('campaigns:changed', {});
    return true;
  }

  export(req: { itemId: number; format: string; path: string }): FOutput {
    const item = this.get(req.itemId);
    if (!['csv', 'xlsx', 'numbers', 'wame'].includes(req.format)) throw err('invalid', 'campaign.format.invalid', 'format', { format: req.format });
    if (!req.path.trim()) throw err('invalid', 'campaign.path.empty', 'path');
    if (req.path.startsWith('/readonly/')) throw err('invalid', 'campaign.file.unwritable', 'path', { path: req.path });
    const { list } = this.audience(item.audience);
    if (list.length === 0) throw err('invalid', 'campaign.audience.empty');
    const o: FOutput = { id: fake.nextId++, itemId: item.id, itemName: item.name, format: req.format, path: req.path, recipients: list.length, at: fake.clock++ };
    this.outputs.unshift({ ...o, contactIds: list.map((c) => c.id) });
    item.lastOutput = o;
    this.files.set(req.path, { format: req.format, rows: list.map((c) => ({ phone: c.phone, name: c.name, message: this.render(item.message, c) })) });
    fake.written.set(req.path, { kind: 'export', format: req.format, count: list.length });
    fake.emitLater('campaigns:changed', {});
    return o;
  }

  outputsOf(itemId: number): FOutput[] {
    return this.outputs.filter((o) => !itemId || o.itemId === itemId).map(({ contactIds: _ids, ...o }) => o);
  }

  targets(contactId: number) {
    const c = fake.contactsGet(contactId);
    return this.list('').map((i) => ({ itemId: i.id, kind: i.kind, itemName: i.name, why: this.why(i.audience, c) }));
  }
}

export const campaignsFake = new FakeCampaigns();

// fake.reset() (run before every test) forgets the campaigns too.
const baseReset = fake.reset.bind(fake);
fake.reset = () => {
  baseReset();
  campaignsFake.reset();
};
