import { AppError, toAppError } from './errors';

/** Every backend call settles within this many milliseconds or fails with kind "timeout". */
export const DEFAULT_TIMEOUT_MS = 30_000;

let timeoutMs = DEFAULT_TIMEOUT_MS;

/** For tests: change the timeout of every call (returns the previous value). */
export function setCallTimeout(ms: number): number {
  const prev = timeoutMs;
  timeoutMs = ms;
  return prev;
}

export function getCallTimeout(): number {
  return timeoutMs;
}

/**
 * Runs one bound Go method. Whatever it rejects with (or throws synchronously,
 * e.g. when window.go is missing) becomes an AppError; if it never settles the
 * returned promise rejects with kind "timeout" after the call timeout.
 */
export function call<T>(method: string, run: () => Promise<T>, ms: number = timeoutMs): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      reject(
        new AppError({
          kind: 'timeout',
          code: 'app.timeout',
          message: `${method}: no answer after ${ms} ms`,
          params: { method, seconds: String(Math.round(ms / 1000)) },
        }),
      );
    }, ms);
    const settle = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      fn();
    };
    let p: Promise<T>;
    try {
      p = Promise.resolve(run());
    } catch (e) {
      settle(() => reject(toAppError(e)));
      return;
    }
    p.then(
      (v) => settle(() => resolve(v)),
      (e) => settle(() => reject(toAppError(e))),
    );
  });
}
