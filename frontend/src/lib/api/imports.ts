// Import service (Go: importer.Imports). With contacts.ts, groups.ts, settings.ts, app.ts,
// platform.ts and events.ts, the only code that touches the generated bindings.
import * as Imports from '../../../wailsjs/go/importer/Imports';
import { importer as models } from '../../../wailsjs/go/models';
import { call } from './call';
import type {
  ColumnMap,
  ColumnRole,
  ExistingMode,
  FileInfo,
  ImportCounts,
  ImportFormat,
  ImportOptions,
  ImportPreview,
  ImportProblem,
  ImportReport,
  ImportState,
  Mapping,
  OpenOptions,
  PreviewRow,
  RowOutcome,
  UndoResult,
} from './types';

/** File work (a preview reads the whole file, an undo rewrites contacts) gets more time than the usual 30 s. */
export const FILE_WORK_TIMEOUT_MS = 10 * 60_000;

const ROLES: readonly ColumnRole[] = ['ignore', 'name', 'first_name', 'middle_name', 'last_name', 'phone', 'email', 'group', 'optOut', 'field'];
const OUTCOMES: readonly RowOutcome[] = ['new', 'update', 'unchanged', 'duplicate', 'invalid', 'lossy', 'empty'];
const STATES: readonly ImportState[] = ['running', 'done', 'cancelled', 'failed', 'undone'];

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const arr = <T>(v: T[] | null | undefined): T[] => (Array.isArray(v) ? v : []);

function role(v: unknown): ColumnRole {
  return (ROLES as readonly string[]).includes(v as string) ? (v as ColumnRole) : 'ignore';
}
function outcome(v: unknown): RowOutcome {
  return (OUTCOMES as readonly string[]).includes(v as string) ? (v as RowOutcome) : 'invalid';
}

export function normaliseMapping(m: Partial<models.Mapping> | null | undefined): Mapping {
  return { columns: arr(m?.columns).map((c): ColumnMap => ({ role: role(c?.role), key: str(c?.key) })) };
}

function openOptions(o: OpenOptions): models.OpenOptions {
  // Go's OpenOptions has no json tags: the field names are capitalised.
  return models.OpenOptions.createFrom({ sheet: o.sheet, delimiter: o.delimiter, headerRow: o.headerRow });
}

export function normaliseFileInfo(f: Partial<models.FileInfo> | null | undefined): FileInfo {
  const format = f?.format === 'xlsx' || f?.format === 'vcard' ? f.format : ('csv' as ImportFormat);
  return {
    path: str(f?.path),
    file: str(f?.file),
    format,
    profile: str(f?.profile),
    encoding: str(f?.encoding),
    delimiter: str(f?.delimiter),
    sheets: arr(f?.sheets),
    sheet: str(f?.sheet),
    headerRow: num(f?.headerRow),
    header: arr(f?.header).map(str),
    sample: arr(f?.sample).map((r) => arr(r).map(str)),
    mapping: normaliseMapping(f?.mapping),
    remembered: f?.remembered === true,
    size: num(f?.size),
  };
}

export function normaliseCounts(c: Partial<ImportCounts> | null | undefined): ImportCounts {
  return {
    read: num(c?.read),
    created: num(c?.created),
    updated: num(c?.updated),
    unchanged: num(c?.unchanged),
    duplicates: num(c?.duplicates),
    invalid: num(c?.invalid),
    lossy: num(c?.lossy),
    empty: num(c?.empty),
  };
}

function problem(p: Partial<models.Problem> | null | undefined): ImportProblem {
  return {
    row: num(p?.row),
    outcome: outcome(p?.outcome),
    reason: str(p?.reason),
    name: str(p?.name),
    phone: str(p?.phone),
    duplicateOf: num(p?.duplicateOf),
  };
}

