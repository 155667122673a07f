// Row selection: pure functions over an immutable Set of ids, or "every contact the
// query matches" (all), which the bulk actions send as Selection {all: true, query}.
import type { Query, Selection } from '../api/types';

export interface SelectionState {
  ids: ReadonlySet<number>;
  /** the last row clicked without Shift; the start of a Shift-click range */
  anchor: number | null;
  /** every contact the list's query matches, not only the loaded rows */
  all: boolean;
}

export const emptySelection: SelectionState = { ids: new Set(), anchor: null, all: false };

/**
 * A click on a row's checkbox. With Shift and an anchor among the given rows, every
 * row between the anchor and this one (inclusive) gets the clicked row's new state.
 * In "all matching" mode a click leaves that mode: the given rows stay selected, except
 * the clicked one.
 */
export function clickRow(s: SelectionState, id: number, order: readonly number[], shift: boolean): SelectionState {
  if (s.all) {
    const ids = new Set(order);
    ids.delete(id);
    return { ids, anchor: id, all: false };
  }
  const ids = new Set(s.ids);
  const turnOn = !ids.has(id);
  if (shift && s.anchor !== null) {
    const a = order.indexOf(s.anchor);
    const b = order.indexOf(id);
    if (a !== -1 && b !== -1) {
      const [from, to] = a < b ? [a, b] : [b, a];
      for (let i = from; i <= to; i++) {
        const rowId = order[i]!;
        if (turnOn) ids.add(rowId);
        else ids.delete(rowId);
      }
      return { ids, anchor: id, all: false };
    }
  }
  if (turnOn) ids.add(id);
  else ids.delete(id);
  return { ids, anchor: id, all: false };
}

export type PageState = 'none' | 'some' | 'all';

/** How many of the given rows (those on screen) are selected. */
export function pageState(s: SelectionState, order: readonly number[]): PageState {
  if (order.length === 0) return 'none';
  if (s.all) return 'all';
  let n = 0;
  for (const id of order) if (s.ids.has(id)) n++;
  return n === 0 ? 'none' : n === order.length ? 'all' : 'some';
}

/** The header checkbox: selects the rows on screen, or clears them when they are all selected. */
export function togglePage(s: SelectionState, order: readonly number[]): SelectionState {
  if (s.all) return emptySelection;
  const ids = new Set(s.ids);
  if (pageState(s, order) === 'all') for (const id of order) ids.delete(id);
  else for (const id of order) ids.add(id);
  return { ids, anchor: s.anchor, all: false };
}

export function without(s: SelectionState, gone: readonly number[]): SelectionState {
  if (s.all) return s;
  const ids = new Set(s.ids);
  for (const id of gone) ids.delete(id);
  return { ids, anchor: s.anchor !== null && gone.includes(s.anchor) ? null : s.anchor, all: false };
}

export function selectAllMatching(): SelectionState {
  return { ids: new Set(), anchor: null, all: true };
}

export function isSelected(s: SelectionState, id: number): boolean {
  return s.all || s.ids.has(id);
}

/** How many contacts the selection stands for; `total` is what the query matches. */
export function selectedCount(s: SelectionState, total: number): number {
  return s.all ? total : s.ids.size;
}

/**
 * Whether to offer "Select all N matching": every row on screen is selected, and the
 * query matches more contacts than are selected.
 */
export function offerAllMatching(s: SelectionState, onScreen: readonly number[], total: number): boolean {
  return !s.all && onScreen.length > 0 && pageState(s, onScreen) === 'all' && total > s.ids.size;
}

/** What a bulk action sends. */
export function toSelection(s: SelectionState, query: Query): Selection {
  const q = { ...query, offset: 0, limit: 0 };
  return s.all ? { ids: [], all: true, query: q } : { ids: [...s.ids], all: false, query: q };
}
