import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor, type KeyLike } from './shortcuts';

function key(k: string, mods: Partial<KeyLike> = {}): KeyLike {
  return { key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: document.body, ...mods };
}
const idle = { dialogOpen: false, hasSelection: false };
const withSel = { dialogOpen: false, hasSelection: true };

function el(html: string): HTMLElement {
  const d = document.createElement('div');
  d.innerHTML = html;
  document.body.append(d);
  return d.firstElementChild as HTMLElement;
}

describe('shortcuts', () => {
  it('Ctrl+N and Cmd+N start a new contact, even from a text field', () => {
    expect(shortcutFor(key('n', { ctrlKey: true }), idle)).toBe('new-contact');
    expect(shortcutFor(key('N', { metaKey: true }), idle)).toBe('new-contact');
    expect(shortcutFor(key('n', { ctrlKey: true, target: el('<input type="text">') }), idle)).toBe('new-contact');
    expect(shortcutFor(key('n', { ctrlKey: true, shiftKey: true }), idle)).toBeNull();
    expect(shortcutFor(key('n'), idle)).toBeNull();
  });

  it('"/" focuses the search unless the user is typing', () => {
    expect(shortcutFor(key('/'), idle)).toBe('focus-search');
    expect(shortcutFor(key('/', { target: el('<input type="search">') }), idle)).toBeNull();
    expect(shortcutFor(key('/', { target: el('<textarea></textarea>') }), idle)).toBeNull();
    expect(shortcutFor(key('/', { target: el('<div contenteditable="true"></div>') }), idle)).toBeNull();
    // a focused checkbox is not typing
    expect(shortcutFor(key('/', { target: el('<input type="checkbox">') }), idle)).toBe('focus-search');
  });

  it('Delete removes the selection only when there is one and no field has focus', () => {
    expect(shortcutFor(key('Delete'), withSel)).toBe('delete-selection');
    expect(shortcutFor(key('Delete'), idle)).toBeNull();
    expect(shortcutFor(key('Delete', { target: el('<input>') }), withSel)).toBeNull();
    expect(shortcutFor(key('Delete', { target: el('<input type="checkbox">') }), withSel)).toBe('delete-selection');
  });

  it('does nothing while a dialog is open', () => {
    const open = { dialogOpen: true, hasSelection: true };
    expect(shortcutFor(key('n', { ctrlKey: true }), open)).toBeNull();
    expect(shortcutFor(key('/'), open)).toBeNull();
    expect(shortcutFor(key('Delete'), open)).toBeNull();
  });

  it('knows which targets take typing', () => {
    expect(isTypingTarget(el('<select><option>a</option></select>'))).toBe(true);
    expect(isTypingTarget(el('<input type="email">'))).toBe(true);
    expect(isTypingTarget(el('<button>b</button>'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('Escape clears the selection, but not while typing or in a dialog', () => {
    expect(shortcutFor(key('Escape'), withSel)).toBe('clear-selection');
    expect(shortcutFor(key('Escape'), idle)).toBeNull();
    expect(shortcutFor(key('Escape', { target: el('<input type="search">') }), withSel)).toBeNull();
    expect(shortcutFor(key('Escape'), { dialogOpen: true, hasSelection: true })).toBeNull();
  });
});
