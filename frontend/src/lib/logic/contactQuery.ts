// The contact list's filters and how they become the backend's Query.
import type { GroupMode, Query, SortOrder } from '../api/types';

/** "" any source; "manual" added by hand; "autoreply" saved by an auto reply; "import:<batch>" one import. */
export type SourceFilter = '' | 'manual' | 'autoreply' | `import:${number}`;

export interface ContactFilters {
  /** the chosen groups, combined by groupMode */
  groupIds: number[];
  groupMode: GroupMode;
  /** only contacts in no group (the chosen groups are then ignored) */
  noGroup: boolean;
  hasEmail: boolean;
  source: SourceFilter;
}

export const NO_FILTERS: ContactFilters = Object.freeze({ groupIds: [], groupMode: 'any', noGroup: false, hasEmail: false, source: '' }) as ContactFilters;

/** 'all' | 'none' | a group id: what the URL (#/contacts?group=…) carries. */
export type RouteGroup = 'all' | 'none' | number;

export function isSourceFilter(v: string): v is SourceFilter {
  return v === '' || v === 'manual' || v === 'autoreply' || /^import:\d+$/.test(v);
}

/** The Query for the list (paging left at 0; the list pages it itself). */
export function buildQuery(f: ContactFilters, text: string, sort: SortOrder): Query {
  const groupIds = f.noGroup ? [] : [...new Set(f.groupIds.filter((g) => Number.isInteger(g) && g > 0))];
  return {
    text: text.trim(),
    groupId: 0,
    groupIds,
    groupMode: groupIds.length > 0 ? f.groupMode : 'any',
    noGroup: f.noGroup,
    hasEmail: f.hasEmail,
    source: isSourceFilter(f.source) ? f.source : '',
    sort: sort === 'newest' ? 'newest' : 'name',
    offset: 0,
    limit: 0,
  };
}

/** The identity of a query for caching: paging left out, group order ignored. */
export function queryKey(q: Query): string {
  const groups = [...(q.groupIds ?? []), ...(q.groupId ? [q.groupId] : [])].sort((a, b) => a - b);
  return JSON.stringify([q.text.trim(), groups, groups.length ? (q.groupMode ?? 'any') : 'any', !!q.noGroup, !!q.hasEmail, q.source ?? '', q.sort]);
}

export function hasFilters(f: ContactFilters): boolean {
  return f.noGroup || f.groupIds.length > 0 || f.hasEmail || f.source !== '';
}

/** The filters a URL asks for: one group, or "not in any group". */
export function filtersFromRoute(g: RouteGroup, keep: ContactFilters = NO_FILTERS): ContactFilters {
  const base = { ...keep, groupIds: [], groupMode: 'any' as GroupMode, noGroup: false };
  if (g === 'none') return { ...base, noGroup: true };
  if (typeof g === 'number') return { ...base, groupIds: [g] };
  return base;
}

/** What the URL shows for these filters: one group or "none" when that says it all, else 'all'. */
export function routeGroupOf(f: ContactFilters): RouteGroup {
  if (f.noGroup) return 'none';
  if (f.groupIds.length === 1 && f.groupMode === 'any') return f.groupIds[0]!;
  return 'all';
}

/** The group part of the filters: equal when they select the same contacts by group. */
export function sameGroupFilter(a: ContactFilters, b: ContactFilters): boolean {
  if (a.noGroup || b.noGroup) return a.noGroup === b.noGroup;
  const x = [...a.groupIds].sort((m, n) => m - n);
  const y = [...b.groupIds].sort((m, n) => m - n);
  return x.length === y.length && x.every((v, i) => v === y[i]) && (x.length === 0 || a.groupMode === b.groupMode);
}

/** Drops groups that no longer exist (and an import that is gone from the history). */
export function withExisting(f: ContactFilters, groupIds: ReadonlySet<number>, importIds?: ReadonlySet<number>): ContactFilters {
  const kept = f.groupIds.filter((g) => groupIds.has(g));
  let source = f.source;
  if (importIds && source.startsWith('import:') && !importIds.has(Number(source.slice(7)))) source = '';
  if (kept.length === f.groupIds.length && source === f.source) return f;
  return { ...f, groupIds: kept, source };
}

export interface FilterPart {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * The filters and search in words (message keys and their parameters), for labels such
 * as the export dialog's "What the list shows now: …".
 */
export function describeFilters(f: ContactFilters, text: string, groupName: (id: number) => string, importName: (batch: number) => string): FilterPart[] {
  const parts: FilterPart[] = [];
  if (f.noGroup) parts.push({ key: 'export.view.noGroup' });
  else if (f.groupIds.length === 1 && f.groupMode !== 'none') parts.push({ key: 'export.view.group', params: { group: groupName(f.groupIds[0]!) } });
  else if (f.groupIds.length > 0) {
    const groups = f.groupIds.map(groupName).join(', ');
    parts.push({ key: `export.view.groups.${f.groupMode}`, params: { groups } });
  }
  if (f.hasEmail) parts.push({ key: 'export.view.hasEmail' });
  if (f.source === 'manual') parts.push({ key: 'export.view.source.manual' });
  else if (f.source === 'autoreply') parts.push({ key: 'export.view.source.autoreply' });
  else if (f.source.startsWith('import:')) parts.push({ key: 'export.view.source.import', params: { file: importName(Number(f.source.slice(7))) } });
  const q = text.trim();
  if (q) parts.push({ key: 'export.view.search', params: { query: q } });
  return parts;
}
