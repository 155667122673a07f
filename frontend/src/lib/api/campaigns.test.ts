import { describe, expect, it } from 'vitest';
import { campaignsApi, emptyAudience, normaliseItem, type Audience } from './campaigns';
import { contactsApi } from './contacts';
import { AppError } from './errors';
import { fake } from '../../test/fake-wails/backend';
import { campaignsFake } from '../../test/fake-wails/go/campaigns/service';

function seed() {
  const pelanggan = fake.addGroup('Pelanggan');
  const vip = fake.addGroup('VIP');
  const berhenti = fake.addGroup('Berhenti');
  const budi = fake.addContact('Budi', '0812-3456-7890', { groupIds: [pelanggan.id, vip.id] });
  const siti = fake.addContact('Siti', '0813-1111-2222', { groupIds: [pelanggan.id] });
  const andi = fake.addContact('Andi', '0857-3333-4444', { groupIds: [vip.id, berhenti.id] });
  const rina = fake.addContact('Rina', '0878-5555-6666', { groupIds: [pelanggan.id], optOut: true });
  const dewi = fake.addContact('Dewi', '0821-9876-5432', { groupIds: [] });
  return { pelanggan, vip, berhenti, budi, siti, andi, rina, dewi };
}

const aud = (a: Partial<Audience>): Audience => ({ ...emptyAudience(), ...a });

describe('campaignsApi', () => {
  it('counts an audience: union of the groups, each phone once, minus exclusions and opt-outs', async () => {
    const s = seed();
    const c = await campaignsApi.count(aud({ include: [s.pelanggan.id, s.vip.id], exclude: [s.berhenti.id] }));
    expect(c).toEqual({ recipients: 2, inGroups: 4, excludedByGroup: 1, optedOut: 1, invalidPhone: 0, filtered: 0, recentlyContacted: 0 });
    const sent = fake.calls.find(([m]) => m === 'Campaigns.Count')![1][0];
    expect(sent).toEqual({ include: [s.pelanggan.id, s.vip.id], exclude: [s.berhenti.id], hasEmail: false, addedSince: 0, source: '', notContactedDays: 0 });
  });

  it('pages the recipients in name order with the groups that brought each in', async () => {
    const s = seed();
    const p = await campaignsApi.recipients(aud({ include: [s.pelanggan.id, s.vip.id] }), 0, 100);
    expect(p.count.recipients).toBe(3);
    expect(p.items.map((r) => [r.name, r.phone, r.via])).toEqual([
      ['Andi', '6285733334444', [s.vip.id]],
      ['Budi', '6281234567890', [s.pelanggan.id, s.vip.id]],
      ['Siti', '6281311112222', [s.pelanggan.id]],
    ]);
  });

  it('explains why a contact is in or out', async () => {
    const s = seed();
    const a = aud({ include: [s.pelanggan.id, s.vip.id], exclude: [s.berhenti.id] });
    expect(await campaignsApi.why(a, s.budi.id)).toMatchObject({ included: true, reason: 'included', via: [s.pelanggan.id, s.vip.id] });
    expect(await campaignsApi.why(a, s.andi.id)).toMatchObject({ included: false, reason: 'excluded-group', excludedBy: [s.berhenti.id] });
    expect(await campaignsApi.why(a, s.rina.id)).toMatchObject({ included: false, reason: 'opted-out' });
    expect(await campaignsApi.why(a, s.dewi.id)).toMatchObject({ included: false, reason: 'not-in-groups' });
  });

  it('saves, lists, exports and records outputs; null lists become []', async () => {
    const s = seed();
    expect(await campaignsApi.list('broadcast')).toEqual([]);
    const it = await campaignsApi.save(0, { kind: 'broadcast', name: '  Promo  ', message: 'Halo {name|Kak}', audience: aud({ include: [s.pelanggan.id] }) });
    expect(it).toMatchObject({ kind: 'broadcast', name: 'Promo', lastOutput: null });
    expect((await campaignsApi.list('broadcast')).map((i) => i.name)).toEqual(['Promo']);
    expect(await campaignsApi.list('campaign')).toEqual([]);
    const out = await campaignsApi.export({ itemId: it.id, format: 'csv', path: '/tmp/promo.csv' });
    expect(out).toMatchObject({ itemId: it.id, format: 'csv', path: '/tmp/promo.csv', recipients: 2 });
    expect(campaignsFake.files.get('/tmp/promo.csv')!.rows.map((r) => r.message)).toEqual(['Halo Budi', 'Halo Siti']);
    expect((await campaignsApi.outputs(it.id)).map((o) => o.recipients)).toEqual([2]);
    expect((await campaignsApi.get(it.id)).lastOutput).toMatchObject({ recipients: 2 });
    expect(await campaignsApi.targets(s.siti.id)).toEqual([
      { itemId: it.id, kind: 'broadcast', itemName: 'Promo', why: expect.objectContaining({ included: true, via: [s.pelanggan.id] }) },
    ]);
    expect(await campaignsApi.delete(it.id)).toBe(true);
  });

  it('turns backend refusals into AppErrors with their codes', async () => {
    await expect(campaignsApi.save(0, { kind: 'campaign', name: ' ', message: '', audience: emptyAudience() })).rejects.toMatchObject({
      kind: 'invalid',
      code: 'campaign.name.empty',
      field: 'name',
    });
    const err = await campaignsApi.get(99).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('campaign.not_found');
  });

  it('previews three real recipients and reports empty and unknown variables', async () => {
    const s = seed();
    fake.contactsGet(s.budi.id).fields = [{ key: 'kota', value: 'Bandung' }];
    const p = await campaignsApi.preview('Halo {name}, dari {kota}. {diskon}', aud({ include: [s.pelanggan.id, s.vip.id] }));
    expect(p.samples.map((x) => x.message)).toEqual(['Halo Andi, dari . {diskon}', 'Halo Budi, dari Bandung. {diskon}', 'Halo Siti, dari . {diskon}']);
    expect(p.empty).toEqual([{ variable: 'kota', count: 2 }]);
    expect(p.unknown).toEqual(['diskon']);
  });

  it('normalises missing fields of an item', () => {
    expect(normaliseItem({ id: 3 } as never)).toEqual({
      id: 3, kind: 'campaign', name: '', message: '', audience: emptyAudience(), createdAt: 0, updatedAt: 0, lastOutput: null,
    });
  });
});

describe('contactsApi.optOutSelection', () => {
  it('marks the selection and counts the contacts that changed', async () => {
    const s = seed();
    const sel = { ids: [s.budi.id, s.rina.id], all: false, query: { text: '', groupId: 0, noGroup: false, sort: 'name' as const, offset: 0, limit: 0 } };
    expect(await contactsApi.optOutSelection(sel, true)).toBe(1);
    expect(fake.contactsGet(s.budi.id).optOut).toBe(true);
    expect(fake.calls.find(([m]) => m === 'Contacts.SetOptOutSelection')![1][1]).toBe(true);
    expect(await contactsApi.optOutSelection({ ...sel, ids: [s.rina.id] }, false)).toBe(1);
    expect(fake.contactsGet(s.rina.id).optOut).toBe(false);
  });
});
