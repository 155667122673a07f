import { describe, expect, it, vi } from 'vitest';
import { importsApi, normaliseReport } from './imports';
import { contactsApi } from './contacts';
import { appApi } from './app';
import { on } from './events';
import { isDesktopWindow, onFileDrop } from './platform';
import { AppError } from './errors';
import { fake } from '../../test/fake-wails/backend';

const CSV = '\uFEFFNama;No HP;Email\r\nBudi;0812-3456-7890;budi@toko.id\r\nSiti;0813 1111 2222;\r\nBudi lagi;+62 812 3456 7890;\r\n';

describe('importsApi', () => {
  it('sends Go’s capitalised OpenOptions and returns plain file info', async () => {
    fake.imports.files.set('/data/kontak.csv', CSV);
    const info = await importsApi.inspect('/data/kontak.csv', { sheet: '', delimiter: ';', headerRow: 0 });
    expect(fake.calls.at(-1)).toEqual(['Imports.Inspect', ['/data/kontak.csv', { sheet: '', delimiter: ';', headerRow: 0 }]]);
    expect(info).toMatchObject({ file: 'kontak.csv', format: 'csv', delimiter: ';', header: ['Nama', 'No HP', 'Email'], remembered: false });
    expect(info.mapping.columns.map((c) => c.role)).toEqual(['name', 'phone', 'email']);
    expect(info.sample[0]).toEqual(['Budi', '0812-3456-7890', 'budi@toko.id']);
  });

  it('stages a browser’s bytes and previews the whole file', async () => {
    const path = await importsApi.stage('kontak.csv', btoa(unescape(encodeURIComponent(CSV))));
    expect(path).toMatch(/kontak\.csv$/);
    const p = await importsApi.preview({
      path,
      open: { sheet: '', delimiter: '', headerRow: 0 },
      mapping: null,
      groupIds: [],
      newGroups: ['Pameran'],
      existing: 'fill',
      replaceNames: false,
    });
    expect(p.counts).toMatchObject({ read: 3, created: 2, duplicates: 1 });
    expect(p.rows.map((r) => r.outcome)).toEqual(['new', 'new', 'duplicate']);
    expect(p.rows[2]).toMatchObject({ row: 4, duplicateOf: 2, reason: 'duplicate' });
    expect(p.problems).toEqual([{ row: 4, outcome: 'duplicate', reason: 'duplicate', name: 'Budi lagi', phone: '+62 812 3456 7890', duplicateOf: 2 }]);
  });

  it('rejects with the backend’s AppError', async () => {
    fake.failNext.set('Imports.Inspect', { kind: 'invalid', code: 'import.file.unsupported', message: 'xls', params: { format: 'xls' } });
    const err = await importsApi.inspect('/x.xls', { sheet: '', delimiter: '', headerRow: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'import.file.unsupported', params: { format: 'xls' } });
  });

  it('fills what a report leaves out', () => {
    const r = normaliseReport({ batch: 3, file: 'a.csv', state: 'weird', created: 2 } as never);
    expect(r).toMatchObject({ batch: 3, state: 'failed', created: 2, updated: 0, problems: [], groupIds: [], error: '' });
  });
});

describe('export and dialogs', () => {
  it('exports with the query and reports progress', async () => {
    fake.addContact('Budi', '0812-3456-7890');
    fake.addContact('Siti', '0813-1111-2222');
    const seen = vi.fn();
    const off = on('export:progress', seen);
    const res = await contactsApi.export({
      format: 'xlsx',
      path: '/tmp/k.xlsx',
      ids: [],
      query: { text: 'budi', groupId: 0, noGroup: false, sort: 'name', offset: 0, limit: 0 },
    });
    off();
    expect(res).toEqual({ path: '/tmp/k.xlsx', written: 1 });
    expect(seen).toHaveBeenLastCalledWith({ done: 1, total: 1 });
    expect(fake.written.get('/tmp/k.xlsx')).toEqual({ kind: 'export', format: 'xlsx', count: 1 });
  });

  it('answers "" when a dialog is cancelled', async () => {
    await expect(appApi.chooseImportFile()).resolves.toBe('');
    fake.dialog.savePath = '/home/u/kontak.csv';
    await expect(appApi.chooseSavePath('kontak.csv')).resolves.toBe('/home/u/kontak.csv');
    expect(fake.calls.at(-1)).toEqual(['App.ChooseSavePath', ['kontak.csv']]);
  });
});

describe('import events', () => {
  it('normalises progress and a failed report with its error', () => {
    const progress = vi.fn();
    const done = vi.fn();
    const offs = [on('import:progress', progress), on('import:done', done)];
    fake.emit('import:progress', { importId: 7, rows: 10, percent: 140, phase: 'weird' });
    fake.emit('import:done', {
      batch: 7,
      file: 'a.csv',
      state: 'failed',
      error: 'import.xlsx.corrupt',
      failure: { kind: 'invalid', code: 'import.xlsx.corrupt', message: 'bad', params: { detail: 'zip' } },
    });
    offs.forEach((off) => off());
    expect(progress).toHaveBeenCalledWith({ importId: 7, rows: 10, done: 0, total: 0, percent: 100, rowsPerSec: 0, secondsLeft: 0, phase: 'reading' });
    const r = done.mock.calls[0]![0];
    expect(r).toMatchObject({ batch: 7, state: 'failed', error: 'import.xlsx.corrupt' });
    expect(r.failure).toBeInstanceOf(AppError);
    expect(r.failure).toMatchObject({ code: 'import.xlsx.corrupt', params: { detail: 'zip' } });
    expect(fake.listenerCount()).toBe(0);
  });
});

describe('platform', () => {
  it('tells the desktop window from a browser', () => {
    expect(isDesktopWindow()).toBe(false);
    (globalThis as unknown as { webkit: unknown }).webkit = { messageHandlers: { external: { postMessage() {} } } };
    try {
      expect(isDesktopWindow()).toBe(true);
    } finally {
      delete (globalThis as unknown as { webkit?: unknown }).webkit;
    }
  });

  it('delivers dropped paths and unsubscribes', () => {
    const seen = vi.fn();
    const off = onFileDrop(seen);
    fake.emit('wails:file-drop', 10, 20, ['/home/u/kontak.csv']);
    fake.emit('wails:file-drop', 10, 20, []);
    expect(seen.mock.calls).toEqual([[['/home/u/kontak.csv']]]);
    off();
    off();
    expect(fake.listenerCount('wails:file-drop')).toBe(0);
  });
});
