// The import flow: one at a time, kept here (not in the screen) so it survives moving to
// another screen and back while a file is being mapped or imported.
//
//   pick → mapping (not for vCard) → options → preview → running → report
import {
  importsApi,
  on,
  toAppError,
  type AppError,
  type ColumnMap,
  type ColumnRole,
  type ExistingMode,
  type FileInfo,
  type ImportOptions,
  type ImportPreview,
  type ImportProgress,
  type ImportReport,
  type OpenOptions,
  type UndoResult,
} from '../api';
import { AppError as AppErrorClass } from '../api/errors';
import { createLatest } from '../logic/latest';
import { mappingProblem, mergeProgress, withKey, withRole } from '../logic/importFlow';
import { navigate } from './router.svelte';
import { stageFile } from './staging';

export type ImportStep = 'pick' | 'mapping' | 'options' | 'preview' | 'running' | 'report';
export type ImportBusy = null | 'reading' | 'inspecting' | 'previewing' | 'starting' | 'cancelling';

const DEFAULT_OPEN: OpenOptions = { sheet: '', delimiter: '', headerRow: 0 };

interface Flow {
  step: ImportStep;
  busy: ImportBusy;
  /** what went wrong on the current step (shown inline) */
  error: AppError | null;
  /** the file name, shown from the moment it is picked */
  fileName: string;
  path: string;
  open: OpenOptions;
  info: FileInfo | null;
  columns: ColumnMap[];
  groupIds: number[];
  newGroups: string[];
  existing: ExistingMode;
  replaceNames: boolean;
  preview: ImportPreview | null;
  progress: ImportProgress | null;
  /** the import was started by another window (or before a reload) */
  adopted: boolean;
  report: ImportReport | null;
  /** the report's failure, when it failed */
  failure: AppError | null;
  undo: UndoResult | null;
}

function fresh(): Flow {
  return {
    step: 'pick',
    busy: null,
    error: null,
    fileName: '',
    path: '',
    open: { ...DEFAULT_OPEN },
    info: null,
    columns: [],
    groupIds: [],
    newGroups: [],
    existing: 'fill',
    replaceNames: false,
    preview: null,
    progress: null,
    adopted: false,
    report: null,
    failure: null,
    undo: null,
  };
}

export const importFlow = $state<Flow>(fresh());

export const importHistory = $state<{ list: ImportReport[]; loaded: boolean; error: AppError | null }>({
  list: [],
  loaded: false,
  error: null,
});

const latest = createLatest();
const historyLatest = createLatest();
/** the file name of an adopted import is being looked up */
let naming = false;

/** Drops every bit of flow and history state, running or not (the unit tests start clean). */
export function forgetImports(): void {
  latest.invalidate();
  historyLatest.invalidate();
  naming = false;
  Object.assign(importFlow, fresh());
  Object.assign(importHistory, { list: [], loaded: false, error: null });
}

/** Back to the start (a running import is not touched). */
export function resetImport(): void {
  if (importFlow.step === 'running') return;
  latest.invalidate();
  Object.assign(importFlow, fresh());
}

export function isImportRunning(): boolean {
  return importFlow.step === 'running';
}

function fail(e: unknown): void {
  importFlow.error = toAppError(e);
  importFlow.busy = null;
}

function busyError(): AppError {
  return new AppErrorClass({ kind: 'invalid', code: 'import.busy', message: 'another import is running' });
}

/** Opens a file by path (the open dialog, or a file dropped on the desktop window). */
export async function importPath(path: string): Promise<void> {
  if (isImportRunning()) throw busyError();
  const name = path.split(/[\\/]/).pop() ?? path;
  Object.assign(importFlow, fresh(), { fileName: name, path });
  navigate('imports');
  await inspect(DEFAULT_OPEN);
}

/** Opens a file a browser handed over (file input, or an HTML drop): its bytes are staged first. */
export async function importFile(file: File): Promise<void> {
  if (isImportRunning()) throw busyError();
  Object.assign(importFlow, fresh(), { fileName: file.name, busy: 'reading' });
  navigate('imports');
  try {
    const out = await latest.run(() => stageFile(file, 'import.file.empty'));
    if (out.stale) return;
    importFlow.path = out.value;
  } catch (e) {
    fail(e);
    return;
  }
  await inspect(DEFAULT_OPEN);
}

/** Reads the file again with other sheet / delimiter / header choices; the mapping is suggested afresh. */
export async function reinspect(patch: Partial<OpenOptions>): Promise<void> {
  await inspect({ ...importFlow.open, ...patch });
}

async function inspect(open: OpenOptions): Promise<void> {
  importFlow.busy = 'inspecting';
  importFlow.error = null;
  try {
    const out = await latest.run(() => importsApi.inspect(importFlow.path, open));
    if (out.stale) return;
    const info = out.value;
    importFlow.info = info;
    importFlow.open = { ...open, sheet: open.sheet || '' };
    importFlow.columns = info.mapping.columns.map((c) => ({ ...c }));
    importFlow.fileName = info.file || importFlow.fileName;
    importFlow.preview = null;
    if (importFlow.step === 'pick') importFlow.step = info.format === 'vcard' ? 'options' : 'mapping';
    importFlow.busy = null;
  } catch (e) {
    fail(e);
  }
}

export function setRole(index: number, role: ColumnRole): void {
  importFlow.columns = withRole(importFlow.columns, index, role);
  importFlow.preview = null;
}

