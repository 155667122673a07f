// An in-memory stand-in for Go's importer.Imports: enough of the contract (shapes, events,
// errors, undo) for the unit tests and `vite --mode fake`. Files are plain text CSV/vCard.
import type {
  ColumnMap,
  ColumnRole,
  Contact,
  FileInfo,
  ImportCounts,
  ImportOptions,
  ImportPreview,
  ImportProblem,
  ImportReport,
  Mapping,
  PreviewRow,
  RowOutcome,
  UndoResult,
} from '../../lib/api/types';
import type { FakeBackend, BackendError } from './backend';

type Normalise = (raw: string) => { status: string; phone: string; display: string; reasons: string[] };

/** importer.OpenOptions as the bindings send it. */
export interface GoOpenOptions {
  sheet?: string;
  delimiter?: string;
  headerRow?: number;
}

/** importer.Options as the bindings send it. */
export type GoOptions = Omit<ImportOptions, 'open'> & { open: GoOpenOptions };

function err(kind: string, code: string, params?: Record<string, string>): BackendError {
  const e: BackendError = { kind, code, message: code };
  if (params) e.params = params;
  return e;
}

/** RFC 4180-ish: quotes, doubled quotes, newlines inside quotes, CRLF/LF. */
export function parseDelimited(text: string, delim: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delim) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      cell = '';
      if (row.some((c) => c.trim() !== '')) rows.push(row);
      row = [];
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c.trim() !== '')) rows.push(row);
  return rows;
}

function detectDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = firstLine.replace(/"[^"]*"/g, '').split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

const HEADER_ROLES: [RegExp, ColumnRole, string][] = [
  [/^(nama|nama lengkap|name|full name)$/, 'name', ''],
  [/^(first name|nama depan)$/, 'first_name', ''],
  [/^(last name|nama belakang)$/, 'last_name', ''],
  [/^(no\.? ?hp|no\.? ?wa|hp|wa|whatsapp|nomor whatsapp|mobile)$/, 'phone', 'mobile'],
  [/^(phone|telepon|telp|no\.? ?telp)$/, 'phone', ''],
  [/^(email|e-mail|surel)$/, 'email', ''],
  [/^(grup|group|groups|label|labels|kategori|tags)$/, 'group', ''],
];

export function suggestColumn(header: string): ColumnMap {
  const h = header.trim().toLowerCase();
  for (const [re, role, key] of HEADER_ROLES) if (re.test(h)) return { role, key };
  return { role: 'field', key: '' };
}

interface Parsed {
  info: FileInfo;
  rows: { row: number; cells: string[] }[];
}

interface Planned extends PreviewRow {
  phoneCanonical: string;
  fields: { key: string; value: string }[];
}

interface Job {
  batch: number;
  report: ImportReport;
  planned: Planned[];
  options: GoOptions;
  step: number;
  timer: ReturnType<typeof setTimeout> | null;
}

interface UndoLog {
  created: number[];
  updated: Contact[];
  members: [number, number][];
  groups: number[];
}

export class FakeImporter {
  /** staged or seeded files: path → text */
  files = new Map<string, string>();
  history: ImportReport[] = [];
  remembered = new Map<string, Mapping>();
  job: Job | null = null;
  /** progress steps of a run, and the time between them; autoRun=false waits for step() */
  steps = 4;
  stepMs = 15;
  autoRun = true;
  private undoLogs = new Map<number, UndoLog>();
  private nextBatch = 1;
  private staged = 0;

  constructor(
    private b: FakeBackend,
    private normalise: Normalise,
  ) {}

  reset(): void {
    if (this.job?.timer) clearTimeout(this.job.timer);
    this.job = null;
    this.files.clear();
    this.history = [];
    this.remembered.clear();
    this.undoLogs.clear();
    this.nextBatch = 1;
    this.staged = 0;
    this.steps = 4;
    this.stepMs = 15;
    this.autoRun = true;
  }

  // ---- bound methods ----
  stage(name: string, data: string): string {
    let text: string;
    try {
      const bin = atob(data);
      const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
      text = new TextDecoder('utf-8').decode(bytes);
    } catch {
      throw err('invalid', 'request.invalid');
    }
    const path = `/tmp/kontak-staged-${++this.staged}/${name.split(/[\\/]/).pop() || 'file'}`;
    this.files.set(path, text);
    return path;
  }

  inspect(path: string, open: GoOpenOptions): FileInfo {
    return this.parse(path, open).info;
  }

  preview(o: GoOptions): ImportPreview {
    const { info, planned, counts, problems } = this.plan(o);
    return { file: info, rows: planned.slice(0, 200).map(stripPlan), counts, problems };
  }

