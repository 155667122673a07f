import { describe, expect, it, vi } from 'vitest';
import { PagedRows, type PageResult } from './pagedRows';

/** A fetcher whose answers the test hands out, in any order. */
function controlled(total: (q: string) => number) {
  const calls: { q: string; offset: number; limit: number; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const fetch = (q: string, offset: number, limit: number) =>
    new Promise<PageResult<string>>((res, rej) => {
      const n = total(q);
      const items = Array.from({ length: Math.max(0, Math.min(limit, n - offset)) }, (_, k) => `${q}#${offset + k}`);
      calls.push({ q, offset, limit, resolve: () => res({ total: n, items }), reject: rej });
    });
  const answer = async (i: number) => {
    calls[i]!.resolve();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { fetch, calls, answer };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('PagedRows', () => {
  it('fetches the wanted pages, at most two at a time, and fills rows in', async () => {
    const f = controlled(() => 1000);
    const onChange = vi.fn();
    const rows = new PagedRows<string, string>({ pageSize: 100, fetch: f.fetch, onChange });
    rows.setQuery('a', [0]);
    expect(f.calls.map((c) => [c.offset, c.limit])).toEqual([[0, 100]]);
    expect(rows.pending).toBe(true);
    expect(rows.rowAt(5)).toBeUndefined();
    await f.answer(0);
    expect(rows.total).toBe(1000);
    expect(rows.pending).toBe(false);
    expect(rows.rowAt(5)).toBe('a#5');
    expect(onChange).toHaveBeenCalled();

    rows.want([3, 4, 5]);
    expect(f.calls.map((c) => c.offset)).toEqual([0, 300, 400]); // two in flight
    await f.answer(1);
    expect(f.calls.map((c) => c.offset)).toEqual([0, 300, 400, 500]); // a slot freed up
    expect(rows.loading).toBe(2);
  });

  it('does not fetch a page that is no longer wanted when a slot frees up', async () => {
    const f = controlled(() => 100_000);
    const rows = new PagedRows<string, string>({ pageSize: 100, fetch: f.fetch });
    rows.setQuery('a', [0]);
    await f.answer(0);
    rows.want([10, 11, 12]); // a fast drag of the scroll bar…
    rows.want([500]); // …ends here
    expect(f.calls.map((c) => c.offset)).toEqual([0, 1000, 1100]);
    await f.answer(1);
    expect(f.calls.map((c) => c.offset)).toEqual([0, 1000, 1100, 50_000]); // not 1200
  });

  it('ignores stale answers: an older search that answers last never shows', async () => {
    const f = controlled((q) => (q === 'b' ? 500 : q === 'bu' ? 40 : 7));
    const rows = new PagedRows<string, string>({ pageSize: 100, fetch: f.fetch });
    rows.setQuery('b', [0]);
    rows.setQuery('bu', [0]);
    rows.setQuery('bud', [0]);
    expect(f.calls.map((c) => c.q)).toEqual(['b', 'bu', 'bud']);
    await f.answer(2); // the newest answers first
    expect(rows.total).toBe(7);
    expect(rows.shownQuery).toBe('bud');
    await f.answer(0);
    await f.answer(1);
    expect(rows.total).toBe(7);
    expect(rows.rowAt(0)).toBe('bud#0');
    expect(rows.shownQuery).toBe('bud');
  });

  it('keeps the old rows and total on screen until the new search answers', async () => {
    const f = controlled((q) => (q === 'a' ? 1000 : 3));
    const rows = new PagedRows<string, string>({ pageSize: 100, fetch: f.fetch });
    rows.setQuery('a', [0]);
    await f.answer(0);
    expect(rows.setQuery('a', [0])).toBe(false); // the same query: nothing to do
    rows.setQuery('x', [0]);
    expect(rows.total).toBe(1000);
    expect(rows.rowAt(0)).toBe('a#0');
    expect(rows.isStale(0)).toBe(true);
    expect(rows.pending).toBe(true);
    await f.answer(1);
    expect(rows.total).toBe(3);
    expect(rows.rowAt(0)).toBe('x#0');
    expect(rows.rowAt(3)).toBeUndefined();
    expect(rows.isStale(0)).toBe(false);
  });

  it('refresh fetches what is in view again and drops the rest', async () => {
    let n = 1000;
    const f = controlled(() => n);
    const rows = new PagedRows<string, string>({ pageSize: 100, fetch: f.fetch });
    rows.setQuery('a', [0]);
    await f.answer(0);
    rows.want([7]);
    await f.answer(1);
    rows.want([0]);
    expect(rows.cachedPages()).toEqual([0, 7]);
    n = 999;
    rows.refresh();
    expect(f.calls.at(-1)).toMatchObject({ offset: 0 });
    expect(rows.rowAt(0)).toBe('a#0'); // still shown meanwhile
    await f.answer(2);
    expect(rows.total).toBe(999);
    expect(rows.cachedPages()).toEqual([0]);
  });

  it('keeps a small cache, never dropping the wanted pages', async () => {
    const f = controlled(() => 100_000);
    const rows = new PagedRows<string, string>({ pageSize: 100, fetch: f.fetch, maxPages: 3, maxInFlight: 10 });
    rows.setQuery('a', [0]);
    await f.answer(0);
    for (const p of [1, 2, 3, 4]) {
      rows.want([p]);
      await f.answer(f.calls.length - 1);
    }
    expect(rows.cachedPages()).toEqual([2, 3, 4]);
    rows.want([2]); // used again: now the newest
    rows.want([5]);
    await f.answer(f.calls.length - 1);
    expect(rows.cachedPages()).toEqual([2, 4, 5]);
    // a page comes back from the cache without a request
    const before = f.calls.length;
    rows.want([4, 5]);
    expect(f.calls.length).toBe(before);
    expect(rows.loaded(400, 402).map((r) => r.row)).toEqual(['a#400', 'a#401', 'a#402']);
  });

  it('does not ask for pages past the end', async () => {
    const f = controlled(() => 150);
    const rows = new PagedRows<string, string>({ pageSize: 100, fetch: f.fetch });
    rows.setQuery('a', [0]);
    await f.answer(0);
    rows.want([1, 2, 3]);
    expect(f.calls.map((c) => c.offset)).toEqual([0, 100]);
  });

  it('reports a failure once and does not retry until asked', async () => {
    const onError = vi.fn();
    let fail = true;
    const fetch = vi.fn((q: string, offset: number) => (fail ? Promise.reject(new Error('down')) : Promise.resolve({ total: 10, items: [`${q}#${offset}`] })));
    const rows = new PagedRows<string, string>({ pageSize: 100, fetch, onError });
    rows.setQuery('a', [0]);
    await flush();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(rows.error).toBeInstanceOf(Error);
    expect(rows.pending).toBe(false);
    rows.want([0]);
    rows.want([0]);
    expect(fetch).toHaveBeenCalledTimes(1);
    fail = false;
    rows.retry();
    await flush();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(rows.total).toBe(10);
    expect(rows.error).toBeNull();
  });

  it('ignores answers after dispose', async () => {
    const f = controlled(() => 10);
    const onChange = vi.fn();
    const rows = new PagedRows<string, string>({ pageSize: 100, fetch: f.fetch, onChange });
    rows.setQuery('a', [0]);
    onChange.mockClear();
    rows.dispose();
    await f.answer(0);
    expect(onChange).not.toHaveBeenCalled();
    expect(rows.total).toBeNull();
  });
});
