import { isTypingTarget } from './shortcuts';

/**
 * Enter in a single-line field submits its form (the submit button of our
 * dialogs sits in the footer, outside the <form>). Textareas keep Enter
 * for new lines only when Shift is held.
 */
export function submitOnEnter(e: KeyboardEvent): void {
  if (e.key !== 'Enter' || e.isComposing || e.defaultPrevented) return;
  const target = e.target as HTMLElement | null;
  if (!target || !isTypingTarget(target) || target.tagName === 'SELECT') return;
  if (target.tagName === 'TEXTAREA' && e.shiftKey) return;
  const form = (target as HTMLInputElement).form ?? target.closest('form');
  if (!form) return;
  e.preventDefault();
  if (typeof form.requestSubmit === 'function') form.requestSubmit();
  else form.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
}
