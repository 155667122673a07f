import { groupsApi, on, type Group } from '../api';
import { createLatest } from '../logic/latest';
import { toast } from './toasts.svelte';

export const groupsState = $state<{ list: Group[]; loaded: boolean; loading: boolean }>({
  list: [],
  loaded: false,
  loading: false,
});

const latest = createLatest();

export async function refreshGroups(): Promise<void> {
  groupsState.loading = true;
  try {
    const out = await latest.run(() => groupsApi.list());
    if (out.stale) return;
    groupsState.list = out.value;
    groupsState.loaded = true;
    groupsState.loading = false;
  } catch (e) {
    groupsState.loading = false;
    groupsState.loaded = true;
    toast.error(e);
  }
}

export function groupName(id: number): string | undefined {
  return groupsState.list.find((g) => g.id === id)?.name;
}

/** Keeps the list in step with the backend. Returns the unsubscribe function. */
export function syncGroups(): () => void {
  return on('groups:changed', () => void refreshGroups());
}
