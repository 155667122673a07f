import { beforeEach, describe, expect, it, vi } from 'vitest';
import { inboundApi, normaliseChatSummary, normaliseOutcome, normaliseRule, onInbound, type Rule } from './inbound';
import { AppError } from './errors';
import { fake } from '../../test/fake-wails/backend';
import { inbound } from '../../test/fake-wails/go/inbound/Inbound';

const rule = (patch: Partial<Rule> = {}): Rule => ({
  id: 0,
  name: 'harga',
  enabled: true,
  position: 0,
  keywords: ['harga'],
  match: 'contains',
  reply: 'Halo {name}, harga paket 100rb',
  cooldownSec: 0,
  saveContact: false,
  saveGroups: [],
  whitelist: [],
  blacklist: [],
  ...patch,
});

const CHAT = '12/01/2024 09.15 - Pesan dan panggilan terenkripsi secara end-to-end.\n12/01/2024 09.16 - +62 812-1111-2222: halo, nama saya Rina, harga paket?\n12/01/2024 09.17 - Toko: 100rb kak\n';

beforeEach(() => inbound.reset());

describe('inboundApi', () => {
  it('saves a rule and lists the rules in order, with every list present', async () => {
    const saved = await inboundApi.saveRule(rule());
    expect(saved).toMatchObject({ id: 1, name: 'harga', position: 0, keywords: ['harga'] });
    expect(fake.calls.at(-1)?.[0]).toBe('Inbound.SaveRule');
    await inboundApi.saveRule(rule({ name: 'promo', keywords: ['promo'] }));
    const order = await inboundApi.reorder([2, 1]);
    expect(order.map((r) => r.name)).toEqual(['promo', 'harga']);
    expect((await inboundApi.rules()).map((r) => r.position)).toEqual([0, 1]);
  });

  it('turns a backend refusal into an AppError with its code and field', async () => {
    const e = await inboundApi.saveRule(rule({ keywords: ['  '] })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'rule.keywords.empty', field: 'keywords' });
  });

  it('deletes a rule and reports a missing one as not found', async () => {
    const r = await inboundApi.saveRule(rule());
    expect(await inboundApi.deleteRule(r.id)).toBe(true);
    await expect(inboundApi.deleteRule(r.id)).rejects.toMatchObject({ code: 'rule.not_found', kind: 'not_found' });
  });

  it('tries a message without writing, then applies it and logs it', async () => {
    const leads = fake.addGroup('Leads');
    await inboundApi.saveRule(rule({ saveContact: true, saveGroups: [leads.id] }));
    const msg = { from: '0812-1111-2222', name: '', message: 'halo, nama saya Rina, harga paket?' };
    const dry = await inboundApi.test(msg, false);
    expect(dry).toMatchObject({ dryRun: true, ruleName: 'harga', created: true, savedGroups: [leads.id], statedName: 'Rina', phone: '6281211112222' });
    expect(fake.contacts.size).toBe(0);
    expect(await inboundApi.log({ text: '' })).toEqual([]);
    const real = await inboundApi.test(msg, true);
    expect(real).toMatchObject({ dryRun: false, created: true, contactName: 'Rina', nameOutcome: 'applied' });
    const log = await inboundApi.log({ text: 'rina' });
    expect(log).toHaveLength(1);
    expect(log[0]!.reply).toContain('harga paket 100rb');
    expect(fake.calls.at(-1)).toEqual(['Inbound.Log', [{ text: 'rina', before: 0, limit: 0 }]]);
  });

  it('keeps the settings whole and reports the webhook', async () => {
    const s = await inboundApi.settings();
    expect(s).toMatchObject({ webhookEnabled: false, webhookPort: 8765, replyWhitelist: [], agentEnabled: true });
    await expect(inboundApi.updateSettings({ ...s, webhookEnabled: true, webhookToken: 'short' })).rejects.toMatchObject({ code: 'webhook.token.weak' });
    await inboundApi.updateSettings({ ...s, webhookEnabled: true, webhookToken: 'a-long-secret-token-123' });
    expect(await inboundApi.webhookStatus()).toEqual({ running: true, address: '127.0.0.1:8765', error: '' });
  });

  it('explains who is answered', async () => {
    const vip = fake.addGroup('VIP');
    const c = fake.addContact('Budi', '0812-3456-7890', { groupIds: [vip.id] });
    const s = await inboundApi.settings();
    await inboundApi.updateSettings({ ...s, replyWhitelist: [vip.id], replyBlacklist: [vip.id] });
    const x = await inboundApi.explain(c.id);
    expect(x.autoReply).toEqual({ allowed: false, reason: 'conflict', groups: [vip.id, vip.id] });
    expect(x.agent.allowed).toBe(true);
    expect(x.rules).toEqual([]);
  });

  it('sniffs and previews a chat export, then imports it', async () => {
    fake.imports.files.set('/tmp/chat.txt', CHAT);
    fake.imports.files.set('/tmp/kontak.csv', 'nama,hp\nBudi,0812\n');
    expect(await inboundApi.isChatExport('/tmp/chat.txt')).toBe(true);
    expect(await inboundApi.isChatExport('/tmp/kontak.csv')).toBe(false);
    const leads = fake.addGroup('Leads');
    await inboundApi.saveRule(rule({ saveContact: true, saveGroups: [leads.id] }));
    const dry = await inboundApi.chatImport('/tmp/chat.txt', false);
    expect(dry).toMatchObject({ layout: 'android', messages: 2, skipped: 1, unresolved: 1, newContacts: 1, dryRun: true });
    expect(dry.saved).toEqual([{ phone: '6281211112222', display: expect.any(String), name: '', groups: [leads.id], new: true }]);
    expect(fake.contacts.size).toBe(0);
    const done = await inboundApi.chatImport('/tmp/chat.txt', true);
    expect(done.dryRun).toBe(false);
    expect(fake.contacts.size).toBe(1);
  });

  it('reads the name a message states', async () => {
    expect(await inboundApi.detectName('halo, nama saya rina')).toBe('Rina');
    expect(await inboundApi.detectName('harga berapa?')).toBe('');
  });

  it('fills what the backend leaves out', () => {
    expect(normaliseRule({ id: 2, match: 'fuzzy', keywords: null } as never)).toMatchObject({ id: 2, match: 'contains', keywords: [], saveGroups: [] });
    const o = normaliseOutcome({ why: 'no-rule', savedGroups: null } as never);
    expect(o).toMatchObject({ why: 'no-rule', savedGroups: [], message: { from: '', message: '' }, targeting: { groups: [] } });
    expect(normaliseChatSummary(null)).toMatchObject({ saved: [], outcomes: [], messages: 0 });
  });

  it('delivers activity events and stops after unsubscribing', async () => {
    const seen = vi.fn();
    const off = onInbound('inbound:activity', seen);
    fake.emit('inbound:activity', { id: 7, reply: 'hi' });
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ id: 7, reply: 'hi', savedGroups: [] }));
    off();
    fake.emit('inbound:activity', { id: 8 });
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
