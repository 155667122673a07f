import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, DEFAULT_TIMEOUT_MS, setCallTimeout } from './call';
import { AppError } from './errors';
import { contactsApi } from './contacts';
import { groupsApi } from './groups';
import { settingsApi } from './settings';
import { fake } from '../../test/fake-wails/backend';

afterEach(() => {
  vi.useRealTimers();
  setCallTimeout(DEFAULT_TIMEOUT_MS);
});

describe('call', () => {
  it('resolves with the value of the bound method', async () => {
    await expect(call('X.Y', () => Promise.resolve(5))).resolves.toBe(5);
  });

  it('times out after 30 s when a call never settles', async () => {
    vi.useFakeTimers();
    const p = call('Contacts.List', () => new Promise<never>(() => {}));
    const seen = vi.fn();
    p.catch(seen);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(seen).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toHaveBeenCalledTimes(1);
    const e = seen.mock.calls[0]![0] as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.kind).toBe('timeout');
    expect(e.code).toBe('app.timeout');
    expect(e.params).toMatchObject({ method: 'Contacts.List', seconds: '30' });
  });

  it('normalises a plain string rejection and a synchronous throw', async () => {
    await expect(call('A.B', () => Promise.reject('boom'))).rejects.toMatchObject({ kind: 'internal', message: 'boom' });
    await expect(
      call('A.B', () => {
        throw new TypeError("Cannot read properties of undefined (reading 'contacts')");
      }),
    ).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('ignores a late answer after the timeout', async () => {
    vi.useFakeTimers();
    let resolveLate!: (v: number) => void;
    const p = call('A.B', () => new Promise<number>((r) => (resolveLate = r)), 100);
    const outcome = p.then(
      () => 'resolved',
      (e: AppError) => e.kind,
    );
    await vi.advanceTimersByTimeAsync(100);
    resolveLate(1);
    await expect(outcome).resolves.toBe('timeout');
  });
});

describe('services over the bindings', () => {
  it('rejects with the backend’s AppError, field and params included', async () => {
    const budi = fake.addContact('Budi', '0812-3456-7890');
    const err = await contactsApi
      .add({ name: 'Andi', phone: '+62 812 3456 7890', email: '', groupIds: [], fields: [] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ kind: 'exists', code: 'contact.phone.duplicate', field: 'phone', params: { id: String(budi.id), name: 'Budi' } });
  });

  it('passes the query through and returns plain data', async () => {
    fake.addContact('Budi', '0812-3456-7890');
    const page = await contactsApi.list({ text: '812 3456', groupId: 0, noGroup: false, sort: 'name', offset: 0, limit: 50 });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ name: 'Budi', display: '+62 812-3456-7890', groupIds: [] });
    expect(fake.calls.at(-1)).toEqual([
      'Contacts.List',
      [{ text: '812 3456', groupId: 0, groupIds: [], groupMode: 'any', noGroup: false, hasEmail: false, source: '', sort: 'name', offset: 0, limit: 50 }],
    ]);
  });

  it('turns a hanging backend method into a timeout error', async () => {
    setCallTimeout(30);
    fake.hang.add('Groups.List');
    await expect(groupsApi.list()).rejects.toMatchObject({ kind: 'timeout', code: 'app.timeout' });
  });

  it('normalises settings (empty language = follow the system)', async () => {
    fake.settings = { language: '', country: 'ID', systemLanguage: 'en' };
    await expect(settingsApi.get()).resolves.toEqual({ language: '', country: 'ID', systemLanguage: 'en' });
    await expect(settingsApi.update({ language: 'xx' as 'id', country: 'ID', systemLanguage: 'en' })).rejects.toMatchObject({
      code: 'settings.language.invalid',
    });
  });
});
