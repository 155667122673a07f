// The rows of a long list, fetched a page at a time as the viewport needs them.
//
// - A small cache of pages (least recently used ones go first, never the wanted ones).
// - At most `maxInFlight` requests of the current query at a time; a page that is no
//   longer wanted by the time a slot frees up is not fetched.
// - Every new query or refresh starts a new generation: answers of older generations are
//   stale and ignored. Rows of an older generation stay on screen (and the old total with
//   them) until the new answer replaces them, so typing in the search box never flashes
//   an empty list.
// - A page that failed is not retried until the next generation or retry().

export interface PageResult<T> {
  total: number;
  items: T[];
}

export type PageFetcher<Q, T> = (query: Q, offset: number, limit: number) => Promise<PageResult<T>>;

export interface PagedRowsOptions<Q, T> {
  pageSize: number;
  fetch: PageFetcher<Q, T>;
  /** pages kept in memory (wanted pages are always kept); default 12 */
  maxPages?: number;
  /** requests of the current generation at once; default 2 */
  maxInFlight?: number;
  /** the identity of a query; equal keys are the same query (default JSON) */
  keyOf?: (q: Q) => string;
  /** something a reader can see changed (rows, total, loading state) */
  onChange?: () => void;
  /** a request of the current generation failed */
  onError?: (e: unknown) => void;
}

interface Entry<T> {
  items: T[];
  gen: number;
  used: number;
}

export class PagedRows<Q, T> {
  readonly pageSize: number;
  private readonly maxPages: number;
  private readonly maxInFlight: number;
  private readonly fetcher: PageFetcher<Q, T>;
  private readonly keyOf: (q: Q) => string;
  private readonly onChange: () => void;
  private readonly onError: (e: unknown) => void;

  private q: Q | null = null;
  private key: string | null = null;
  private gen = 0;
  private pages = new Map<number, Entry<T>>();
  /** page → generation of the request in flight */
  private inFlight = new Map<number, number>();
  /** page → generation whose request failed */
  private failed = new Map<number, number>();
  private wanted: number[] = [];
  private clock = 0;
  private disposed = false;

  /** how many rows the shown query matches; null before the first answer */
  total: number | null = null;
  /** the query whose answer gave `total` (and the rows of the current generation) */
  shownQuery: Q | null = null;
  private totalGen = -1;
  /** the last failure of the current generation */
  error: unknown = null;

  constructor(o: PagedRowsOptions<Q, T>) {
    this.pageSize = o.pageSize;
    this.maxPages = o.maxPages ?? 12;
    this.maxInFlight = o.maxInFlight ?? 2;
    this.fetcher = o.fetch;
    this.keyOf = o.keyOf ?? ((q) => JSON.stringify(q));
    this.onChange = o.onChange ?? (() => {});
    this.onError = o.onError ?? (() => {});
  }

  get query(): Q | null {
    return this.q;
  }

  /** The generation: it changes with every new query and every refresh. */
  get generation(): number {
    return this.gen;
  }

  /** True until the current generation has answered (the total may be the old query's). */
  get pending(): boolean {
    return this.q !== null && this.totalGen !== this.gen && this.error === null;
  }

  /**
   * Shows another query; `wanted` replaces the pages wanted (a new search starts at the
   * top: [0]). Returns false when it is the same query (nothing happens).
   */
  setQuery(q: Q, wanted?: readonly number[]): boolean {
    const key = this.keyOf(q);
    if (key === this.key) return false;
    this.q = q;
    this.key = key;
    if (wanted) this.wanted = [...wanted];
    this.nextGeneration();
    return true;
  }

  /** Fetches the wanted pages again (the data changed); what is shown stays until then. */
  refresh(): void {
    if (this.q === null) return;
    this.nextGeneration();
  }

  /** Tries failed pages again. */
  retry(): void {
    this.failed.clear();
    this.error = null;
    this.pump();
    this.onChange();
  }

  private nextGeneration(): void {
    this.gen++;
    this.failed.clear();
    this.error = null;
    this.pump();
    this.onChange();
  }

  /**
   * The pages the viewport needs now, most important first. Replaces the earlier wish:
   * pages wanted before but not now are not fetched any more.
   */
  want(pages: readonly number[]): void {
    const next = [...new Set(pages.filter((p) => p >= 0 && Number.isInteger(p)))];
    this.wanted = next;
    for (const p of next) {
      const e = this.pages.get(p);
      if (e) e.used = ++this.clock;
    }
    this.pump();
  }

