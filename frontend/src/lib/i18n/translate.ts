// Pure translation helpers (no Svelte state), so they are easy to test.
import { en, type Messages } from './en';
import { id } from './id';
import type { AppError } from '../api/errors';
import type { Settings } from '../api/types';

export type Lang = 'id' | 'en';
export type Params = Record<string, string | number | undefined | null>;

export const dictionaries: Record<Lang, Messages> = { id, en };

const intlLocale: Record<Lang, string> = { id: 'id-ID', en: 'en-US' };

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(intlLocale[lang]).format(n);
}

/** Replaces {name} placeholders; numbers are formatted for the language, missing params become "". */
export function interpolate(lang: Lang, text: string, params?: Params): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === null) return '';
    return typeof v === 'number' ? formatNumber(lang, v) : v;
  });
}

function has(dict: Messages, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(dict, key);
}

function lookup(dict: Messages, key: string): string | undefined {
  return has(dict, key) ? dict[key as keyof Messages] : undefined;
}

/** Looks a key up (with key_one/key_other when params.count is a number); unknown keys return the key. */
export function translate(lang: Lang, key: string, params?: Params): string {
  const dict = dictionaries[lang];
  let text: string | undefined;
  const count = params?.count;
  if (typeof count === 'number') {
    const form = new Intl.PluralRules(intlLocale[lang]).select(count);
    text = lookup(dict, `${key}_${form}`) ?? lookup(dict, `${key}_other`);
  }
  text ??= lookup(dict, key) ?? lookup(en, key);
  if (text === undefined) return key;
  return interpolate(lang, text, params);
}

export function hasKey(key: string): boolean {
  return has(en, key);
}

/** A phone reason code in words; unknown codes are shown as they are. */
export function reasonText(lang: Lang, code: string): string {
  const key = `reason.${code}`;
  return hasKey(key) ? translate(lang, key) : code;
}

/** The message for a failed call: code + params first, then a generic message for its kind. */
export function errorText(lang: Lang, e: AppError): string {
  const params: Params = { ...e.params };
  if (e.code === 'contact.phone.invalid' && e.params.reason) params.reason = reasonText(lang, e.params.reason);
  if (e.code === 'export.file.unwritable') {
    const why = `unwritable.${e.params.reason ?? ''}`;
    params.reason = hasKey(why) ? translate(lang, why) : e.params.detail || translate(lang, 'unwritable.io_error');
  }
  if (e.code === 'import.file.unreadable' && !e.params.detail) params.detail = '—';
  // a message for the exact case, e.g. error.import.file.unsupported.xls
  const specific = `error.${e.code}.${e.params.format ?? ''}`;
  if (e.params.format && hasKey(specific)) return translate(lang, specific, params);
  const key = `error.${e.code}`;
  if (hasKey(key)) return translate(lang, key, params);
  const kindKey = `error.kind.${e.kind}`;
  return hasKey(kindKey) ? translate(lang, kindKey, params) : translate(lang, 'error.kind.internal');
}

/** The language to show: the user's choice, else the system's, else the browser's. */
export function resolveLanguage(s: Pick<Settings, 'language' | 'systemLanguage'> | null, navigatorLanguage?: string): Lang {
  if (s?.language === 'id' || s?.language === 'en') return s.language;
  if (s?.systemLanguage === 'id' || s?.systemLanguage === 'en') return s.systemLanguage;
  const nav = (navigatorLanguage ?? '').toLowerCase();
  if (nav.startsWith('en')) return 'en';
  return 'id';
}
