export type Shortcut = 'new-contact' | 'focus-search' | 'delete-selection' | 'clear-selection';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  target: EventTarget | null;
}

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** True when the key would type into a field (so plain-key shortcuts must not fire). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !NON_TEXT_INPUTS.has(((el as HTMLInputElement).type || 'text').toLowerCase());
  return el.isContentEditable === true || el.getAttribute?.('contenteditable') === 'true';
}

/**
 * Maps a keydown to an app shortcut.
 * - Ctrl+N / Cmd+N: new contact (not while a dialog is open)
 * - "/": focus the search box (not while typing or in a dialog)
 * - Delete: delete the selection (not while typing or in a dialog, only with a selection)
 * - Escape: clear the selection (not while typing or in a dialog, only with a selection)
 */
export function shortcutFor(e: KeyLike, ctx: { dialogOpen: boolean; hasSelection: boolean }): Shortcut | null {
  if (ctx.dialogOpen) return null;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'n') return 'new-contact';
  if (mod || e.altKey) return null;
  if (isTypingTarget(e.target)) return null;
  if (e.key === '/') return 'focus-search';
  if (e.key === 'Delete' && ctx.hasSelection) return 'delete-selection';
  if (e.key === 'Escape' && ctx.hasSelection) return 'clear-selection';
  return null;
}
