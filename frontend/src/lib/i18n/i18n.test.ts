import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';
import { errorText, formatNumber, reasonText, resolveLanguage, translate } from './translate';
import { AppError } from '../api/errors';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('id and en have exactly the same keys', () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
  });

  it('every key has the same {placeholders} in both languages', () => {
    const mismatched = Object.keys(en).filter(
      (k) => placeholders(en[k as keyof typeof en]).join() !== placeholders(id[k as keyof typeof id]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('has no empty texts', () => {
    expect(Object.entries(en).filter(([, v]) => !v.trim())).toEqual([]);
    expect(Object.entries(id).filter(([, v]) => !v.trim())).toEqual([]);
  });

  it('covers every error code and phone reason of the contract', () => {
    const codes = [
      'contact.name.empty', 'contact.name.too_long', 'contact.phone.empty', 'contact.phone.invalid', 'contact.phone.lossy',
      'contact.phone.duplicate', 'contact.email.invalid', 'contact.field.invalid', 'contact.not_found', 'contact.group.not_found',
      'group.name.empty', 'group.name.too_long', 'group.name.duplicate', 'group.description.too_long', 'group.not_found',
      'settings.language.invalid', 'settings.country.invalid', 'request.invalid', 'internal',
      // issue 4: import and export (backend/importer/errors.go, pipeline.go, undo.go, contacts/export.go)
      'import.file.empty', 'import.file.no_rows', 'import.file.binary', 'import.file.unsupported', 'import.file.unreadable',
      'import.file.line_too_long', 'import.file.too_large', 'import.xlsx.corrupt', 'import.xlsx.too_large', 'import.xlsx.no_sheet',
      'import.vcard.malformed', 'import.mapping.invalid', 'import.mapping.no_phone', 'import.options.invalid', 'import.busy',
      'import.running', 'import.not_found', 'import.not_undoable', 'import.nothing_rejected', 'import.rejected_missing',
      'export.format.invalid', 'export.path.empty', 'export.file.unwritable', 'export.xlsx.too_many_rows', 'data.unavailable',
    ];
    const reasons = [
      'leading-zero-restored', 'trunk-zero-removed', 'float-suffix-removed', 'apostrophe-removed', 'formula-quotes-removed',
      'scientific-notation-expanded', 'international-prefix-00', 'fullwidth-digits', 'formatting-removed', 'too-short', 'too-long',
      'not-a-number', 'unknown-area-code', 'digits-lost', 'service-number', 'invalid-country-code', 'empty',
      'unicode-digits', 'extension-removed', 'placeholder', 'invalid-number', 'invalid', 'duplicate',
    ];
    expect(codes.filter((c) => !(`error.${c}` in en))).toEqual([]);
    expect(reasons.filter((r) => !(`reason.${r}` in en))).toEqual([]);
    for (const k of ['invalid', 'not_found', 'exists', 'internal', 'locked', 'timeout', 'unavailable']) expect(`error.kind.${k}` in en).toBe(true);
  });
});

describe('translate', () => {
  it('fills placeholders and formats numbers per language', () => {
    expect(translate('en', 'contacts.range', { from: 1, to: 50, total: 1234 })).toBe('1–50 of 1,234');
    expect(translate('id', 'contacts.range', { from: 1, to: 50, total: 1234 })).toBe('1–50 dari 1.234');
    expect(formatNumber('id', 1234567)).toBe('1.234.567');
  });

  it('chooses plural forms by count', () => {
    expect(translate('en', 'toast.addedToGroup', { count: 1, group: 'Newsletter' })).toBe('1 contact added to Newsletter');
    expect(translate('en', 'toast.addedToGroup', { count: 3, group: 'Newsletter' })).toBe('3 contacts added to Newsletter');
    expect(translate('id', 'toast.addedToGroup', { count: 3, group: 'Newsletter' })).toBe('3 kontak ditambahkan ke Newsletter');
  });

  it('returns the key for unknown keys and blanks missing params', () => {
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
    expect(translate('en', 'contact.phone.open')).toBe('Open ');
  });
});

describe('errors and reasons', () => {
  it('translates a code with its params', () => {
    const e = new AppError({ kind: 'exists', code: 'contact.phone.duplicate', field: 'phone', params: { id: '1', name: 'Budi' } });
    expect(errorText('en', e)).toBe('This number already belongs to Budi.');
    expect(errorText('id', e)).toBe('Nomor ini sudah dimiliki Budi.');
  });

  it('translates the reason inside contact.phone.invalid', () => {
    const e = new AppError({ kind: 'invalid', code: 'contact.phone.invalid', params: { reason: 'too-short' } });
    expect(errorText('en', e)).toBe('This is not a valid phone number: too short.');
    expect(errorText('id', e)).toBe('Nomor telepon tidak valid: terlalu pendek.');
  });

  it('says how to save a file of a format it cannot read, and why a file cannot be written', () => {
    const xls = new AppError({ kind: 'invalid', code: 'import.file.unsupported', params: { format: 'xls' } });
    expect(errorText('id', xls)).toContain('File Excel lama (.xls) tidak bisa dibaca');
    const other = new AppError({ kind: 'invalid', code: 'import.file.unsupported', params: { format: 'other' } });
    expect(errorText('en', other)).toBe('Kontak cannot read this kind of file. Save it as XLSX or CSV and try again.');
    const full = new AppError({ kind: 'invalid', code: 'export.file.unwritable', params: { reason: 'disk_full', path: '/x' } });
    expect(errorText('en', full)).toBe('The file cannot be saved there: the disk is full.');
    const raw = new AppError({ kind: 'invalid', code: 'export.file.unwritable', params: { detail: 'open /x: read-only file system' } });
    expect(errorText('en', raw)).toBe('The file cannot be saved there: open /x: read-only file system.');
  });

  it('falls back to a message per kind for unknown codes', () => {
    expect(errorText('en', new AppError({ kind: 'not_found', code: 'thing.gone' }))).toBe('It no longer exists.');
    expect(errorText('id', new AppError({ kind: 'timeout', code: 'app.timeout', params: { seconds: '30' } }))).toBe(
      'Kontak tidak menjawab dalam 30 detik. Silakan coba lagi.',
    );
  });

  it('shows unknown reason codes as they are', () => {
    expect(reasonText('en', 'leading-zero-restored')).toBe('the missing leading 0 was restored');
    expect(reasonText('id', 'brand-new-reason')).toBe('brand-new-reason');
  });
});

describe('resolveLanguage', () => {
  it('prefers the setting, then the system language, then the browser', () => {
    expect(resolveLanguage({ language: 'en', systemLanguage: 'id' })).toBe('en');
    expect(resolveLanguage({ language: '', systemLanguage: 'en' })).toBe('en');
    expect(resolveLanguage({ language: '', systemLanguage: 'id' })).toBe('id');
    expect(resolveLanguage(null, 'en-GB')).toBe('en');
    expect(resolveLanguage(null, 'id-ID')).toBe('id');
  });
});
