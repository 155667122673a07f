// The saved campaigns and broadcasts, per kind, kept in step with the backend
// (campaigns:changed) while a campaigns screen is open.
import { on } from '../api';
import { campaignsApi, type CampaignItem, type CampaignKind } from '../api/campaigns';
import { createLatest } from '../logic/latest';
import { toast } from './toasts.svelte';

export const campaignsState = $state<{ kind: CampaignKind; items: CampaignItem[]; loaded: boolean }>({
  kind: 'campaign',
  items: [],
  loaded: false,
});

const latest = createLatest();

/** Starts a kind's list afresh (a screen opens): nothing shown until its answer. */
export function forgetCampaigns(kind: CampaignKind): void {
  latest.invalidate();
  campaignsState.kind = kind;
  campaignsState.items = [];
  campaignsState.loaded = false;
}

export async function refreshCampaigns(kind: CampaignKind = campaignsState.kind): Promise<void> {
  if (kind !== campaignsState.kind) forgetCampaigns(kind);
  try {
    const out = await latest.run(() => campaignsApi.list(kind));
    if (out.stale) return;
    campaignsState.items = out.value;
    campaignsState.loaded = true;
  } catch (e) {
    campaignsState.loaded = true;
    toast.error(e);
  }
}

/** Follows saves, deletes and outputs (and member counts through contacts changes). Returns the unsubscribe function. */
export function syncCampaigns(): () => void {
  const offs = [on('campaigns:changed', () => void refreshCampaigns()), on('groups:changed', () => void refreshCampaigns())];
  return () => offs.forEach((off) => off());
}
