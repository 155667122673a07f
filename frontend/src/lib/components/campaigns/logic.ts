// Pure helpers of the campaigns screens: the words for "why", variables of a message,
// file names of outputs.
import type { Audience, OutputFormat, Why } from '../../api/campaigns';
import type { Decision } from '../../api/inbound';
import { t } from '../../i18n/index.svelte';

export type NameOf = (groupId: number) => string | undefined;

/** Group names for a sentence: "Pelanggan, VIP" (a group deleted meanwhile is named as such). */
export function groupNames(ids: readonly number[], nameOf: NameOf): string {
  return ids.map((id) => nameOf(id) ?? t('campaigns.why.deletedGroup')).join(', ');
}

export function formatDate(ms: number, lang: 'id' | 'en'): string {
  if (!ms) return '';
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-US', { dateStyle: 'medium' }).format(new Date(ms));
}

export function formatWhen(ms: number, lang: 'id' | 'en'): string {
  if (!ms) return '';
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

const WHY_REASONS = ['not-in-groups', 'opted-out', 'invalid-phone', 'no-email', 'added-before', 'other-source'];

/** One contact's place in an audience, in words: "Included through Pelanggan, VIP", "Left out: opted out", … */
export function whyText(w: Why, nameOf: NameOf, lang: 'id' | 'en'): string {
  if (w.included) return t('campaigns.why.included', { groups: groupNames(w.via, nameOf) });
  if (w.reason === 'excluded-group') return t('campaigns.why.excluded-group', { groups: groupNames(w.excludedBy, nameOf) });
  if (w.reason === 'recently-contacted') return t('campaigns.why.recently-contacted', { date: formatDate(w.lastContactedAt, lang) });
  if (WHY_REASONS.includes(w.reason)) return t(`campaigns.why.${w.reason}`);
  return t('campaigns.why.other', { reason: w.reason || '?' });
}

const DECISIONS = ['everyone', 'whitelisted', 'blacklisted', 'conflict', 'not-whitelisted', 'agent-off'];

/** An auto-reply or AI-agent decision in words. */
export function decisionText(d: Decision, nameOf: NameOf): string {
  if (DECISIONS.includes(d.reason)) return t(`targets.decision.${d.reason}`, { groups: groupNames(d.groups, nameOf) });
  return t('targets.decision.other', { reason: d.reason || '?' });
}

/** Variables every message can use; custom fields come on top. */
export const BASE_VARIABLES = ['name', 'phone'] as const;
export const FALLBACK_EXAMPLE = '{name|Kak}';

/** "{name}" for a variable name. */
export function variableToken(name: string): string {
  return `{${name}}`;
}

/** The text with a token inserted at the selection (replacing it); returns the text and the caret after it. */
export function insertAt(text: string, start: number, end: number, token: string): { text: string; caret: number } {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return { text: text.slice(0, s) + token + text.slice(e), caret: s + token.length };
}

const EXTENSIONS: Record<OutputFormat, string> = { csv: '.csv', xlsx: '.xlsx', numbers: '.txt', wame: '.txt' };

function slug(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** "Promo Lebaran", wame → "kontak-promo-lebaran-wa-me.txt" */
export function outputFileName(name: string, format: OutputFormat): string {
  const s = slug(name);
  const tail = format === 'numbers' ? '-numbers' : format === 'wame' ? '-wa-me' : '';
  return `kontak${s ? '-' + s : ''}${tail}${EXTENSIONS[format]}`;
}

/** The path with the format's file name ending, when it still ends as another format's would. */
export function withOutputExtension(path: string, name: string, format: OutputFormat): string {
  const p = path.trim();
  if (!p) return p;
  const known = (['csv', 'xlsx', 'numbers', 'wame'] as OutputFormat[]).map((f) => outputFileName(name, f));
  for (const k of known) if (p.endsWith(k)) return p.slice(0, p.length - k.length) + outputFileName(name, format);
  const m = /\.(csv|xlsx|txt)$/i.exec(p);
  if (m) return p.slice(0, m.index) + EXTENSIONS[format];
  return p + EXTENSIONS[format];
}

/** The same audience (as the backend would read it)? */
export function sameAudience(a: Audience, b: Audience): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Date input value (yyyy-mm-dd, local) ↔ Unix ms at local midnight. */
export function dateInputValue(ms: number): string {
  if (!ms) return '';
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
export function dateInputMs(v: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return 0;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}