export function setKey(index: number, key: string): void {
  importFlow.columns = withKey(importFlow.columns, index, key);
  importFlow.preview = null;
}

export function goTo(step: 'pick' | 'mapping' | 'options'): void {
  if (importFlow.step === 'running') return;
  latest.invalidate();
  importFlow.busy = null;
  importFlow.error = null;
  if (step === 'pick') {
    resetImport();
    return;
  }
  if (step === 'mapping' && importFlow.info?.format === 'vcard') step = 'options';
  if (step === 'options' && importFlow.info?.format !== 'vcard' && mappingProblem(importFlow.columns)) step = 'mapping';
  importFlow.step = step;
}

export function importOptions(): ImportOptions {
  const f = importFlow;
  return {
    path: f.path,
    open: { ...f.open },
    mapping: f.info?.format === 'vcard' ? null : { columns: f.columns.map((c) => ({ role: c.role, key: c.key.trim() })) },
    groupIds: [...f.groupIds],
    newGroups: [...f.newGroups],
    existing: f.existing,
    replaceNames: f.replaceNames,
  };
}

/** The dry run over the whole file (a spinner shows while it reads). */
export async function runPreview(): Promise<void> {
  importFlow.step = 'preview';
  importFlow.busy = 'previewing';
  importFlow.error = null;
  importFlow.preview = null;
  try {
    const out = await latest.run(() => importsApi.preview(importOptions()));
    if (out.stale) return;
    importFlow.preview = out.value;
    importFlow.busy = null;
  } catch (e) {
    fail(e);
  }
}

export async function startImport(): Promise<void> {
  if (importFlow.busy) return;
  importFlow.busy = 'starting';
  importFlow.error = null;
  try {
    await importsApi.start(importOptions());
    // events may overtake the answer: a short import can already have reported
    if (importFlow.busy === 'starting') {
      importFlow.step = 'running';
      importFlow.adopted = false;
      importFlow.busy = null;
    }
  } catch (e) {
    fail(e);
  }
}

export async function cancelImport(): Promise<void> {
  if (importFlow.step !== 'running' || importFlow.busy === 'cancelling') return;
  importFlow.busy = 'cancelling';
  try {
    const wasRunning = await importsApi.cancel();
    // import:done brings the report; if nothing was running any more, leave the progress screen
    if (!wasRunning && importFlow.step === 'running') await settleFinished();
  } catch (e) {
    importFlow.error = toAppError(e);
  } finally {
    if (importFlow.busy === 'cancelling') importFlow.busy = null;
  }
}

/** The running screen lost its import (done while we did not listen): show the newest report. */
async function settleFinished(): Promise<void> {
  await refreshHistory();
  const last = importHistory.list[0];
  if (last && last.state !== 'running') showReport(last);
  else Object.assign(importFlow, fresh());
}

export function showReport(r: ImportReport, failure: AppError | null = null): void {
  latest.invalidate();
  naming = false;
  Object.assign(importFlow, {
    step: 'report' as const,
    busy: null,
    error: null,
    report: r,
    failure,
    undo: null,
    progress: null,
    adopted: false,
    fileName: r.file,
  });
}

export async function openReport(batch: number): Promise<void> {
  try {
    showReport(await importsApi.report(batch));
    navigate('imports');
  } catch (e) {
    importHistory.error = toAppError(e);
  }
}

/** Undoes an import; the shown report follows. Rejects with the AppError. */
export async function undoImport(batch: number): Promise<UndoResult> {
  const res = await importsApi.undo(batch);
  if (importFlow.report?.batch === batch) {
    importFlow.report = { ...importFlow.report, state: 'undone' };
    importFlow.undo = res;
  }
  void refreshHistory();
  return res;
}

export async function refreshHistory(): Promise<void> {
  try {
    const out = await historyLatest.run(() => importsApi.history());
    if (out.stale) return;
    importHistory.list = out.value;
    importHistory.error = null;
  } catch (e) {
    importHistory.error = toAppError(e);
  } finally {
    importHistory.loaded = true;
  }
}

/** When the screen opens: an import may be running that this page did not start (reload, another window). */
export async function checkRunning(): Promise<void> {
  try {
    const running = await importsApi.running();
    if (running && importFlow.step !== 'running') {
      latest.invalidate();
      Object.assign(importFlow, fresh(), { step: 'running', adopted: true });
    } else if (!running && importFlow.step === 'running' && importFlow.busy !== 'starting') {
      await settleFinished();
    }
  } catch {
    /* the screen still works; the next event corrects it */
  }
}

/** Follows the backend's import events. Returns the unsubscribe function. */
export function syncImports(): () => void {
  const offs = [
    on('import:progress', (p) => {
      if (importFlow.busy === 'starting') {
        importFlow.step = 'running';
        importFlow.busy = null;
        importFlow.progress = null;
      }
      if (importFlow.step !== 'running') return;
      importFlow.progress = mergeProgress(importFlow.progress, p);
      if (importFlow.adopted && !importFlow.fileName && p.importId && !naming) {
        naming = true;
        importsApi.report(p.importId).then(
          (r) => {
            if (importFlow.adopted && !importFlow.fileName) importFlow.fileName = r.file;
          },
          () => {},
        );
      }
    }),
    on('import:done', (r) => {
      void refreshHistory();
      if (importFlow.step !== 'running' && importFlow.busy !== 'starting') return;
      const { failure, ...report } = r;
      showReport(report, failure ?? null);
    }),
    on('imports:changed', () => void refreshHistory()),
  ];
  return () => offs.forEach((off) => off());
}
