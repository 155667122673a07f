import { settingsApi, on, type Country, type Settings } from '../api';
import { setLang } from '../i18n/index.svelte';
import { resolveLanguage } from '../i18n/translate';
import { toast } from './toasts.svelte';

export const settingsState = $state<{ current: Settings | null; countries: Country[]; loaded: boolean }>({
  current: null,
  countries: [],
  loaded: false,
});

function apply(s: Settings): void {
  settingsState.current = s;
  setLang(resolveLanguage(s, typeof navigator !== 'undefined' ? navigator.language : undefined));
}

export async function loadSettings(): Promise<void> {
  try {
    apply(await settingsApi.get());
  } catch (e) {
    toast.error(e);
  } finally {
    settingsState.loaded = true;
  }
}

export async function loadCountries(): Promise<void> {
  if (settingsState.countries.length > 0) return;
  try {
    settingsState.countries = await settingsApi.countries();
  } catch (e) {
    toast.error(e);
  }
}

/** Saves a change; the language switches as soon as the backend accepts it. */
export async function updateSettings(patch: Partial<Pick<Settings, 'language' | 'country'>>): Promise<boolean> {
  const cur = settingsState.current ?? { language: '', country: 'ID', systemLanguage: 'id' };
  try {
    apply(await settingsApi.update({ ...cur, ...patch }));
    return true;
  } catch (e) {
    toast.error(e);
    return false;
  }
}

/** Follows changes made elsewhere (another window). Returns the unsubscribe function. */
export function syncSettings(): () => void {
  return on('settings:changed', (s) => apply(s));
}
