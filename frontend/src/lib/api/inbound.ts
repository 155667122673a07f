// Incoming messages (Go: inbound.Inbound): auto-reply rules, targeting, the test box, the
// activity log and chat exports. With the other api modules, the only code that touches
// the generated bindings.
import * as Inbound from '../../../wailsjs/go/inbound/Inbound';
import { EventsOn } from '../../../wailsjs/runtime/runtime';
import { inbound as models } from '../../../wailsjs/go/models';
import { call } from './call';
import { FILE_WORK_TIMEOUT_MS } from './imports';

export type MatchMode = 'exact' | 'contains' | 'starts' | 'regex';
export const MATCH_MODES: readonly MatchMode[] = ['exact', 'contains', 'starts', 'regex'];

export interface Rule {
  id: number;
  name: string;
  enabled: boolean;
  position: number;
  keywords: string[];
  match: MatchMode;
  /** may use {name} and {phone} */
  reply: string;
  cooldownSec: number;
  saveContact: boolean;
  saveGroups: number[];
  whitelist: number[];
  blacklist: number[];
}

export interface InboundSettings {
  replyWhitelist: number[];
  replyBlacklist: number[];
  agentEnabled: boolean;
  agentWhitelist: number[];
  agentBlacklist: number[];
  nameDetection: boolean;
  webhookEnabled: boolean;
  webhookPort: number;
  webhookToken: string;
}

export interface WebhookStatus {
  running: boolean;
  address: string;
  /** an error code when it could not start */
  error: string;
}

/** everyone, whitelisted (allowed); blacklisted, conflict, not-whitelisted (blocked) */
export interface Decision {
  allowed: boolean;
  reason: string;
  groups: number[];
}

export interface InboundMessage {
  from: string;
  name: string;
  message: string;
  group: boolean;
  source: string;
  line: number;
}

/** What the pipeline did (or would do) with one message; also an activity log entry. */
export interface Outcome {
  id: number;
  at: number;
  message: InboundMessage;
  phone: string;
  display: string;
  contactId: number;
  contactName: string;
  created: boolean;
  targeting: Decision;
  ruleId: number;
  ruleName: string;
  keyword: string;
  reply: string;
  /** why there is no reply ("" when there is one) */
  why: string;
  savedGroups: number[];
  statedName: string;
  nameOutcome: string;
  optedOut: boolean;
  dryRun: boolean;
}

export interface TestMessage {
  from: string;
  name: string;
  message: string;
}

export interface LogQuery {
  text: string;
  before?: number;
  limit?: number;
}

export interface RuleDecision {
  ruleId: number;
  ruleName: string;
  enabled: boolean;
  decision: Decision;
}

export interface Explanation {
  autoReply: Decision;
  agent: Decision;
  rules: RuleDecision[];
}

export interface SavedSender {
  phone: string;
  display: string;
  name: string;
  groups: number[];
  new: boolean;
}

export interface ChatSummary {
  layout: string;
  messages: number;
  skipped: number;
  unresolved: number;
  replies: number;
  newContacts: number;
  names: number;
  saved: SavedSender[];
  outcomes: Outcome[];
  dryRun: boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const ids = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);
const arr = <T>(v: T[] | null | undefined): T[] => (Array.isArray(v) ? v : []);
type Raw<T> = Partial<Record<keyof T, unknown>> | null | undefined;

function match(v: unknown): MatchMode {
  return (MATCH_MODES as readonly string[]).includes(v as string) ? (v as MatchMode) : 'contains';
}

export function normaliseRule(r: Raw<Rule>): Rule {
  return {
    id: num(r?.id),
    name: str(r?.name),
    enabled: r?.enabled === true,
    position: num(r?.position),
    keywords: arr(r?.keywords as string[]).map(str),
    match: match(r?.match),
    reply: str(r?.reply),
    cooldownSec: num(r?.cooldownSec),
    saveContact: r?.saveContact === true,
    saveGroups: ids(r?.saveGroups),
    whitelist: ids(r?.whitelist),
    blacklist: ids(r?.blacklist),
  };
}

