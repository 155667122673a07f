export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** drop a pending call */
  cancel(): void;
  /** run a pending call now */
  flush(): void;
  readonly pending: boolean;
}

/** Calls fn once, `ms` after the last call, with the last arguments. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last: A | null = null;
  const run = () => {
    timer = null;
    const args = last;
    last = null;
    if (args) fn(...args);
  };
  const d = ((...args: A) => {
    last = args;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, ms);
  }) as Debounced<A>;
  d.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    last = null;
  };
  d.flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      run();
    }
  };
  Object.defineProperty(d, 'pending', { get: () => timer !== null });
  return d;
}

/**
 * Calls fn at once when it has not run for `ms`; calls that come sooner are folded into
 * one trailing call with the last arguments, `ms` after the previous run. The last call
 * always runs. (Search as you type: the first key answers at once, a fast typist does
 * not send one request a key.)
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last: A | null = null;
  let lastRun = -Infinity;
  const run = (args: A) => {
    lastRun = Date.now();
    fn(...args);
  };
  const fire = () => {
    timer = null;
    const args = last;
    last = null;
    if (args) run(args);
  };
  const d = ((...args: A) => {
    const since = Date.now() - lastRun;
    if (timer === null && since >= ms) {
      run(args);
      return;
    }
    last = args;
    if (timer === null) timer = setTimeout(fire, Math.max(0, ms - since));
  }) as Debounced<A>;
  d.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    last = null;
  };
  d.flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      fire();
    }
  };
  Object.defineProperty(d, 'pending', { get: () => timer !== null });
  return d;
}
