import type { PhoneCheck } from '../api/types';
import { toAppError, type AppError } from '../api/errors';
import { debounce } from './debounce';
import { createLatest } from './latest';

export const PHONE_CHECK_DELAY_MS = 150;

export interface PhoneCheckState {
  /** the raw text the state describes */
  raw: string;
  /** a check for `raw` is waiting or in flight */
  pending: boolean;
  /** the answer for `raw` (or, while pending, for the previous text) */
  result: PhoneCheck | null;
  error: AppError | null;
}

export const idlePhoneState: PhoneCheckState = { raw: '', pending: false, result: null, error: null };

/**
 * As-you-type phone preview: debounces the input, asks the backend, and
 * drops answers that arrive for text the user has already changed.
 */
export function createPhoneChecker(opts: {
  check: (raw: string, excludeId: number) => Promise<PhoneCheck>;
  onChange: (s: PhoneCheckState) => void;
  delay?: number;
}) {
  const latest = createLatest();
  let state: PhoneCheckState = idlePhoneState;
  const set = (s: PhoneCheckState) => {
    state = s;
    opts.onChange(s);
  };
  const fire = debounce(async (raw: string, excludeId: number) => {
    try {
      const out = await latest.run(() => opts.check(raw, excludeId));
      if (out.stale) return;
      set({ raw, pending: false, result: out.value, error: null });
    } catch (e) {
      set({ raw, pending: false, result: null, error: toAppError(e) });
    }
  }, opts.delay ?? PHONE_CHECK_DELAY_MS);

  return {
    input(raw: string, excludeId: number): void {
      if (raw.trim() === '') {
        fire.cancel();
        latest.invalidate();
        set(idlePhoneState);
        return;
      }
      set({ raw, pending: true, result: state.result, error: null });
      fire(raw, excludeId);
    },
    /** check right away (e.g. when a dialog opens with an existing number) */
    now(raw: string, excludeId: number): void {
      this.input(raw, excludeId);
      fire.flush();
    },
    get state(): PhoneCheckState {
      return state;
    },
    dispose(): void {
      fire.cancel();
      latest.invalidate();
    },
  };
}