function previewRow(r: Partial<models.PreviewRow>): PreviewRow {
  return {
    row: num(r.row),
    name: str(r.name),
    phone: str(r.phone),
    display: str(r.display),
    email: str(r.email),
    groups: arr(r.groups).map(str),
    outcome: outcome(r.outcome),
    reason: str(r.reason),
    duplicateOf: num(r.duplicateOf),
    existingName: str(r.existingName),
  };
}

/** A report as it arrives from a call or from the import:done event. */
export function normaliseReport(r: Partial<models.Report> | null | undefined): ImportReport {
  const state = (STATES as readonly string[]).includes(r?.state as string) ? (r!.state as ImportState) : 'failed';
  return {
    ...normaliseCounts(r),
    batch: num(r?.batch),
    file: str(r?.file),
    path: str(r?.path),
    format: str(r?.format),
    state,
    problems: arr(r?.problems).map(problem),
    rejected: num(r?.rejected),
    groupIds: arr(r?.groupIds).filter((x): x is number => typeof x === 'number'),
    startedAt: num(r?.startedAt),
    finishedAt: num(r?.finishedAt),
    error: str(r?.error),
  };
}

function options(o: ImportOptions): models.Options {
  const existing: ExistingMode = o.existing === 'skip' || o.existing === 'overwrite' ? o.existing : 'fill';
  return models.Options.createFrom({
    path: o.path,
    open: openOptions(o.open),
    mapping: o.mapping ? { columns: o.mapping.columns.map((c) => ({ role: c.role, key: c.key })) } : null,
    groupIds: [...o.groupIds],
    newGroups: [...o.newGroups],
    existing,
    replaceNames: o.replaceNames,
  });
}

export const importsApi = {
  /** Saves bytes a browser read from a picked or dropped file; returns the temp path. */
  stage(name: string, base64: string): Promise<string> {
    return call('Imports.Stage', () => Imports.Stage(name, base64), FILE_WORK_TIMEOUT_MS);
  },
  async inspect(path: string, open: OpenOptions): Promise<FileInfo> {
    return normaliseFileInfo(await call('Imports.Inspect', () => Imports.Inspect(path, openOptions(open)), FILE_WORK_TIMEOUT_MS));
  },
  /** A dry run over the whole file. */
  async preview(o: ImportOptions): Promise<ImportPreview> {
    const p: models.Preview = await call('Imports.Preview', () => Imports.Preview(options(o)), FILE_WORK_TIMEOUT_MS);
    return {
      file: normaliseFileInfo(p?.file),
      rows: arr(p?.rows).map(previewRow),
      counts: normaliseCounts(p?.counts),
      problems: arr(p?.problems).map(problem),
    };
  },
  /** Starts the import in the background: import:progress events, then import:done. */
  async start(o: ImportOptions): Promise<boolean> {
    return (await call('Imports.Start', () => Imports.Start(options(o)))) === true;
  },
  /** Stops the running import and rolls back what it wrote (waits for the rollback). */
  async cancel(): Promise<boolean> {
    return (await call('Imports.Cancel', () => Imports.Cancel(), FILE_WORK_TIMEOUT_MS)) === true;
  },
  async running(): Promise<boolean> {
    return (await call('Imports.Running', () => Imports.Running())) === true;
  },
  async history(): Promise<ImportReport[]> {
    return arr(await call('Imports.History', () => Imports.History())).map(normaliseReport);
  },
  async report(batch: number): Promise<ImportReport> {
    return normaliseReport(await call('Imports.Report', () => Imports.Report(batch)));
  },
  async undo(batch: number): Promise<UndoResult> {
    const r = await call('Imports.Undo', () => Imports.Undo(batch), FILE_WORK_TIMEOUT_MS);
    return { removed: num(r?.removed), restored: num(r?.restored), left: num(r?.left) };
  },
  /** Writes the rejected rows (with a reason column) as CSV; returns how many. */
  async saveRejected(batch: number, path: string): Promise<number> {
    return num(await call('Imports.SaveRejected', () => Imports.SaveRejected(batch, path), FILE_WORK_TIMEOUT_MS));
  },
};
