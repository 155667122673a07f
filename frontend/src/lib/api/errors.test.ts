import { describe, expect, it } from 'vitest';
import { AppError, toAppError } from './errors';

describe('toAppError', () => {
  it('keeps the structured error of the backend (kind, code, field, params)', () => {
    const e = toAppError({
      kind: 'exists',
      code: 'contact.phone.duplicate',
      field: 'phone',
      message: 'phone already used',
      params: { id: 7, name: 'Budi' },
    });
    expect(e).toBeInstanceOf(AppError);
    expect(e.kind).toBe('exists');
    expect(e.code).toBe('contact.phone.duplicate');
    expect(e.field).toBe('phone');
    expect(e.message).toBe('phone already used');
    expect(e.params).toEqual({ id: '7', name: 'Budi' });
  });

  it('reads the JSON error out of an Error, as the Wails v2.16 runtime delivers it', () => {
    // calls.js: reject(new Error(message.error)) with the ErrorFormatter's JSON string
    const e = toAppError(
      new Error('{"kind":"exists","code":"group.name.duplicate","field":"name","message":"a group named Newsletter already exists","params":{"id":"2","name":"Newsletter"}}'),
    );
    expect(e).toMatchObject({ kind: 'exists', code: 'group.name.duplicate', field: 'name', params: { id: '2', name: 'Newsletter' } });
  });

  it('copes with an object the runtime flattened to "[object Object]"', () => {
    const e = toAppError(new Error('[object Object]'));
    expect(e.kind).toBe('internal');
    expect(e.code).toBe('internal');
  });

  it('parses the structured error when it arrives as a JSON string', () => {
    const e = toAppError('{"kind":"invalid","code":"group.name.empty","field":"name","message":"empty"}');
    expect(e.kind).toBe('invalid');
    expect(e.code).toBe('group.name.empty');
    expect(e.field).toBe('name');
  });

  it('turns a plain string rejection (Wails’ own errors) into an internal error with the text', () => {
    const e = toAppError('error parsing arguments: json: cannot unmarshal number into Go value of type string');
    expect(e.kind).toBe('internal');
    expect(e.code).toBe('internal');
    expect(e.field).toBeUndefined();
    expect(e.message).toContain('error parsing arguments');
    expect(e.params.detail).toContain('cannot unmarshal');
  });

  it('maps a missing Wails bridge (TypeError on window.go) to "unavailable"', () => {
    let thrown: unknown;
    try {
      (window as unknown as { go: Record<string, unknown> }).go.contacts;
    } catch (x) {
      thrown = x;
    }
    const e = toAppError(thrown);
    expect(e.kind).toBe('unavailable');
    expect(e.code).toBe('app.unavailable');
  });

  it('falls back to kind internal for unknown kinds and keeps the code', () => {
    const e = toAppError({ kind: 'weird', code: 'something.new', message: 'x' });
    expect(e.kind).toBe('internal');
    expect(e.code).toBe('something.new');
  });

  it('handles other values without throwing', () => {
    expect(toAppError(undefined).kind).toBe('internal');
    expect(toAppError(42).message).toBe('42');
    expect(toAppError(new Error('boom')).params.detail).toBe('boom');
    const same = new AppError({ kind: 'locked', code: 'x' });
    expect(toAppError(same)).toBe(same);
  });
});