  start(o: GoOptions): boolean {
    if (this.job) throw err('invalid', 'import.busy');
    const { info, planned } = this.plan(o);
    const batch = this.nextBatch++;
    const report: ImportReport = {
      batch,
      file: info.file,
      path: info.path,
      format: info.format,
      state: 'running',
      ...zeroCounts(),
      problems: [],
      rejected: 0,
      groupIds: [...o.groupIds],
      startedAt: this.b.clock++,
      finishedAt: 0,
      error: '',
    };
    this.history.unshift(report);
    if (info.header.length > 0 && o.mapping) this.remembered.set(info.header.join('\u0000'), o.mapping);
    this.job = { batch, report, planned, options: o, step: 0, timer: null };
    this.b.emitLater('imports:changed', {});
    if (this.autoRun) this.schedule();
    return true;
  }

  cancel(): boolean {
    const j = this.job;
    if (!j) return false;
    if (j.timer) clearTimeout(j.timer);
    this.job = null;
    j.report.state = 'cancelled';
    j.report.finishedAt = this.b.clock++;
    this.b.emit('import:progress', { importId: j.batch, phase: 'undoing', rows: 0, done: 0, total: 0, percent: 0, rowsPerSec: 0, secondsLeft: 0 });
    this.b.emitLater('import:done', { ...j.report });
    this.b.emitLater('imports:changed', {});
    return true;
  }

  running(): boolean {
    return this.job !== null;
  }

  report(batch: number): ImportReport {
    const r = this.history.find((x) => x.batch === batch);
    if (!r) throw err('not_found', 'import.not_found', { id: String(batch) });
    return r;
  }

  undo(batch: number): UndoResult {
    const r = this.report(batch);
    if (this.job?.batch === batch) throw err('invalid', 'import.running');
    if (r.state !== 'done') throw err('invalid', 'import.not_undoable', { state: r.state });
    const log = this.undoLogs.get(batch) ?? { created: [], updated: [], members: [], groups: [] };
    let removed = 0;
    for (const id of log.created) if (this.b.contacts.delete(id)) removed++;
    for (const prev of log.updated) this.b.contacts.set(prev.id, prev);
    for (const [cid, gid] of log.members) {
      const c = this.b.contacts.get(cid);
      if (c) c.groupIds = c.groupIds.filter((g) => g !== gid);
    }
    for (const gid of log.groups) {
      this.b.groups.delete(gid);
      for (const c of this.b.contacts.values()) c.groupIds = c.groupIds.filter((g) => g !== gid);
    }
    this.b.recount();
    r.state = 'undone';
    this.b.emitLater('contacts:changed', { ids: [] });
    this.b.emitLater('groups:changed', {});
    this.b.emitLater('imports:changed', {});
    return { removed, restored: log.updated.length, left: 0 };
  }

  saveRejected(batch: number, path: string): number {
    const r = this.report(batch);
    if (r.rejected === 0) throw err('invalid', 'import.nothing_rejected');
    this.b.written.set(path, { kind: 'rejected', format: 'csv', count: r.rejected });
    return r.rejected;
  }

  // ---- running ----
  /** Advances a run by one progress step (tests with autoRun=false). */
  step(): void {
    const j = this.job;
    if (!j) return;
    j.step++;
    const total = j.planned.length;
    const rows = Math.min(total, Math.round((total * j.step) / this.steps));
    const percent = total === 0 ? 100 : (rows / total) * 100;
    this.b.emit('import:progress', {
      importId: j.batch,
      rows,
      done: rows,
      total,
      percent,
      rowsPerSec: 1000,
      secondsLeft: Math.max(0, (total - rows) / 1000),
      phase: j.step >= this.steps ? 'done' : 'reading',
    });
    if (j.step >= this.steps) this.finish(j);
  }

  private schedule(): void {
    const j = this.job;
    if (!j) return;
    j.timer = setTimeout(() => {
      if (this.job !== j) return;
      this.step();
      if (this.job === j) this.schedule();
    }, this.stepMs);
  }