  /** The row at index i, if its page is here (possibly of an older generation). */
  rowAt(i: number): T | undefined {
    if (i < 0) return undefined;
    const p = Math.floor(i / this.pageSize);
    return this.pages.get(p)?.items[i - p * this.pageSize];
  }

  /** True when row i is of an older generation (shown until the fresh page arrives). */
  isStale(i: number): boolean {
    const e = this.pages.get(Math.floor(i / this.pageSize));
    return !!e && e.gen !== this.gen;
  }

  /** The rows of the cached pages from..to (inclusive) with their indexes, in order. */
  loaded(from = 0, to = Number.MAX_SAFE_INTEGER): { index: number; row: T }[] {
    const out: { index: number; row: T }[] = [];
    const pages = [...this.pages.keys()].sort((a, b) => a - b);
    for (const p of pages) {
      const items = this.pages.get(p)!.items;
      for (let k = 0; k < items.length; k++) {
        const index = p * this.pageSize + k;
        if (index >= from && index <= to) out.push({ index, row: items[k]! });
      }
    }
    return out;
  }

  /** Page numbers held in memory (for tests and diagnostics). */
  cachedPages(): number[] {
    return [...this.pages.keys()].sort((a, b) => a - b);
  }

  /** Requests in flight for the current generation. */
  get loading(): number {
    let n = 0;
    for (const g of this.inFlight.values()) if (g === this.gen) n++;
    return n;
  }

  dispose(): void {
    this.disposed = true;
    this.pages.clear();
    this.inFlight.clear();
  }

  private needs(p: number): boolean {
    const e = this.pages.get(p);
    if (e && e.gen === this.gen) return false;
    if (this.inFlight.get(p) === this.gen) return false;
    if (this.failed.get(p) === this.gen) return false;
    if (this.total !== null && this.totalGen === this.gen && p * this.pageSize >= Math.max(this.total, 1)) return false;
    return true;
  }

  private pump(): void {
    if (this.disposed || this.q === null) return;
    for (const p of this.wanted) {
      if (this.loading >= this.maxInFlight) break;
      if (this.needs(p)) this.start(p);
    }
  }

  private start(p: number): void {
    const gen = this.gen;
    const q = this.q as Q;
    this.inFlight.set(p, gen);
    let promise: Promise<PageResult<T>>;
    try {
      promise = Promise.resolve(this.fetcher(q, p * this.pageSize, this.pageSize));
    } catch (e) {
      promise = Promise.reject(e);
    }
    promise.then(
      (res) => this.settle(p, gen, q, res, null),
      (e: unknown) => this.settle(p, gen, q, null, e ?? new Error('failed')),
    );
  }

  private settle(p: number, gen: number, q: Q, res: PageResult<T> | null, e: unknown): void {
    if (this.inFlight.get(p) === gen) this.inFlight.delete(p);
    if (this.disposed) return;
    if (gen !== this.gen) {
      // stale: a newer query or refresh is on its way; only free the slot
      this.pump();
      return;
    }
    if (res) {
      this.pages.set(p, { items: res.items, gen, used: ++this.clock });
      const first = this.totalGen !== gen;
      this.total = res.total;
      this.totalGen = gen;
      this.shownQuery = q;
      this.error = null;
      if (first) this.dropOld();
      this.evict();
    } else {
      this.failed.set(p, gen);
      this.error = e;
      this.onError(e);
    }
    this.pump();
    this.onChange();
  }

  /** After the first answer of a generation: older pages that are not wanted go. */
  private dropOld(): void {
    const wanted = new Set(this.wanted);
    for (const [p, e] of this.pages) if (e.gen !== this.gen && !wanted.has(p)) this.pages.delete(p);
    // rows past the new end are gone
    if (this.total !== null) {
      const lastPage = Math.floor(Math.max(this.total - 1, 0) / this.pageSize);
      for (const p of [...this.pages.keys()]) if (p > lastPage) this.pages.delete(p);
    }
  }

  private evict(): void {
    if (this.pages.size <= this.maxPages) return;
    const wanted = new Set(this.wanted);
    const candidates = [...this.pages.entries()].filter(([p]) => !wanted.has(p)).sort((a, b) => a[1].used - b[1].used);
    for (const [p] of candidates) {
      if (this.pages.size <= this.maxPages) break;
      this.pages.delete(p);
    }
  }
}
