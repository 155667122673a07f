import { describe, expect, it, vi } from 'vitest';
import { on, EVENTS } from './events';
import { fake } from '../../test/fake-wails/backend';

describe('events', () => {
  it('mirrors the backend event names', () => {
    expect(EVENTS).toEqual({
      contactsChanged: 'contacts:changed',
      groupsChanged: 'groups:changed',
      settingsChanged: 'settings:changed',
      importProgress: 'import:progress',
      importDone: 'import:done',
      importsChanged: 'imports:changed',
      exportProgress: 'export:progress',
      bulkProgress: 'bulk:progress',
      campaignsChanged: 'campaigns:changed',
    });
  });

  it('delivers typed payloads and unsubscribes', () => {
    const handler = vi.fn();
    const off = on('contacts:changed', handler);
    expect(fake.listenerCount('contacts:changed')).toBe(1);
    fake.emit('contacts:changed', { ids: [1, 2] });
    fake.emit('contacts:changed', null);
    expect(handler.mock.calls).toEqual([[{ ids: [1, 2] }], [{ ids: [] }]]);
    off();
    off(); // twice is harmless
    expect(fake.listenerCount('contacts:changed')).toBe(0);
    fake.emit('contacts:changed', { ids: [3] });
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('normalises the settings payload', () => {
    const handler = vi.fn();
    const off = on('settings:changed', handler);
    fake.emit('settings:changed', { language: 'en', country: 'MY', systemLanguage: 'id' });
    expect(handler).toHaveBeenCalledWith({ language: 'en', country: 'MY', systemLanguage: 'id' });
    off();
  });

  it('normalises bulk progress', () => {
    const handler = vi.fn();
    const off = on('bulk:progress', handler);
    fake.emit('bulk:progress', { action: 'delete', done: 5000, total: 20000 });
    fake.emit('bulk:progress', { action: 'weird', done: 'x' });
    expect(handler.mock.calls).toEqual([[{ action: 'delete', done: 5000, total: 20000 }], [{ action: 'add', done: 0, total: 0 }]]);
    off();
  });
});
