// Auto-reply rules, the incoming-message settings and the webhook's state, kept in step
// with the backend (inbound:changed) while an inbound screen is open.
import { toAppError, type AppError } from '../api';
import { inboundApi, onInbound, type InboundSettings, type Rule, type WebhookStatus } from '../api/inbound';
import { createLatest } from '../logic/latest';

export const inboundState = $state<{
  rules: Rule[];
  rulesLoaded: boolean;
  settings: InboundSettings | null;
  webhook: WebhookStatus | null;
  error: AppError | null;
}>({ rules: [], rulesLoaded: false, settings: null, webhook: null, error: null });

const rulesLatest = createLatest();
const settingsLatest = createLatest();

/** Forgets everything (the unit tests start clean). */
export function forgetInbound(): void {
  rulesLatest.invalidate();
  settingsLatest.invalidate();
  Object.assign(inboundState, { rules: [], rulesLoaded: false, settings: null, webhook: null, error: null });
}

export async function refreshRules(): Promise<void> {
  try {
    const out = await rulesLatest.run(() => inboundApi.rules());
    if (out.stale) return;
    inboundState.rules = out.value;
    inboundState.error = null;
  } catch (e) {
    inboundState.error = toAppError(e);
  } finally {
    inboundState.rulesLoaded = true;
  }
}

export async function refreshSettings(): Promise<void> {
  try {
    const out = await settingsLatest.run(() => Promise.all([inboundApi.settings(), inboundApi.webhookStatus()]));
    if (out.stale) return;
    [inboundState.settings, inboundState.webhook] = out.value;
  } catch (e) {
    inboundState.error = toAppError(e);
  }
}

/** Saves the settings (all of them: the screens change a part and keep the rest). */
export async function saveSettings(patch: Partial<InboundSettings>): Promise<InboundSettings> {
  const base = inboundState.settings ?? (await inboundApi.settings());
  try {
    const saved = await inboundApi.updateSettings({ ...base, ...patch });
    settingsLatest.invalidate();
    inboundState.settings = saved;
    return saved;
  } finally {
    // the webhook may have started, stopped or failed, whatever the answer
    inboundState.webhook = await inboundApi.webhookStatus().catch(() => inboundState.webhook);
  }
}

/** Loads rules and settings and follows inbound:changed. Returns the unsubscribe function. */
export function syncInbound(): () => void {
  void refreshRules();
  void refreshSettings();
  return onInbound('inbound:changed', () => {
    void refreshRules();
    void refreshSettings();
  });
}
