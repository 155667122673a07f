import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, moveFocus, pagesFor, scrollModel, scrollToShow, visibleRange, withOverscan } from './virtual';

describe('virtual list geometry', () => {
  it('finds the rows a viewport shows, partly shown ones included', () => {
    expect(visibleRange(0, 440, 44, 1000)).toEqual({ first: 0, last: 9 });
    expect(visibleRange(22, 440, 44, 1000)).toEqual({ first: 0, last: 10 });
    expect(visibleRange(44 * 500, 440, 44, 1000)).toEqual({ first: 500, last: 509 });
    expect(visibleRange(44 * 995, 440, 44, 1000)).toEqual({ first: 995, last: 999 }); // the end
    expect(visibleRange(0, 440, 44, 3)).toEqual({ first: 0, last: 2 });
    expect(visibleRange(0, 440, 44, 0)).toEqual({ first: 0, last: -1 });
    expect(withOverscan({ first: 500, last: 509 }, 8, 1000)).toEqual({ first: 492, last: 517 });
    expect(withOverscan({ first: 2, last: 9 }, 8, 12)).toEqual({ first: 0, last: 11 });
  });

  it('asks for the pages that hold the rows in view first, then the neighbour being approached', () => {
    expect(pagesFor({ first: 0, last: 12 }, 100, 200_000, 34)).toEqual([0]);
    expect(pagesFor({ first: 90, last: 102 }, 100, 200_000, 34)).toEqual([0, 1]);
    expect(pagesFor({ first: 70, last: 82 }, 100, 200_000, 34)).toEqual([0, 1]); // the next page before it shows
    expect(pagesFor({ first: 2510, last: 2522 }, 100, 200_000, 34)).toEqual([25, 24]);
    expect(pagesFor({ first: 2540, last: 2552 }, 100, 200_000, 34)).toEqual([25]);
    expect(pagesFor({ first: 199_990, last: 199_999 }, 100, 200_000, 34)).toEqual([1999]); // nothing past the end
    expect(pagesFor({ first: 0, last: -1 }, 100, 0, 34)).toEqual([]);
  });

  it('maps the scroll bar 1:1 while the rows fit in a scroll area', () => {
    const m = scrollModel(200_000, 44, 600);
    expect(m.scrollHeight).toBe(8_800_000);
    expect(m.ratio).toBe(1);
    const small = scrollModel(100_000, 44, 600);
    expect(small.ratio).toBe(1);
    expect(small.scrollHeight).toBe(4_400_000);
    expect(small.toContent(123_456)).toBe(123_456);
    expect(small.toScroll(123_456)).toBe(123_456);
  });

  it('caps the scroll area for a million rows and still reaches every row', () => {
    const m = scrollModel(1_000_000, 44, 600);
    expect(m.contentHeight).toBe(44_000_000);
    expect(m.scrollHeight).toBe(MAX_SCROLL_PX);
    expect(m.scrollHeight).toBeLessThan(16_000_000); // Chromium's element-size limit is about 16.7 M px
    expect(m.ratio).toBeGreaterThan(4);
    // the top and the bottom of the scroll bar are the first and the last row
    expect(visibleRange(m.toContent(0), 600, 44, 1_000_000).first).toBe(0);
    expect(visibleRange(m.toContent(m.maxScroll), 600, 44, 1_000_000).last).toBe(999_999);
    // the middle of the bar is the middle of the list
    const mid = visibleRange(m.toContent(m.maxScroll / 2), 600, 44, 1_000_000).first;
    expect(Math.abs(mid - 500_000)).toBeLessThan(20);
    // and a position set from a row maps back to it
    const c = 44 * 765_432;
    expect(Math.abs(m.toContent(m.toScroll(c)) - c)).toBeLessThan(1e-6 * c);
  });

  it('scrolls just enough to show a row', () => {
    expect(scrollToShow(5, 0, 440, 44)).toBe(0); // already in view
    expect(scrollToShow(10, 0, 440, 44)).toBe(44); // one below: one row down
    expect(scrollToShow(3, 440, 440, 44)).toBe(132); // above: to its top
    expect(scrollToShow(999, 0, 440, 44)).toBe(44 * 1000 - 440);
  });

  it('moves the focus row with the navigation keys and stays inside the list', () => {
    expect(moveFocus('ArrowDown', 4, 100, 12)).toBe(5);
    expect(moveFocus('ArrowUp', 0, 100, 12)).toBe(0);
    expect(moveFocus('PageDown', 4, 100, 12)).toBe(15);
    expect(moveFocus('PageDown', 95, 100, 12)).toBe(99);
    expect(moveFocus('PageUp', 4, 100, 12)).toBe(0);
    expect(moveFocus('End', 4, 1_000_000, 12)).toBe(999_999);
    expect(moveFocus('Home', 500, 1_000_000, 12)).toBe(0);
    expect(moveFocus('a', 4, 100, 12)).toBeNull();
    expect(moveFocus('ArrowDown', 4, 0, 12)).toBeNull();
  });
});