export function normaliseInboundSettings(s: Raw<InboundSettings>): InboundSettings {
  return {
    replyWhitelist: ids(s?.replyWhitelist),
    replyBlacklist: ids(s?.replyBlacklist),
    agentEnabled: s?.agentEnabled === true,
    agentWhitelist: ids(s?.agentWhitelist),
    agentBlacklist: ids(s?.agentBlacklist),
    nameDetection: s?.nameDetection === true,
    webhookEnabled: s?.webhookEnabled === true,
    webhookPort: num(s?.webhookPort),
    webhookToken: str(s?.webhookToken),
  };
}

function decision(d: Raw<Decision>): Decision {
  return { allowed: d?.allowed === true, reason: str(d?.reason), groups: ids(d?.groups) };
}

export function normaliseOutcome(o: Raw<Outcome>): Outcome {
  const m = (o?.message ?? {}) as Raw<InboundMessage>;
  return {
    id: num(o?.id),
    at: num(o?.at),
    message: {
      from: str(m?.from),
      name: str(m?.name),
      message: str(m?.message),
      group: m?.group === true,
      source: str(m?.source),
      line: num(m?.line),
    },
    phone: str(o?.phone),
    display: str(o?.display),
    contactId: num(o?.contactId),
    contactName: str(o?.contactName),
    created: o?.created === true,
    targeting: decision(o?.targeting as Raw<Decision>),
    ruleId: num(o?.ruleId),
    ruleName: str(o?.ruleName),
    keyword: str(o?.keyword),
    reply: str(o?.reply),
    why: str(o?.why),
    savedGroups: ids(o?.savedGroups),
    statedName: str(o?.statedName),
    nameOutcome: str(o?.nameOutcome),
    optedOut: o?.optedOut === true,
    dryRun: o?.dryRun === true,
  };
}

function explanation(e: Raw<Explanation>): Explanation {
  return {
    autoReply: decision(e?.autoReply as Raw<Decision>),
    agent: decision(e?.agent as Raw<Decision>),
    rules: arr(e?.rules as Raw<RuleDecision>[]).map((r) => ({
      ruleId: num(r?.ruleId),
      ruleName: str(r?.ruleName),
      enabled: r?.enabled === true,
      decision: decision(r?.decision as Raw<Decision>),
    })),
  };
}

export function normaliseChatSummary(s: Raw<ChatSummary>): ChatSummary {
  return {
    layout: str(s?.layout),
    messages: num(s?.messages),
    skipped: num(s?.skipped),
    unresolved: num(s?.unresolved),
    replies: num(s?.replies),
    newContacts: num(s?.newContacts),
    names: num(s?.names),
    saved: arr(s?.saved as Raw<SavedSender>[]).map((x) => ({
      phone: str(x?.phone),
      display: str(x?.display),
      name: str(x?.name),
      groups: ids(x?.groups),
      new: x?.new === true,
    })),
    outcomes: arr(s?.outcomes as Raw<Outcome>[]).map(normaliseOutcome),
    dryRun: s?.dryRun === true,
  };
}

function ruleIn(r: Rule): models.Rule {
  return models.Rule.createFrom({
    id: r.id,
    name: r.name,
    enabled: r.enabled,
    position: r.position,
    keywords: [...r.keywords],
    match: r.match,
    reply: r.reply,
    cooldownSec: Math.max(0, Math.round(r.cooldownSec || 0)),
    saveContact: r.saveContact,
    saveGroups: [...r.saveGroups],
    whitelist: [...r.whitelist],
    blacklist: [...r.blacklist],
  });
}

export const INBOUND_EVENTS = {
  /** a message went through the pipeline for real; the payload is the Outcome */
  activity: 'inbound:activity',
  /** the rules or the settings changed */
  changed: 'inbound:changed',
} as const;

/**
 * Subscribes to an inbound event; returns the unsubscribe function. Never throws: without
 * the Wails runtime (plain browser) it is a no-op.
 */
