// Event names mirror backend/events/events.go.
import { EventsOn } from '../../../wailsjs/runtime/runtime';
import type { BulkAction, BulkProgress, ExportProgress, ImportPhase, ImportProgress, ImportReport, Settings } from './types';
import { normaliseSettings } from './settings';
import { normaliseReport } from './imports';
import { toAppError, type AppError } from './errors';

export const EVENTS = {
  contactsChanged: 'contacts:changed',
  groupsChanged: 'groups:changed',
  settingsChanged: 'settings:changed',
  importProgress: 'import:progress',
  importDone: 'import:done',
  importsChanged: 'imports:changed',
  exportProgress: 'export:progress',
  bulkProgress: 'bulk:progress',
  campaignsChanged: 'campaigns:changed',
} as const;

/** The report that ends an import; a failed import also carries the error that stopped it. */
export interface ImportDone extends ImportReport {
  failure?: AppError;
}

export interface EventPayloads {
  'contacts:changed': { ids: number[] };
  'groups:changed': Record<string, never>;
  'settings:changed': Settings;
  'import:progress': ImportProgress;
  'import:done': ImportDone;
  'imports:changed': Record<string, never>;
  'export:progress': ExportProgress;
  'bulk:progress': BulkProgress;
  'campaigns:changed': { id: number; action: 'saved' | 'deleted' | 'exported' };
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function progress(raw: unknown): ImportProgress {
  const p = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const phase: ImportPhase = p.phase === 'undoing' || p.phase === 'done' ? p.phase : 'reading';
  return {
    importId: num(p.importId),
    rows: num(p.rows),
    done: num(p.done),
    total: num(p.total),
    percent: Math.min(100, Math.max(0, num(p.percent))),
    rowsPerSec: num(p.rowsPerSec),
    secondsLeft: num(p.secondsLeft),
    phase,
  };
}

function importDone(raw: unknown): ImportDone {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: ImportDone = normaliseReport(r);
  if (r.failure && typeof r.failure === 'object') out.failure = toAppError(r.failure);
  else if (out.state === 'failed' && out.error) out.failure = toAppError({ kind: 'internal', code: out.error, message: out.error });
  return out;
}

export type EventName = keyof EventPayloads;

function payload<E extends EventName>(event: E, raw: unknown): EventPayloads[E] {
  switch (event) {
    case 'contacts:changed': {
      const ids = raw && typeof raw === 'object' && Array.isArray((raw as { ids?: unknown }).ids) ? (raw as { ids: number[] }).ids : [];
      return { ids } as EventPayloads[E];
    }
    case 'settings:changed':
      return normaliseSettings(raw as Partial<Settings>) as EventPayloads[E];
    case 'import:progress':
      return progress(raw) as EventPayloads[E];
    case 'import:done':
      return importDone(raw) as EventPayloads[E];
    case 'export:progress': {
      const p = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      return { done: num(p.done), total: num(p.total) } as EventPayloads[E];
    }
    case 'bulk:progress': {
      const p = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const action: BulkAction = p.action === 'remove' || p.action === 'delete' ? p.action : 'add';
      return { action, done: num(p.done), total: num(p.total) } as EventPayloads[E];
    }
    default:
      return {} as EventPayloads[E];
  }
}

/**
 * Subscribes to a backend event; returns the unsubscribe function.
 * Never throws: without the Wails runtime (plain browser) it is a no-op.
 */
export function on<E extends EventName>(event: E, handler: (p: EventPayloads[E]) => void): () => void {
  let off: unknown;
  try {
    off = EventsOn(event, (...data: unknown[]) => handler(payload(event, data[0])));
  } catch {
    return () => {};
  }
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    if (typeof off === 'function') (off as () => void)();
  };
}
