import { describe, expect, it, vi } from 'vitest';
import { createLatest } from './latest';
import { debounce, throttle } from './debounce';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject };
}

describe('createLatest', () => {
  it('reports older overlapping answers (and their errors) as stale', async () => {
    const l = createLatest();
    const a = deferred<string>();
    const b = deferred<string>();
    const c = deferred<string>();
    const ra = l.run(() => a.promise);
    const rb = l.run(() => b.promise);
    b.resolve('b');
    a.resolve('a');
    await expect(rb).resolves.toEqual({ stale: false, value: 'b' });
    await expect(ra).resolves.toEqual({ stale: true });
    const rc = l.run(() => c.promise);
    l.invalidate();
    c.reject(new Error('late failure'));
    await expect(rc).resolves.toEqual({ stale: true });
  });

  it('rethrows the error of the latest request', async () => {
    const l = createLatest();
    await expect(l.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
  });
});

describe('debounce', () => {
  it('calls once with the last arguments; cancel and flush work', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 120);
    d('a');
    d('b');
    vi.advanceTimersByTime(119);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledExactlyOnceWith('b');
    d('c');
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(1);
    d('d');
    expect(d.pending).toBe(true);
    d.flush();
    expect(fn).toHaveBeenLastCalledWith('d');
    expect(d.pending).toBe(false);
    vi.useRealTimers();
  });
});

describe('throttle (search as you type)', () => {
  it('runs the first call at once and folds quick ones into one trailing call with the last value', () => {
    vi.useFakeTimers();
    try {
      const fn = vi.fn();
      const th = throttle(fn, 100);
      th('b');
      expect(fn.mock.calls).toEqual([['b']]);
      th('bu');
      th('bud');
      expect(fn).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(100);
      expect(fn.mock.calls).toEqual([['b'], ['bud']]);
      vi.advanceTimersByTime(150); // a pause: the next key runs at once
      th('budi');
      expect(fn.mock.calls.at(-1)).toEqual(['budi']);
      th('budi ');
      th.cancel();
      vi.advanceTimersByTime(500);
      expect(fn).toHaveBeenCalledTimes(3);
      th('x');
      th('xy');
      th.flush();
      expect(fn.mock.calls.slice(-2)).toEqual([['x'], ['xy']]);
    } finally {
      vi.useRealTimers();
    }
  });
});
