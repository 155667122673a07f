// Row selection: pure functions over an immutable Set of ids.

export interface SelectionState {
  ids: ReadonlySet<number>;
  /** the last row clicked without Shift; the start of a Shift-click range */
  anchor: number | null;
}

export const emptySelection: SelectionState = { ids: new Set(), anchor: null };

/**
 * A click on a row's checkbox. With Shift and an anchor on the same page, every
 * row between the anchor and this one (inclusive) gets the clicked row's new state.
 */
export function clickRow(s: SelectionState, id: number, order: readonly number[], shift: boolean): SelectionState {
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
      return { ids, anchor: id };
    }
  }
  if (turnOn) ids.add(id);
  else ids.delete(id);
  return { ids, anchor: id };
}

export type PageState = 'none' | 'some' | 'all';

export function pageState(s: SelectionState, order: readonly number[]): PageState {
  if (order.length === 0) return 'none';
  let n = 0;
  for (const id of order) if (s.ids.has(id)) n++;
  return n === 0 ? 'none' : n === order.length ? 'all' : 'some';
}

/** The header checkbox: selects the whole page, or clears it when it is already all selected. */
export function togglePage(s: SelectionState, order: readonly number[]): SelectionState {
  const ids = new Set(s.ids);
  if (pageState(s, order) === 'all') for (const id of order) ids.delete(id);
  else for (const id of order) ids.add(id);
  return { ids, anchor: s.anchor };
}

export function without(s: SelectionState, gone: readonly number[]): SelectionState {
  const ids = new Set(s.ids);
  for (const id of gone) ids.delete(id);
  return { ids, anchor: s.anchor !== null && gone.includes(s.anchor) ? null : s.anchor };
}
