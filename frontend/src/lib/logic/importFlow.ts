// Pure helpers of the import and export screens (no Svelte state), so they are easy to test.
import type { ColumnMap, ColumnRole, ExportFormat, ImportCounts, ImportProgress, PhoneLabel, RowOutcome } from '../api/types';

export const ROLES: readonly ColumnRole[] = ['name', 'first_name', 'middle_name', 'last_name', 'phone', 'email', 'group', 'optOut', 'field', 'ignore'];
export const PHONE_LABELS: readonly PhoneLabel[] = ['', 'mobile', 'home', 'work', 'other', 'fax'];
export const DELIMITERS: readonly string[] = ['', ',', ';', '\t', '|'];

/** The largest file a browser may send as bytes (the backend refuses more). */
export const MAX_STAGED_BYTES = 256 << 20;

/** How many rows the preview table shows (the backend sends the first 200). */
export const PREVIEW_ROWS = 200;

/** Problems with a mapping that block the next step; the codes are error codes of the backend. */
export function mappingProblem(columns: readonly ColumnMap[]): 'import.mapping.no_phone' | null {
  return columns.some((c) => c.role === 'phone') ? null : 'import.mapping.no_phone';
}

/** A new role for one column: the key only means something for "field" and "phone". */
export function withRole(columns: readonly ColumnMap[], index: number, role: ColumnRole): ColumnMap[] {
  return columns.map((c, i) => (i === index ? { role, key: role === c.role ? c.key : '' } : c));
}

export function withKey(columns: readonly ColumnMap[], index: number, key: string): ColumnMap[] {
  return columns.map((c, i) => (i === index ? { ...c, key } : c));
}

/** Up to `max` distinct non-empty sample values of one column. */
export function sampleValues(sample: readonly (readonly string[])[], column: number, max = 3): string[] {
  const out: string[] = [];
  for (const row of sample) {
    const v = (row[column] ?? '').trim();
    if (v && !out.includes(v)) out.push(v);
    if (out.length >= max) break;
  }
  return out;
}

export function isProblem(o: RowOutcome): boolean {
  return o === 'duplicate' || o === 'invalid' || o === 'lossy' || o === 'empty';
}

/** Rows that would be written (new, updated or unchanged contacts, groups added). */
export function importable(c: ImportCounts): number {
  return c.created + c.updated + c.unchanged;
}

export function problemCount(c: ImportCounts): number {
  return c.duplicates + c.invalid + c.lossy + c.empty;
}

export type Tone = 'neutral' | 'good' | 'info' | 'warn' | 'bad';

/** The count tiles of a preview or a report, in the order they are shown. */
export function countTiles(c: ImportCounts): { key: keyof ImportCounts; count: number; tone: Tone }[] {
  return [
    { key: 'read', count: c.read, tone: 'neutral' },
    { key: 'created', count: c.created, tone: 'good' },
    { key: 'updated', count: c.updated, tone: 'info' },
    { key: 'unchanged', count: c.unchanged, tone: 'neutral' },
    { key: 'duplicates', count: c.duplicates, tone: 'warn' },
    { key: 'invalid', count: c.invalid, tone: 'bad' },
    { key: 'lossy', count: c.lossy, tone: 'bad' },
    { key: 'empty', count: c.empty, tone: 'warn' },
  ];
}

export function outcomeTone(o: RowOutcome): Tone {
  switch (o) {
    case 'new':
      return 'good';
    case 'update':
      return 'info';
    case 'unchanged':
      return 'neutral';
    case 'duplicate':
    case 'empty':
      return 'warn';
    default:
      return 'bad';
  }
}

/**
 * Progress events may arrive out of order (the browser's WebSocket, Go goroutines):
 * keep the furthest report of the same import and phase; a new import or a later phase
 * (undoing after reading) replaces it.
 */
export function mergeProgress(prev: ImportProgress | null, next: ImportProgress): ImportProgress {
  if (!prev || prev.importId !== next.importId) return next;
  const order = { reading: 0, done: 1, undoing: 2 } as const;
  if (order[next.phase] < order[prev.phase]) return prev;
  if (next.phase === prev.phase && next.rows < prev.rows) return prev;
  return next;
}

/** Seconds split for "about 2 min 5 s left"; null when unknown. */
export function durationParts(seconds: number): { h: number; m: number; s: number } | null {
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  const total = Math.ceil(seconds);
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}

/** Bytes in a short human form: 812 B, 4.2 KB, 13 MB. */
export function formatBytes(n: number, locale: string): string {
  const f = (v: number, d: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: d }).format(v);
  if (n < 1024) return `${f(n, 0)} B`;
  if (n < 1024 * 1024) return `${f(n / 1024, 1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${f(n / (1024 * 1024), 1)} MB`;
  return `${f(n / (1024 * 1024 * 1024), 1)} GB`;
}

const EXTENSIONS: Record<ExportFormat, string> = { csv: '.csv', xlsx: '.xlsx', vcf: '.vcf' };

/** The path with the format's extension (replacing another export extension). */
export function withExtension(path: string, format: ExportFormat): string {
  const p = path.trim();
  if (!p) return p;
  const ext = EXTENSIONS[format];
  const m = /\.(csv|xlsx|vcf)$/i.exec(p);
  if (m) return p.slice(0, m.index) + ext;
  if (/[\\/]$/.test(p)) return p + 'kontak' + ext;
  return p + ext;
}

/** A file name from a label: "Pelanggan Jakarta" → "kontak-pelanggan-jakarta.xlsx". */
export function exportFileName(format: ExportFormat, label = ''): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `kontak${slug ? '-' + slug : ''}${EXTENSIONS[format]}`;
}

/** The folder that holds a path ("/a/b/c" → "/a/b"), or "" for a bare name. */
export function parentDir(path: string): string {
  const p = path.replace(/[\\/]+$/, '');
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  if (i < 0) return '';
  return i === 0 ? p.slice(0, 1) : p.slice(0, i);
}

export function joinPath(dir: string, name: string): string {
  if (!dir) return name;
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

/** Base64 of bytes, in slices so big files do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + CHUNK))));
  }
  return btoa(parts.join(''));
}

/** Splits typed group names on commas and semicolons; trims, drops empties and repeats (ignoring case). */
export function addGroupNames(current: readonly string[], typed: string): string[] {
  const out = [...current];
  for (const raw of typed.split(/[,;]/)) {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name && !out.some((n) => n.toLowerCase() === name.toLowerCase())) out.push(name);
  }
  return out;
}