export function onInbound(event: 'inbound:activity', handler: (o: Outcome) => void): () => void;
export function onInbound(event: 'inbound:changed', handler: () => void): () => void;
export function onInbound(event: 'inbound:activity' | 'inbound:changed', handler: (o: Outcome) => void): () => void {
  let off: unknown;
  try {
    off = EventsOn(event, (...data: unknown[]) => handler(normaliseOutcome(data[0] as Raw<Outcome>)));
  } catch {
    return () => {};
  }
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    if (typeof off === 'function') (off as () => void)();
  };
}

export const inboundApi = {
  /** The auto-reply rules in the order they are tried. */
  async rules(): Promise<Rule[]> {
    return arr(await call('Inbound.Rules', () => Inbound.Rules())).map((r) => normaliseRule(r));
  },
  /** Creates (id 0) or updates a rule. */
  async saveRule(r: Rule): Promise<Rule> {
    return normaliseRule(await call('Inbound.SaveRule', () => Inbound.SaveRule(ruleIn(r))));
  },
  async deleteRule(id: number): Promise<boolean> {
    return (await call('Inbound.DeleteRule', () => Inbound.DeleteRule(id))) === true;
  },
  /** Sets the order the rules are tried in; ids lists every rule once. */
  async reorder(order: number[]): Promise<Rule[]> {
    return arr(await call('Inbound.Reorder', () => Inbound.Reorder([...order]))).map((r) => normaliseRule(r));
  },
  async settings(): Promise<InboundSettings> {
    return normaliseInboundSettings(await call('Inbound.Settings', () => Inbound.Settings()));
  },
  /** Stores the settings; the webhook starts or stops to match. */
  async updateSettings(s: InboundSettings): Promise<InboundSettings> {
    const input = models.Settings.createFrom({
      ...s,
      replyWhitelist: [...s.replyWhitelist],
      replyBlacklist: [...s.replyBlacklist],
      agentWhitelist: [...s.agentWhitelist],
      agentBlacklist: [...s.agentBlacklist],
      webhookPort: Math.round(s.webhookPort || 0),
    });
    return normaliseInboundSettings(await call('Inbound.UpdateSettings', () => Inbound.UpdateSettings(input)));
  },
  async webhookStatus(): Promise<WebhookStatus> {
    const s = await call('Inbound.WebhookStatus', () => Inbound.WebhookStatus());
    return { running: s?.running === true, address: str(s?.address), error: str(s?.error) };
  },
  /** The test box: apply false tells what would happen; apply true does it and logs it. */
  async test(m: TestMessage, apply: boolean): Promise<Outcome> {
    const msg = models.TestMessage.createFrom({ from: m.from, name: m.name, message: m.message });
    return normaliseOutcome(await call('Inbound.Test', () => Inbound.Test(msg, apply)));
  },
  /** Activity log entries, newest first. */
  async log(q: LogQuery): Promise<Outcome[]> {
    const query = models.LogQuery.createFrom({ text: q.text, before: q.before ?? 0, limit: q.limit ?? 0 });
    return arr(await call('Inbound.Log', () => Inbound.Log(query))).map((o) => normaliseOutcome(o));
  },
  /** Who answers a contact, and why. */
  async explain(contactId: number): Promise<Explanation> {
    return explanation(await call('Inbound.Explain', () => Inbound.Explain(contactId)));
  },
  /** The name a message states ("" for none), for the name-detection try-out. */
  async detectName(message: string): Promise<string> {
    return str(await call('Inbound.DetectName', () => Inbound.DetectName(message)));
  },
  /** Whether a file is a WhatsApp chat export (reads only its start). */
  async isChatExport(path: string): Promise<boolean> {
    return (await call('Inbound.IsChatExport', () => Inbound.IsChatExport(path), FILE_WORK_TIMEOUT_MS)) === true;
  },
  /** Runs a chat export through the pipeline: apply false is the preview. */
  async chatImport(path: string, apply: boolean): Promise<ChatSummary> {
    return normaliseChatSummary(await call('Inbound.ChatImport', () => Inbound.ChatImport(path, apply), FILE_WORK_TIMEOUT_MS));
  },
};