  private finish(j: Job): void {
    const b = this.b;
    const log: UndoLog = { created: [], updated: [], members: [], groups: [] };
    const targets = [...j.options.groupIds];
    for (const name of j.options.newGroups) {
      const existing = [...b.groups.values()].find((g) => g.name.toLowerCase() === name.trim().toLowerCase());
      if (existing) targets.push(existing.id);
      else {
        const g = b.addGroup(name.trim());
        log.groups.push(g.id);
        targets.push(g.id);
      }
    }
    const r = j.report;
    Object.assign(r, zeroCounts());
    for (const p of j.planned) {
      r.read++;
      if (p.outcome === 'new') {
        const now = b.clock++;
        const c: Contact = {
          id: b.nextId++,
          name: p.name || p.display,
          originalName: p.name || p.display,
          phone: p.phoneCanonical,
          display: p.display,
          email: p.email,
          groupIds: [...targets],
          fields: p.fields,
          source: `import:${j.batch}`,
          createdAt: now,
          updatedAt: now,
          nameSource: 'import',
          nameLocked: false,
          suggestedName: '',
          optOut: false,
        };
        b.contacts.set(c.id, c);
        log.created.push(c.id);
        r.created++;
      } else if (p.outcome === 'update' || p.outcome === 'unchanged') {
        const c = [...b.contacts.values()].find((x) => x.phone === p.phoneCanonical);
        if (!c) continue;
        const added = targets.filter((g) => !c.groupIds.includes(g));
        const fill = j.options.existing !== 'skip' && !c.email && p.email;
        if (added.length === 0 && !fill) {
          r.unchanged++;
          continue;
        }
        log.updated.push(JSON.parse(JSON.stringify(c)) as Contact);
        for (const g of added) log.members.push([c.id, g]);
        c.groupIds.push(...added);
        if (fill) c.email = p.email;
        r.updated++;
      } else {
        if (p.outcome === 'duplicate') r.duplicates++;
        else if (p.outcome === 'invalid') r.invalid++;
        else if (p.outcome === 'lossy') r.lossy++;
        else if (p.outcome === 'empty') r.empty++;
        r.problems.push(asProblem(p));
        r.rejected++;
      }
    }
    b.recount();
    r.state = 'done';
    r.groupIds = targets;
    r.finishedAt = b.clock++;
    this.undoLogs.set(j.batch, log);
    this.job = null;
    b.emitLater('import:done', { ...r });
    b.emitLater('imports:changed', {});
    b.emitLater('contacts:changed', { ids: [] });
    b.emitLater('groups:changed', {});
  }

  // ---- reading ----
  private parse(path: string, open: GoOpenOptions): Parsed {
    const text = this.files.get(path);
    const file = path.split('/').pop() ?? path;
    if (text === undefined) throw err('invalid', 'import.file.unreadable', { detail: 'no such file or directory' });
    const body = text.replace(/^\uFEFF/, '');
    if (!body.trim()) throw err('invalid', 'import.file.empty');
    const base: FileInfo = {
      path,
      file,
      format: 'csv',
      profile: '',
      encoding: text.startsWith('\uFEFF') ? 'utf-8-bom' : 'utf-8',
      delimiter: '',
      sheets: [],
      sheet: '',
      headerRow: 0,
      header: [],
      sample: [],
      mapping: { columns: [] },
      remembered: false,
      size: text.length,
    };
    if (/^BEGIN:VCARD/i.test(body.trim())) {
      const rows: { row: number; cells: string[] }[] = [];
      let n = 0;
      for (const card of body.split(/END:VCARD/i)) {
        if (!/BEGIN:VCARD/i.test(card)) continue;
        n++;
        const fn = /^FN[^:]*:(.*)$/im.exec(card)?.[1]?.trim() ?? '';
        const tel = /^TEL[^:]*:(.*)$/im.exec(card)?.[1]?.trim() ?? '';
        const email = /^EMAIL[^:]*:(.*)$/im.exec(card)?.[1]?.trim() ?? '';
        rows.push({ row: n, cells: [fn, tel, email] });
      }
      return { info: { ...base, format: 'vcard', encoding: 'utf-8' }, rows };
    }
    const firstLine = body.split(/\r?\n|\r/)[0] ?? '';
    const delim = open.delimiter || detectDelimiter(firstLine);
    const table = parseDelimited(body, delim);
    if (table.length === 0) throw err('invalid', 'import.file.no_rows');
    const width = Math.max(...table.map((r) => r.length));
    const noHeader = open.headerRow === -1;
    const header = noHeader ? Array.from({ length: width }, (_, i) => `Column ${i + 1}`) : table[0]!.map((h) => h.trim());
    while (header.length < width) header.push(`Column ${header.length + 1}`);
    const data = (noHeader ? table : table.slice(1)).map((cells, i) => ({ row: i + (noHeader ? 1 : 2), cells }));
    if (data.length === 0) throw err('invalid', 'import.file.no_rows');
    const key = header.join('\u0000');
    const remembered = this.remembered.get(key);
    let mapping: Mapping = { columns: header.map(suggestColumn) };
    if (noHeader) {
      // no names to go by: the column whose values look like phones
      const phoneCol = header.findIndex((_, c) => data.some((r) => this.normalise(r.cells[c] ?? '').status === 'valid'));
      mapping = { columns: header.map((_, c) => (c === phoneCol ? { role: 'phone', key: '' } : { role: 'field', key: '' })) };
    }
    const info: FileInfo = {
      ...base,
      delimiter: delim,
      headerRow: noHeader ? 0 : 1,
      header,
      sample: data.slice(0, 5).map((r) => header.map((_, c) => r.cells[c] ?? '')),
      mapping: remembered ?? mapping,
      remembered: remembered !== undefined,
    };
    return { info, rows: data };
  }

