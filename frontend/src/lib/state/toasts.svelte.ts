import { toAppError } from '../api/errors';
import { errorText } from '../i18n/index.svelte';

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

const DURATION: Record<ToastKind, number> = { success: 3500, info: 4000, error: 7000 };

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export const toasts = $state<{ items: Toast[] }>({ items: [] });

export function dismissToast(id: number): void {
  const t = timers.get(id);
  if (t) clearTimeout(t);
  timers.delete(id);
  toasts.items = toasts.items.filter((x) => x.id !== id);
}

function push(kind: ToastKind, text: string): number {
  const id = nextId++;
  // keep the stack short: the newest four
  toasts.items = [...toasts.items.slice(-3), { id, kind, text }];
  timers.set(
    id,
    setTimeout(() => dismissToast(id), DURATION[kind]),
  );
  return id;
}

export const toast = {
  success: (text: string) => push('success', text),
  info: (text: string) => push('info', text),
  /** an error message, or any failure turned into the user's language */
  error: (e: unknown) => push('error', typeof e === 'string' ? e : errorText(toAppError(e))),
};
