import { describe, expect, it } from 'vitest';
import {
  buildQuery,
  describeFilters,
  filtersFromRoute,
  hasFilters,
  NO_FILTERS,
  queryKey,
  routeGroupOf,
  withExisting,
  type ContactFilters,
} from './contactQuery';

const f = (patch: Partial<ContactFilters>): ContactFilters => ({ ...NO_FILTERS, groupIds: [], ...patch });

describe('filters → query', () => {
  it('maps every filter to the backend query, paging at 0', () => {
    expect(buildQuery(NO_FILTERS, '  budi ', 'name')).toEqual({
      text: 'budi',
      groupId: 0,
      groupIds: [],
      groupMode: 'any',
      noGroup: false,
      hasEmail: false,
      source: '',
      sort: 'name',
      offset: 0,
      limit: 0,
    });
    expect(buildQuery(f({ groupIds: [3, 5, 3], groupMode: 'all', hasEmail: true, source: 'import:12' }), '', 'newest')).toMatchObject({
      groupIds: [3, 5],
      groupMode: 'all',
      hasEmail: true,
      source: 'import:12',
      sort: 'newest',
    });
    expect(buildQuery(f({ groupIds: [3], groupMode: 'none' }), '', 'name')).toMatchObject({ groupIds: [3], groupMode: 'none', noGroup: false });
    expect(buildQuery(f({ source: 'autoreply' }), '', 'name').source).toBe('autoreply');
    expect(buildQuery(f({ source: 'manual' }), '', 'name').source).toBe('manual');
  });

  it('"not in any group" wins over chosen groups (the two would match nobody together)', () => {
    expect(buildQuery(f({ groupIds: [3, 4], groupMode: 'all', noGroup: true }), '', 'name')).toMatchObject({ groupIds: [], groupMode: 'any', noGroup: true });
  });

  it('a mode without groups is no filter', () => {
    expect(buildQuery(f({ groupMode: 'none' }), '', 'name').groupMode).toBe('any');
    expect(hasFilters(f({ groupMode: 'none' }))).toBe(false);
    expect(hasFilters(f({ hasEmail: true }))).toBe(true);
  });

  it('keys queries by what they select: paging and group order do not matter', () => {
    const a = buildQuery(f({ groupIds: [3, 5] }), 'budi', 'name');
    const b = { ...buildQuery(f({ groupIds: [5, 3] }), 'budi ', 'name'), offset: 200, limit: 100 };
    expect(queryKey(a)).toBe(queryKey(b));
    expect(queryKey(a)).not.toBe(queryKey(buildQuery(f({ groupIds: [3, 5], groupMode: 'all' }), 'budi', 'name')));
    expect(queryKey(a)).not.toBe(queryKey(buildQuery(f({ groupIds: [3, 5] }), 'budi', 'newest')));
  });

  it('follows the URL: one group or no group; other filters show as "all"', () => {
    expect(filtersFromRoute(7)).toEqual(f({ groupIds: [7] }));
    expect(filtersFromRoute('none')).toEqual(f({ noGroup: true }));
    expect(filtersFromRoute('all')).toEqual(f({}));
    expect(routeGroupOf(f({ groupIds: [7] }))).toBe(7);
    expect(routeGroupOf(f({ noGroup: true, groupIds: [7] }))).toBe('none');
    expect(routeGroupOf(f({ groupIds: [7], groupMode: 'none' }))).toBe('all');
    expect(routeGroupOf(f({ groupIds: [7, 8] }))).toBe('all');
  });

  it('drops groups and imports that are gone', () => {
    const before = f({ groupIds: [1, 2], source: 'import:9' });
    expect(withExisting(before, new Set([1, 2]), new Set([9]))).toBe(before);
    expect(withExisting(before, new Set([2]), new Set([4]))).toEqual(f({ groupIds: [2], source: '' }));
  });

  it('says in words what the list shows', () => {
    const name = (id: number) => ({ 1: 'VIP', 2: 'Reseller' })[id] ?? '?';
    const file = (b: number) => `file${b}.csv`;
    expect(describeFilters(f({ groupIds: [1] }), 'budi', name, file)).toEqual([
      { key: 'export.view.group', params: { group: 'VIP' } },
      { key: 'export.view.search', params: { query: 'budi' } },
    ]);
    expect(describeFilters(f({ groupIds: [1, 2], groupMode: 'none', hasEmail: true, source: 'import:4' }), '', name, file)).toEqual([
      { key: 'export.view.groups.none', params: { groups: 'VIP, Reseller' } },
      { key: 'export.view.hasEmail' },
      { key: 'export.view.source.import', params: { file: 'file4.csv' } },
    ]);
    expect(describeFilters(f({ noGroup: true, source: 'autoreply' }), '', name, file).map((p) => p.key)).toEqual(['export.view.noGroup', 'export.view.source.autoreply']);
  });
});
