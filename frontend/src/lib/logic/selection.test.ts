import { describe, expect, it } from 'vitest';
import { clickRow, emptySelection, pageState, togglePage, without } from './selection';

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
    const s = clickRow({ ids: new Set(), anchor: 99 }, 12, order, true);
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
});
