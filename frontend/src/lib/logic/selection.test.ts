import { describe, expect, it } from 'vitest';
import {
  clickRow,
  emptySelection,
  isSelected,
  offerAllMatching,
  pageState,
  selectAllMatching,
  selectedCount,
  toSelection,
  togglePage,
  without,
} from './selection';
import type { Query } from '../api/types';

const order = [10, 11, 12, 13, 14, 15];
const ids = (s: { ids: ReadonlySet<number> }) => [...s.ids].sort((a, b) => a - b);

describe('selection', () => {
  it('toggles single rows and remembers the anchor', () => {
    let s = clickRow(emptySelection, 11, order, false);
    expect(ids(s)).toEqual([11]);
    expect(s.anchor).toBe(11);
    s = clickRow(s, 11, order, false);
    expect(ids(s)).toEqual([]);
  });

  it('shift-click selects the range from the anchor, in either direction', () => {
    let s = clickRow(emptySelection, 11, order, false);
    s = clickRow(s, 14, order, true);
    expect(ids(s)).toEqual([11, 12, 13, 14]);
    let r = clickRow(emptySelection, 14, order, false);
    r = clickRow(r, 12, order, true);
    expect(ids(r)).toEqual([12, 13, 14]);
  });

  it('shift-click on a selected row clears the range', () => {
    let s = togglePage(emptySelection, order);
    s = clickRow(s, 11, order, false); // 11 off, anchor 11
    s = clickRow(s, 13, order, true); // 13 was on → range 11..13 off
    expect(ids(s)).toEqual([14, 15, 10].sort((a, b) => a - b));
  });

  it('shift-click without an anchor on this page is a plain click', () => {
    const s = clickRow({ ids: new Set(), anchor: 99, all: false }, 12, order, true);
    expect(ids(s)).toEqual([12]);
    expect(clickRow(emptySelection, 13, order, true).ids.size).toBe(1);
  });

  it('the header checkbox selects the page, then clears it', () => {
    let s = clickRow(emptySelection, 12, order, false);
    expect(pageState(s, order)).toBe('some');
    s = togglePage(s, order);
    expect(pageState(s, order)).toBe('all');
    expect(ids(s)).toEqual(order);
    s = togglePage(s, order);
    expect(pageState(s, order)).toBe('none');
    expect(pageState(s, [])).toBe('none');
  });

  it('drops deleted rows', () => {
    const s = without(togglePage(emptySelection, order), [10, 11]);
    expect(ids(s)).toEqual([12, 13, 14, 15]);
  });

  describe('select all matching', () => {
    const query: Query = { text: 'budi', groupId: 0, groupIds: [3], groupMode: 'all', noGroup: false, hasEmail: true, source: '', sort: 'newest', offset: 300, limit: 100 };

    it('is offered once every row on screen is selected and the query matches more', () => {
      const shown = [10, 11, 12];
      let s = clickRow(emptySelection, 10, shown, false);
      expect(offerAllMatching(s, shown, 5000)).toBe(false); // not all on screen
      s = togglePage(s, shown);
      expect(offerAllMatching(s, shown, 5000)).toBe(true);
      expect(offerAllMatching(s, shown, 3)).toBe(false); // they are all there is
      expect(offerAllMatching(s, [], 5000)).toBe(false);
      expect(offerAllMatching(selectAllMatching(), shown, 5000)).toBe(false); // already
    });

    it('stands for the total, selects rows never loaded, and is sent as {all, query} without paging', () => {
      const all = selectAllMatching();
      expect(selectedCount(all, 200_000)).toBe(200_000);
      expect(isSelected(all, 987_654)).toBe(true);
      expect(pageState(all, [1, 2])).toBe('all');
      expect(toSelection(all, query)).toEqual({ ids: [], all: true, query: { ...query, offset: 0, limit: 0 } });
      const some = togglePage(emptySelection, [7, 8]);
      expect(selectedCount(some, 200_000)).toBe(2);
      expect(toSelection(some, query)).toEqual({ ids: [7, 8], all: false, query: { ...query, offset: 0, limit: 0 } });
    });

    it('a click on a row leaves it: the rows on screen stay selected but that one', () => {
      const s = clickRow(selectAllMatching(), 11, [10, 11, 12], false);
      expect(s.all).toBe(false);
      expect(ids(s)).toEqual([10, 12]);
      expect(togglePage(selectAllMatching(), [10, 11])).toEqual(emptySelection);
      expect(without(selectAllMatching(), [10]).all).toBe(true);
    });
  });
});
