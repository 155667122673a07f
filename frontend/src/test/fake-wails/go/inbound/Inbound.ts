// Fake of wailsjs/go/inbound/Inbound.js (Go: inbound.Inbound): rules, settings, the
// pipeline, the activity log and chat exports, in memory. It follows backend/inbound in
// shape, order of checks and error codes; its name detection and chat reader are small
// subsets, enough for the UI tests and the demo.
import { fake, normalise, type BackendError } from '../../backend';
import type { ChatSummary, Decision, Explanation, InboundSettings, LogQuery, Outcome, Rule, TestMessage, WebhookStatus as HookStatus } from '../../../../lib/api/inbound';

function err(kind: string, code: string, field?: string, params?: Record<string, string>): BackendError {
  const e: BackendError = { kind, code, message: code };
  if (field) e.field = field;
  if (params) e.params = params;
  return e;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase().split(/\s+/).filter(Boolean).join(' ');
const STOP_WORDS = ['stop', 'berhenti', 'unsubscribe', 'unsub', 'jangan kirim lagi'];

function decide(groups: number[], white: number[], black: number[]): Decision {
  const inWhite = groups.filter((g) => white.includes(g));
  const inBlack = groups.filter((g) => black.includes(g));
  if (inBlack.length && inWhite.length) return { allowed: false, reason: 'conflict', groups: [...inWhite, ...inBlack] };
  if (inBlack.length) return { allowed: false, reason: 'blacklisted', groups: inBlack };
  if (white.length && !inWhite.length) return { allowed: false, reason: 'not-whitelisted', groups: [] };
  if (inWhite.length) return { allowed: true, reason: 'whitelisted', groups: inWhite };
  return { allowed: true, reason: 'everyone', groups: [] };
}

function matches(r: Rule, text: string): string | null {
  const t = fold(text);
  for (const k of r.keywords) {
    if (r.match === 'regex') {
      if (new RegExp(k, 'i').test(text) || new RegExp(k, 'i').test(t)) return k;
    } else if (r.match === 'exact') {
      if (t === fold(k) || t.replace(/^[ .!?]+|[ .!?]+$/g, '') === fold(k)) return k;
    } else if (r.match === 'starts') {
      if (t.startsWith(fold(k))) return k;
    } else if (t.includes(fold(k))) return k;
  }
  return null;
}

/** A tiny name detector: "nama saya X", "my name is X". */
export function detectName(text: string): string {
  const m = /(?:nama saya|my name is)\s+(\p{L}+)/iu.exec(text);
  if (!m) return '';
  const w = m[1]!;
  return w[0]!.toUpperCase() + w.slice(1).toLowerCase();
}

function senderPhone(from: string): string | null {
  const f = from.trim();
  const at = f.indexOf('@');
  if (at < 0) return /\d/.test(f) ? f : null;
  const server = f.slice(at + 1).toLowerCase();
  if (server !== 's.whatsapp.net' && server !== 'c.us') return null;
  const user = f.slice(0, at).split(':')[0]!;
  return /^\d+$/.test(user) ? user : null;
}

const DEFAULT_SETTINGS: InboundSettings = {
  replyWhitelist: [],
  replyBlacklist: [],
  agentEnabled: true,
  agentWhitelist: [],
  agentBlacklist: [],
  nameDetection: true,
  webhookEnabled: false,
  webhookPort: 8765,
  webhookToken: '',
};

interface ChatMsg {
  from: string;
  name: string;
  message: string;
}

const CHAT_LINE = /^\u200e?\[?(\d{1,4})[./-](\d{1,2})[./-](\d{1,4}),?\s+(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?(?:\s*[ap]\.?\s*m\.?)?(?:\] | - )(.*)$/i;

export class FakeInbound {
  rules: Rule[] = [];
  settings: InboundSettings = { ...DEFAULT_SETTINGS };
  log: Outcome[] = [];
  /** what the next webhook start reports as its error code ("" = it starts) */
  webhookError = '';
  private cooldown = new Map<string, number>();
  private nextRule = 1;
  private nextLog = 1;

  reset(): void {
    this.rules = [];
    this.settings = { ...DEFAULT_SETTINGS };
    this.log = [];
    this.webhookError = '';
    this.cooldown.clear();
    this.nextRule = 1;
    this.nextLog = 1;
  }

  // ---- rules ----
  listRules(): Rule[] {
    return this.rules;
  }
  saveRule(input: Rule): Rule {
    const r: Rule = { ...input, name: input.name.trim(), keywords: input.keywords.map((k) => k.trim()).filter(Boolean) };
    if (!r.name) throw err('invalid', 'rule.name.empty', 'name');
    if (!r.match) r.match = 'contains';
    if (!['exact', 'contains', 'starts', 'regex'].includes(r.match)) throw err('invalid', 'rule.match.invalid', 'match');
    if (r.keywords.length === 0) throw err('invalid', 'rule.keywords.empty', 'keywords');
    if (r.match === 'regex') {
      for (const k of r.keywords) {
        try {
          new RegExp(k);
        } catch {
          throw err('invalid', 'rule.regex.invalid', 'keywords', { keyword: k });
        }
      }
    }
    if (r.cooldownSec < 0) r.cooldownSec = 0;
    if (r.saveContact && r.saveGroups.length === 0) throw err('invalid', 'rule.groups.empty', 'saveGroups');
    const i = this.rules.findIndex((x) => x.id === r.id);
    if (r.id === 0) {
      r.id = this.nextRule++;
      r.position = this.rules.length;
      this.rules.push(r);
    } else if (i < 0) {
      throw err('not_found', 'rule.not_found', undefined, { id: String(r.id) });
    } else {
      r.position = this.rules[i]!.position;
      this.rules[i] = r;
    }
    fake.emitLater('inbound:changed', {});
    return r;
  }
  deleteRule(id: number): boolean {
    const i = this.rules.findIndex((x) => x.id === id);
    if (i < 0) throw err('not_found', 'rule.not_found', undefined, { id: String(id) });
    this.rules.splice(i, 1);
    fake.emitLater('inbound:changed', {});
    return true;
  }
  reorder(ids: number[]): Rule[] {
    if (ids.length !== this.rules.length || new Set(ids).size !== ids.length || ids.some((id) => !this.rules.some((r) => r.id === id))) {
      throw err('invalid', 'rule.order.invalid');
    }
    this.rules = ids.map((id, position) => ({ ...this.rules.find((r) => r.id === id)!, position }));
    fake.emitLater('inbound:changed', {});
    return this.rules;
  }

  // ---- settings and the webhook ----
  updateSettings(s: InboundSettings): InboundSettings {
    const set = { ...s, webhookToken: s.webhookToken.trim() };
    if (set.webhookEnabled) {
      if (set.webhookPort < 1024 || set.webhookPort > 65535) throw err('invalid', 'webhook.port.invalid', 'webhookPort');
      if (set.webhookToken.length < 16) throw err('invalid', 'webhook.token.weak', 'webhookToken');
    }
    this.settings = set;
    fake.emitLater('inbound:changed', {});
    if (set.webhookEnabled && this.webhookError) throw err('invalid', this.webhookError, undefined, { port: String(set.webhookPort), detail: 'address already in use' });
    return set;
  }
  webhookStatus(): HookStatus {
    const s = this.settings;
    if (!s.webhookEnabled) return { running: false, address: '', error: '' };
    if (this.webhookError) return { running: false, address: '', error: this.webhookError };
    return { running: true, address: `127.0.0.1:${s.webhookPort}`, error: '' };
  }

  // ---- the pipeline ----
  process(m: TestMessage & { source?: string }, apply: boolean): Outcome {
    const out: Outcome = {
      id: 0,
      at: fake.clock++,
      message: { from: m.from, name: m.name, message: m.message, group: false, source: m.source ?? 'test', line: 0 },
      phone: '',
      display: '',
      contactId: 0,
      contactName: '',
      created: false,
      targeting: { allowed: false, reason: '', groups: [] },
      ruleId: 0,
      ruleName: '',
      keyword: '',
      reply: '',
      why: '',
      savedGroups: [],
      statedName: '',
      nameOutcome: '',
      optedOut: false,
      dryRun: !apply,
    };
    const raw = senderPhone(m.from);
    const res = raw === null ? null : normalise(raw);
    if (!res || res.status !== 'valid') {
      out.why = 'unresolved';
      return this.finish(out, apply);
    }
    out.phone = res.phone;
    out.display = res.display;
    let contact = [...fake.contacts.values()].find((c) => c.phone === res.phone);
    let groups = contact ? [...contact.groupIds] : [];
    const name = contact ? contact.name : m.name;
    if (contact) {
      out.contactId = contact.id;
      out.contactName = contact.name;
    }
    const set = this.settings;
    out.targeting = decide(groups, set.replyWhitelist, set.replyBlacklist);

    const stop = fold(m.message).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (STOP_WORDS.includes(stop)) {
      out.why = 'opt-out';
      if (contact) {
        if (apply && !contact.optOut) fake.contactsUpdate(contact.id, { name: contact.name, phone: contact.phone, email: contact.email, groupIds: contact.groupIds, fields: contact.fields, optOut: true });
        out.optedOut = true;
      }
      return this.finish(out, apply);
    }

    let rule: Rule | null = null;
    if (!out.targeting.allowed) out.why = out.targeting.reason;
    else {
      out.why = 'no-rule';
      for (const r of this.rules) {
        if (!r.enabled) continue;
        const kw = matches(r, m.message);
        if (kw === null) continue;
        out.ruleId = r.id;
        out.ruleName = r.name;
        out.keyword = kw;
        const d = decide(groups, r.whitelist, r.blacklist);
        if (!d.allowed) {
          out.why = `rule-target:${d.reason}`;
          break;
        }
        const key = `${r.id}:${res.phone}`;
        const last = this.cooldown.get(key);
        if (r.cooldownSec > 0 && last !== undefined && out.at - last < r.cooldownSec * 1000) {
          out.why = 'cooldown';
          break;
        }
        if (r.cooldownSec > 0 && apply) this.cooldown.set(key, out.at);
        rule = r;
        out.why = '';
        const greet = name || (set.agentEnabled && set.nameDetection ? detectName(m.message) : '');
        out.reply = r.reply.replaceAll('{name}', greet).replaceAll('{nama}', greet).replaceAll('{phone}', res.display);
        break;
      }
    }

    if (rule?.saveContact) {
      out.savedGroups = [...rule.saveGroups];
      if (apply) {
        if (contact) {
          const joined = [...new Set([...contact.groupIds, ...rule.saveGroups])];
          contact = fake.contactsUpdate(contact.id, { name: contact.name, phone: contact.phone, email: contact.email, groupIds: joined, fields: contact.fields });
        } else {
          contact = fake.contactsAdd({ name: m.name.trim() || res.display, phone: res.phone, email: '', groupIds: [...rule.saveGroups], fields: [] });
          contact.source = 'autoreply';
          contact.nameSource = m.name.trim() ? 'pushname' : 'number';
          out.created = true;
        }
        out.contactId = contact.id;
        out.contactName = contact.name;
        groups = [...contact.groupIds];
      } else if (!contact) {
        out.created = true;
      }
    }

    if (set.agentEnabled && set.nameDetection) {
      const stated = detectName(m.message);
      if (stated) {
        out.statedName = stated;
        const agent = decide(groups, set.agentWhitelist, set.agentBlacklist);
        if (!agent.allowed) out.nameOutcome = `agent-${agent.reason}`;
        else if (contact && apply) {
          if (contact.name === stated) out.nameOutcome = 'unchanged';
          else if (contact.nameLocked || contact.nameSource === 'typed') {
            contact.suggestedName = stated;
            out.nameOutcome = 'suggested';
          } else {
            contact.name = stated;
            contact.nameSource = 'detected';
            out.contactName = stated;
            out.nameOutcome = 'applied';
          }
          fake.emitLater('contacts:changed', { ids: [contact.id] });
        } else if (contact) out.nameOutcome = 'would-apply';
        else out.nameOutcome = 'no-contact';
      }
    }
    return this.finish(out, apply);
  }

  private finish(out: Outcome, apply: boolean): Outcome {
    if (!apply) return out;
    out.id = this.nextLog++;
    this.log.unshift(out);
    fake.emitLater('inbound:activity', out);
    return out;
  }

  readLog(q: LogQuery): Outcome[] {
    const limit = !q.limit || q.limit <= 0 || q.limit > 500 ? 100 : q.limit;
    const text = fold(q.text ?? '');
    return this.log
      .filter((o) => !q.before || o.id < q.before)
      .filter((o) => !text || fold([o.message.from, o.message.name, o.message.message, o.phone, o.contactName, o.ruleName, o.reply, o.why].join(' ')).includes(text))
      .slice(0, limit);
  }

  explain(contactId: number): Explanation {
    const c = fake.contactsGet(contactId);
    const s = this.settings;
    return {
      autoReply: decide(c.groupIds, s.replyWhitelist, s.replyBlacklist),
      agent: s.agentEnabled ? decide(c.groupIds, s.agentWhitelist, s.agentBlacklist) : { allowed: false, reason: 'agent-off', groups: [] },
      rules: this.rules.map((r) => ({ ruleId: r.id, ruleName: r.name, enabled: r.enabled, decision: decide(c.groupIds, r.whitelist, r.blacklist) })),
    };
  }

  // ---- chat exports (the files the fake importer staged or a test seeded) ----
  private readChat(path: string): { layout: string; messages: ChatMsg[]; skipped: number } {
    const text = fake.imports.files.get(path);
    if (text === undefined) throw err('invalid', 'chat.file.unreadable', undefined, { detail: 'no such file' });
    if (!text.trim()) throw err('invalid', 'chat.file.empty');
    const messages: ChatMsg[] = [];
    let skipped = 0;
    let dated = 0;
    let ios = 0;
    for (const line of text.split(/\r?\n/)) {
      const m = CHAT_LINE.exec(line);
      if (!m) {
        const last = messages[messages.length - 1];
        if (last && line) last.message += `\n${line}`;
        continue;
      }
      dated++;
      if (line.replace('\u200e', '').startsWith('[')) ios++;
      const rest = m[6]!;
      const colon = rest.indexOf(': ');
      if (colon < 0) {
        skipped++;
        continue;
      }
      const author = rest.slice(0, colon).replace(/[\u200e\u202a\u202c]/g, '').trim();
      const phoneLike = /^\+?[\d\s\u00a0-]{8,}$/.test(author);
      messages.push({ from: phoneLike ? author : '', name: phoneLike ? '' : author, message: rest.slice(colon + 2) });
    }
    if (dated === 0) throw err('invalid', 'chat.file.unrecognized');
    return { layout: ios * 2 > dated ? 'ios' : 'android', messages, skipped };
  }

  isChatExport(path: string): boolean {
    const text = fake.imports.files.get(path);
    if (text === undefined) throw err('invalid', 'chat.file.unreadable', undefined, { detail: 'no such file' });
    return text.split(/\r?\n/).filter((l) => l.trim()).slice(0, 3).some((l) => CHAT_LINE.test(l));
  }

  chatImport(path: string, apply: boolean): ChatSummary {
    const ex = this.readChat(path);
    const sum: ChatSummary = { layout: ex.layout, messages: ex.messages.length, skipped: ex.skipped, unresolved: 0, replies: 0, newContacts: 0, names: 0, saved: [], outcomes: [], dryRun: !apply };
    const seen = new Map<string, number>();
    for (const m of ex.messages) {
      const o = this.process({ ...m, source: 'chat-export' }, apply);
      if (o.why === 'unresolved') sum.unresolved++;
      if (o.reply) sum.replies++;
      if (o.statedName) sum.names++;
      if (o.savedGroups.length) {
        const i = seen.get(o.phone);
        if (i !== undefined) sum.saved[i]!.groups.push(...o.savedGroups);
        else {
          seen.set(o.phone, sum.saved.length);
          sum.saved.push({ phone: o.phone, display: o.display, name: o.contactName || m.name, groups: [...o.savedGroups], new: o.created });
          if (o.created) sum.newContacts++;
        }
      }
      if (sum.outcomes.length < 500) sum.outcomes.push(o);
    }
    return sum;
  }
}

export const inbound = new FakeInbound();

export const ChatImport = (arg1: string, arg2: boolean) => fake.invoke('Inbound.ChatImport', [arg1, arg2], () => inbound.chatImport(arg1, arg2));
export const DeleteRule = (arg1: number) => fake.invoke('Inbound.DeleteRule', [arg1], () => inbound.deleteRule(arg1));
export const DetectName = (arg1: string) => fake.invoke('Inbound.DetectName', [arg1], () => detectName(arg1));
export const Explain = (arg1: number) => fake.invoke('Inbound.Explain', [arg1], () => inbound.explain(arg1));
export const IsChatExport = (arg1: string) => fake.invoke('Inbound.IsChatExport', [arg1], () => inbound.isChatExport(arg1));
export const Log = (arg1: LogQuery) => fake.invoke('Inbound.Log', [arg1], () => inbound.readLog(arg1));
export const Reorder = (arg1: number[]) => fake.invoke('Inbound.Reorder', [arg1], () => inbound.reorder(arg1));
export const Rules = () => fake.invoke('Inbound.Rules', [], () => inbound.listRules());
export const SaveRule = (arg1: Rule) => fake.invoke('Inbound.SaveRule', [arg1], () => inbound.saveRule(arg1));
export const Settings = () => fake.invoke('Inbound.Settings', [], () => inbound.settings);
export const Test = (arg1: TestMessage, arg2: boolean) => fake.invoke('Inbound.Test', [arg1, arg2], () => inbound.process(arg1, arg2));
export const UpdateSettings = (arg1: InboundSettings) => fake.invoke('Inbound.UpdateSettings', [arg1], () => inbound.updateSettings(arg1));
export const WebhookStatus = () => fake.invoke('Inbound.WebhookStatus', [], () => inbound.webhookStatus());
