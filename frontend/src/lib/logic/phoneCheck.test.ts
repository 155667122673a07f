import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPhoneChecker, PHONE_CHECK_DELAY_MS, type PhoneCheckState } from './phoneCheck';
import type { PhoneCheck } from '../api/types';

function result(raw: string, extra: Partial<PhoneCheck> = {}): PhoneCheck {
  return { input: raw, phone: '6281234567890', status: 'valid', kind: 'mobile', display: '+62 812-3456-7890', reasons: [], ...extra };
}

describe('phone preview', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces typing into one check of the last text', async () => {
    const check = vi.fn((raw: string) => Promise.resolve(result(raw)));
    const states: PhoneCheckState[] = [];
    const c = createPhoneChecker({ check, onChange: (s) => states.push(s) });
    c.input('0', 0);
    c.input('08', 0);
    c.input('0812', 0);
    await vi.advanceTimersByTimeAsync(PHONE_CHECK_DELAY_MS - 1);
    expect(check).not.toHaveBeenCalled();
    expect(c.state.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(1);
    expect(check).toHaveBeenCalledWith('0812', 0);
    expect(c.state).toMatchObject({ raw: '0812', pending: false, error: null });
    expect(c.state.result?.input).toBe('0812');
  });

  it('ignores a slow answer for text the user has already changed', async () => {
    const resolvers = new Map<string, (r: PhoneCheck) => void>();
    const check = vi.fn((raw: string) => new Promise<PhoneCheck>((r) => resolvers.set(raw, r)));
    const c = createPhoneChecker({ check, onChange: () => {} });
    c.input('0812', 0);
    await vi.advanceTimersByTimeAsync(PHONE_CHECK_DELAY_MS);
    c.input('0812-3456-7890', 5);
    await vi.advanceTimersByTimeAsync(PHONE_CHECK_DELAY_MS);
    expect(check).toHaveBeenCalledTimes(2);
    expect(check).toHaveBeenLastCalledWith('0812-3456-7890', 5);
    resolvers.get('0812-3456-7890')!(result('0812-3456-7890', { duplicate: { id: 1, name: 'Budi' } }));
    await vi.advanceTimersByTimeAsync(0);
    resolvers.get('0812')!(result('0812', { status: 'invalid', reasons: ['too-short'] }));
    await vi.advanceTimersByTimeAsync(0);
    expect(c.state.raw).toBe('0812-3456-7890');
    expect(c.state.result?.duplicate).toEqual({ id: 1, name: 'Budi' });
    expect(c.state.result?.status).toBe('valid');
  });

  it('clears at once for an empty field, dropping the pending check', async () => {
    const check = vi.fn((raw: string) => Promise.resolve(result(raw)));
    const c = createPhoneChecker({ check, onChange: () => {} });
    c.input('0812', 0);
    c.input('  ', 0);
    await vi.advanceTimersByTimeAsync(PHONE_CHECK_DELAY_MS * 2);
    expect(check).not.toHaveBeenCalled();
    expect(c.state).toEqual({ raw: '', pending: false, result: null, error: null });
  });

  it('reports a failed check as an error state', async () => {
    const check = vi.fn(() => Promise.reject({ kind: 'internal', code: 'internal', message: 'x' }));
    const c = createPhoneChecker({ check, onChange: () => {} });
    c.input('0812', 0);
    await vi.advanceTimersByTimeAsync(PHONE_CHECK_DELAY_MS);
    expect(c.state.pending).toBe(false);
    expect(c.state.error?.kind).toBe('internal');
  });
});
