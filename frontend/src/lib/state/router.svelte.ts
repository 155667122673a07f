// A tiny hash router: #/contacts, #/contacts?group=3, #/contacts?group=none, #/groups, …

export type Screen = 'contacts' | 'groups' | 'imports' | 'autoReply' | 'aiAgent' | 'campaigns' | 'broadcasts' | 'settings';

export const SCREENS: readonly Screen[] = ['contacts', 'groups', 'imports', 'autoReply', 'aiAgent', 'campaigns', 'broadcasts', 'settings'];

/** 'all' | 'none' (not in any group) | a group id */
export type GroupFilter = 'all' | 'none' | number;

export interface Route {
  screen: Screen;
  group: GroupFilter;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = h.split('?');
  const screen = (SCREENS as readonly string[]).includes(path) ? (path as Screen) : 'contacts';
  const g = new URLSearchParams(query).get('group');
  let group: GroupFilter = 'all';
  if (g === 'none') group = 'none';
  else if (g && /^\d+$/.test(g) && Number(g) > 0) group = Number(g);
  return { screen, group };
}

export function hrefFor(screen: Screen, group: GroupFilter = 'all'): string {
  if (screen === 'contacts' && group !== 'all') return `#/contacts?group=${group}`;
  return `#/${screen}`;
}

export const route = $state<Route>(parseHash(typeof location !== 'undefined' ? location.hash : ''));

export function navigate(screen: Screen, group: GroupFilter = 'all'): void {
  const href = hrefFor(screen, group);
  if (typeof location !== 'undefined' && location.hash !== href) location.hash = href;
  route.screen = screen;
  route.group = group;
}

/** Follows back/forward and typed URLs. Returns the cleanup function. */
export function syncRoute(): () => void {
  const onHash = () => {
    const r = parseHash(location.hash);
    route.screen = r.screen;
    route.group = r.group;
  };
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}

/** Set by Ctrl+N on another screen; the Contacts screen opens the new-contact dialog and clears it. */
export const ui = $state<{ newContactRequested: boolean; openDialogs: number }>({ newContactRequested: false, openDialogs: 0 });
