// One error type for every failed backend call.

export type ErrorKind =
  | 'invalid'
  | 'not_found'
  | 'exists'
  | 'internal'
  | 'locked'
  /** the call did not settle in time */
  | 'timeout'
  /** the Go side is not reachable (no window.go / no runtime) */
  | 'unavailable';

const KINDS: readonly ErrorKind[] = ['invalid', 'not_found', 'exists', 'internal', 'locked', 'timeout', 'unavailable'];

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly field?: string;
  readonly params: Record<string, string>;

  constructor(init: {
    kind: ErrorKind;
    code: string;
    message?: string;
    field?: string;
    params?: Record<string, string>;
    cause?: unknown;
  }) {
    super(init.message || init.code, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AppError';
    this.kind = init.kind;
    this.code = init.code;
    if (init.field) this.field = init.field;
    this.params = init.params ?? {};
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

function asKind(v: unknown): ErrorKind {
  return typeof v === 'string' && (KINDS as readonly string[]).includes(v) ? (v as ErrorKind) : 'internal';
}

function asParams(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object') {
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      if (val !== undefined && val !== null) out[k] = String(val);
    }
  }
  return out;
}

function fromObject(o: Record<string, unknown>, cause: unknown): AppError | null {
  if (typeof o.code !== 'string' && typeof o.kind !== 'string') return null;
  const kind = asKind(o.kind);
  const code = typeof o.code === 'string' && o.code ? o.code : kind;
  return new AppError({
    kind,
    code,
    message: typeof o.message === 'string' ? o.message : code,
    field: typeof o.field === 'string' && o.field ? o.field : undefined,
    params: asParams(o.params),
    cause,
  });
}

function parseJSONObject(s: string): Record<string, unknown> | null {
  const t = s.trim();
  if (!t.startsWith('{')) return null;
  try {
    const v = JSON.parse(t) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Turns anything a Wails call can reject with into an AppError:
 * - an Error whose message is the backend's error as JSON: Wails v2.16's runtime
 *   rejects with `new Error(value)`, so the app's ErrorFormatter sends a JSON string
 * - the structured object itself {kind, code, field?, message, params?} (older runtimes)
 * - the same object serialised as a JSON string
 * - a plain string or Error text (Wails' own errors, e.g. "error parsing arguments: …")
 * - a TypeError from a missing bridge (window.go undefined) → kind "unavailable"
 */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (typeof e === 'string') {
    const obj = parseJSONObject(e);
    const err = obj && fromObject(obj, e);
    if (err) return err;
    const s = e.trim();
    return new AppError({ kind: 'internal', code: 'internal', message: s || 'unknown error', params: s ? { detail: s } : {}, cause: e });
  }
  if (e instanceof Error) {
    const obj = parseJSONObject(e.message);
    const err = obj && fromObject(obj, e);
    if (err) return err;
    if (e instanceof TypeError && /\b(go|runtime)\b|undefined|not a function/i.test(e.message)) {
      return new AppError({ kind: 'unavailable', code: 'app.unavailable', message: e.message, cause: e });
    }
    return new AppError({ kind: 'internal', code: 'internal', message: e.message, params: { detail: e.message }, cause: e });
  }
  if (e && typeof e === 'object') {
    const err = fromObject(e as Record<string, unknown>, e);
    if (err) return err;
    const msg = typeof (e as { message?: unknown }).message === 'string' ? (e as { message: string }).message : JSON.stringify(e);
    return new AppError({ kind: 'internal', code: 'internal', message: msg, params: { detail: msg }, cause: e });
  }
  return new AppError({ kind: 'internal', code: 'internal', message: String(e), cause: e });
}
