// The geometry of a virtualised list of fixed-height rows: which rows a viewport shows,
// which pages of rows to fetch for them, and how the scroll bar maps onto the rows.
//
// Browsers cap the size of an element (Chromium at about 16.7 million px, WebKit at about
// 33.5 million), so 1,000,000 rows of 44 px cannot be one tall element. Past
// MAX_SCROLL_PX the scroll area stays that tall and its scroll position maps linearly
// onto the rows: "content" positions are where rows would be in a list of full height,
// "scroll" positions are the element's real scrollTop. Below the cap the two are equal.

/** The tallest scroll area used; well below every engine's element-size limit. */
export const MAX_SCROLL_PX = 10_000_000;

export interface ScrollModel {
  count: number;
  rowHeight: number;
  /** height of the part of the scroll area that shows rows */
  viewport: number;
  /** count × rowHeight */
  contentHeight: number;
  /** height of the scroll area's spacer (contentHeight, capped) */
  scrollHeight: number;
  maxContent: number;
  maxScroll: number;
  /** content pixels per scroll pixel (1 below the cap) */
  ratio: number;
  toContent(scrollTop: number): number;
  toScroll(contentTop: number): number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function scrollModel(count: number, rowHeight: number, viewport: number, maxPx: number = MAX_SCROLL_PX): ScrollModel {
  const n = Math.max(0, Math.floor(count));
  const vh = Math.max(0, viewport);
  const contentHeight = n * rowHeight;
  const scrollHeight = Math.min(contentHeight, Math.max(maxPx, vh));
  const maxContent = Math.max(0, contentHeight - vh);
  const maxScroll = Math.max(0, scrollHeight - vh);
  const ratio = maxScroll > 0 && maxContent > maxScroll ? maxContent / maxScroll : 1;
  return {
    count: n,
    rowHeight,
    viewport: vh,
    contentHeight,
    scrollHeight,
    maxContent,
    maxScroll,
    ratio,
    toContent: (s) => clamp(s * ratio, 0, maxContent),
    toScroll: (c) => clamp(c / ratio, 0, maxScroll),
  };
}

export interface RowRange {
  /** first row index (inclusive) */
  first: number;
  /** last row index (inclusive); first - 1 when there are no rows */
  last: number;
}

/** The rows a viewport at contentTop shows, partly or fully. */
export function visibleRange(contentTop: number, viewport: number, rowHeight: number, count: number): RowRange {
  if (count <= 0 || rowHeight <= 0) return { first: 0, last: -1 };
  const first = clamp(Math.floor(Math.max(0, contentTop) / rowHeight), 0, count - 1);
  const bottom = Math.max(contentTop, 0) + Math.max(viewport, rowHeight);
  const last = clamp(Math.ceil(bottom / rowHeight) - 1, first, count - 1);
  return { first, last };
}

/** The rows to keep in the DOM: the visible ones plus `overscan` on each side. */
export function withOverscan(r: RowRange, overscan: number, count: number): RowRange {
  if (count <= 0 || r.last < r.first) return { first: 0, last: -1 };
  return { first: Math.max(0, r.first - overscan), last: Math.min(count - 1, r.last + overscan) };
}

/**
 * The pages (of pageSize rows) to fetch for a range of rows, the ones that hold the
 * range first, then the neighbours within `prefetch` rows (so the next screenful is
 * usually there before it is scrolled to).
 */
export function pagesFor(r: RowRange, pageSize: number, count: number, prefetch = 0): number[] {
  if (count <= 0 || r.last < r.first) return [];
  const firstPage = Math.floor(r.first / pageSize);
  const lastPage = Math.floor(r.last / pageSize);
  const out: number[] = [];
  for (let p = firstPage; p <= lastPage; p++) out.push(p);
  const before = Math.floor(Math.max(0, r.first - prefetch) / pageSize);
  const after = Math.floor(Math.min(count - 1, r.last + prefetch) / pageSize);
  if (after > lastPage) out.push(after);
  if (before < firstPage) out.push(before);
  return out;
}

/** The content top that brings row `index` fully into view with the least movement. */
export function scrollToShow(index: number, contentTop: number, viewport: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < contentTop) return top;
  if (bottom > contentTop + viewport) return Math.max(0, bottom - viewport);
  return contentTop;
}

/** Where the focus row goes for a navigation key; null for other keys. */
export function moveFocus(key: string, focus: number, count: number, pageRows: number): number | null {
  if (count <= 0) return null;
  const step = Math.max(1, pageRows - 1);
  const at = focus < 0 ? -1 : focus;
  let next: number;
  switch (key) {
    case 'ArrowDown':
      next = at + 1;
      break;
    case 'ArrowUp':
      next = at < 0 ? 0 : at - 1;
      break;
    case 'PageDown':
      next = at < 0 ? step : at + step;
      break;
    case 'PageUp':
      next = at - step;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    default:
      return null;
  }
  return clamp(next, 0, count - 1);
}
