import { toAppError } from '../api/errors';
import { errorText } from '../i18n/index.svelte';

export type ToastKind = 'success' | 'error' | 'info';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
  /** a button in the toast, e.g. "Undo"; pressing it dismisses the toast */
  action?: ToastAction;
}

export interface ToastOptions {
  action?: ToastAction;
  /** milliseconds on screen (a toast with an action stays longer by default) */
  duration?: number;
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

/** How long a toast with a button (Undo) stays: long enough to read it and decide. */
export const ACTION_DURATION = 12_000;

function push(kind: ToastKind, text: string, o: ToastOptions = {}): number {
  const id = nextId++;
  const item: Toast = { id, kind, text };
  if (o.action) item.action = o.action;
  // keep the stack short: the newest four
  toasts.items = [...toasts.items.slice(-3), item];
  timers.set(
    id,
    setTimeout(() => dismissToast(id), o.duration ?? (o.action ? ACTION_DURATION : DURATION[kind])),
  );
  return id;
}

export const toast = {
  success: (text: string, o?: ToastOptions) => push('success', text, o),
  info: (text: string, o?: ToastOptions) => push('info', text, o),
  /** an error message, or any failure turned into the user's language */
  error: (e: unknown) => push('error', typeof e === 'string' ? e : errorText(toAppError(e))),
};
