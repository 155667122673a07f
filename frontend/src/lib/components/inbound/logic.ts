// Pure helpers of the inbound screens.
import type { Decision, Outcome } from '../../api/inbound';

/** Keywords as typed ("harga, price; berapa") → the list a rule keeps. Commas split; a regex keeps its commas only when it is the one keyword. */
export function parseKeywords(typed: string, regex: boolean): string[] {
  if (regex) return typed.split(/\n/).map((k) => k.trim()).filter(Boolean);
  const out: string[] = [];
  for (const raw of typed.split(/[,;\n]/)) {
    const k = raw.trim().replace(/\s+/g, ' ');
    if (k && !out.some((x) => x.toLowerCase() === k.toLowerCase())) out.push(k);
  }
  return out;
}

export function keywordsText(keywords: readonly string[], regex: boolean): string {
  return keywords.join(regex ? '\n' : ', ');
}

/** The groups that are in both a whitelist and a blacklist: their contacts are blocked. */
export function conflicts(white: readonly number[], black: readonly number[]): number[] {
  return white.filter((g) => black.includes(g));
}

/** The list with id moved one place up (-1) or down (+1); unchanged at the ends. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

/** The i18n key and reason of why a message got no reply. */
export function whyKey(why: string): { key: string; reason: string } {
  if (why.startsWith('rule-target:')) return { key: 'inbound.why.rule-target', reason: why.slice('rule-target:'.length) };
  return { key: `inbound.why.${why}`, reason: '' };
}

/** The i18n key of a decision's reason. */
export function decisionKey(d: Decision): string {
  return `decision.${d.reason}`;
}

/** The key of what name detection did. */
export function nameKey(o: Outcome): { key: string; reason: string } {
  if (o.nameOutcome.startsWith('agent-')) return { key: 'inbound.name.agent', reason: o.nameOutcome.slice('agent-'.length) };
  if (['applied', 'suggested', 'unchanged', 'would-apply', 'no-contact'].includes(o.nameOutcome)) return { key: `inbound.name.${o.nameOutcome}`, reason: '' };
  return { key: 'inbound.name.other', reason: '' };
}

/** A random webhook token of 32 URL-safe characters. */
export function randomToken(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

/** A reply text, {name}/{phone} kept visible: the i18n params that leave them as they are. */
export const VARS = { name: '{name}', phone: '{phone}' } as const;
