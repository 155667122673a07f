// The current language as reactive state, and t() bound to it.
import type { AppError } from '../api/errors';
import type { MessageKey } from './en';
import { errorText as errorTextFor, formatNumber, reasonText as reasonTextFor, translate, type Lang, type Params } from './translate';

export type { Lang, Params, MessageKey };

const state = $state<{ lang: Lang }>({
  lang: typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('en') ? 'en' : 'id',
});

export const i18n = {
  get lang(): Lang {
    return state.lang;
  },
};

export function setLang(lang: Lang): void {
  state.lang = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Translate a key in the current language. Reactive in components (reads the language state). */
export function t(key: MessageKey | (string & {}), params?: Params): string {
  return translate(state.lang, key, params);
}

export function fmt(n: number): string {
  return formatNumber(state.lang, n);
}

export function reasonText(code: string): string {
  return reasonTextFor(state.lang, code);
}

export function errorText(e: AppError): string {
  return errorTextFor(state.lang, e);
}