  private plan(o: GoOptions) {
    if (!['fill', 'skip', 'overwrite'].includes(o.existing)) throw err('invalid', 'import.options.invalid', { option: 'existing', value: o.existing });
    const { info, rows } = this.parse(o.path, o.open);
    let columns: ColumnMap[];
    if (info.format === 'vcard') {
      columns = [
        { role: 'name', key: '' },
        { role: 'phone', key: '' },
        { role: 'email', key: '' },
      ];
    } else {
      columns = o.mapping ? o.mapping.columns : info.mapping.columns;
      if (columns.length !== info.header.length) throw err('invalid', 'import.mapping.invalid');
      if (!columns.some((c) => c.role === 'phone')) throw err('invalid', 'import.mapping.no_phone');
      info.mapping = { columns };
    }
    const seen = new Map<string, number>();
    const counts = zeroCounts();
    const planned: Planned[] = [];
    const problems: ImportProblem[] = [];
    for (const r of rows) {
      const cell = (role: ColumnRole) => columns.map((c, i) => (c.role === role ? (r.cells[i] ?? '').trim() : '')).filter(Boolean);
      const name = [...cell('name'), ...cell('first_name'), ...cell('middle_name'), ...cell('last_name')].join(' ');
      const rawPhone = cell('phone')[0] ?? '';
      const email = cell('email')[0] ?? '';
      const groups = cell('group').flatMap((g) => g.split(/\s*[,;|]\s*/)).filter(Boolean);
      const fields = columns
        .map((c, i) => (c.role === 'field' && (r.cells[i] ?? '').trim() ? { key: c.key || info.header[i] || `Column ${i + 1}`, value: (r.cells[i] ?? '').trim() } : null))
        .filter((f): f is { key: string; value: string } => f !== null);
      const p = this.normalise(rawPhone);
      const row: Planned = {
        row: r.row,
        name,
        phone: rawPhone,
        display: '',
        email,
        groups,
        outcome: 'new',
        reason: '',
        duplicateOf: 0,
        existingName: '',
        phoneCanonical: '',
        fields,
      };
      counts.read++;
      if (p.status === 'empty') Object.assign(row, { outcome: 'empty', reason: 'empty' });
      else if (/e\+/i.test(rawPhone)) Object.assign(row, { outcome: 'lossy', reason: 'digits-lost' });
      else if (p.status !== 'valid') Object.assign(row, { outcome: 'invalid', reason: p.reasons.at(-1) ?? 'invalid' });
      else if (seen.has(p.phone)) Object.assign(row, { outcome: 'duplicate', reason: 'duplicate', duplicateOf: seen.get(p.phone), display: p.display });
      else {
        seen.set(p.phone, r.row);
        row.display = p.display;
        row.phoneCanonical = p.phone;
        const existing = [...this.b.contacts.values()].find((c) => c.phone === p.phone);
        if (existing) {
          row.existingName = existing.name;
          const addsGroups = o.newGroups.length > 0 || o.groupIds.some((g) => !existing.groupIds.includes(g));
          const fills = o.existing !== 'skip' && !existing.email && email !== '';
          row.outcome = addsGroups || fills ? 'update' : 'unchanged';
        }
      }
      countOutcome(counts, row.outcome);
      if (isProblem(row.outcome)) problems.push(asProblem(row));
      planned.push(row);
    }
    return { info, planned, counts, problems };
  }
}

function zeroCounts(): ImportCounts {
  return { read: 0, created: 0, updated: 0, unchanged: 0, duplicates: 0, invalid: 0, lossy: 0, empty: 0 };
}

function isProblem(o: RowOutcome): boolean {
  return o === 'duplicate' || o === 'invalid' || o === 'lossy' || o === 'empty';
}

function countOutcome(c: ImportCounts, o: RowOutcome): void {
  const key = ({ new: 'created', update: 'updated', unchanged: 'unchanged', duplicate: 'duplicates', invalid: 'invalid', lossy: 'lossy', empty: 'empty' } as const)[o];
  c[key]++;
}

function asProblem(p: PreviewRow): ImportProblem {
  return { row: p.row, outcome: p.outcome, reason: p.reason, name: p.name, phone: p.phone, duplicateOf: p.duplicateOf };
}

function stripPlan(p: Planned): PreviewRow {
  const { phoneCanonical: _c, fields: _f, ...row } = p;
  return row;
}

