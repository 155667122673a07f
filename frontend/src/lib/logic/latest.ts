export type Outcome<T> = { stale: true } | { stale: false; value: T };

/**
 * Keeps only the answer to the latest request: when requests overlap, the
 * results (and errors) of older ones are reported as stale and must be ignored.
 */
export function createLatest() {
  let seq = 0;
  return {
    async run<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
      const mine = ++seq;
      try {
        const value = await fn();
        return mine === seq ? { stale: false, value } : { stale: true };
      } catch (e) {
        if (mine !== seq) return { stale: true };
        throw e;
      }
    },
    /** make every request in flight stale */
    invalidate(): void {
      seq++;
    },
  };
}
