import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import { fake } from './test/fake-wails/backend';
import { navigate } from './lib/state/router.svelte';

describe('App', () => {
  it('follows the language setting and the system language', async () => {
    fake.settings = { language: '', country: 'ID', systemLanguage: 'id' };
    navigate('contacts', 'all');
    render(App);
    expect(await screen.findByRole('navigation', { name: 'Navigasi utama' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Kontak' })).toHaveAttribute('aria-current', 'page');
    // another window switches to English
    fake.settingsUpdate({ language: 'en', country: 'ID', systemLanguage: 'id' });
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
  });

  it('keyboard: Ctrl+N opens a new contact from another screen, Escape closes it, "/" focuses search', async () => {
    const user = userEvent.setup();
    fake.settings = { language: 'en', country: 'ID', systemLanguage: 'id' };
    fake.addContact('Budi', '0812-3456-7890');
    navigate('groups');
    render(App);
    await screen.findByRole('heading', { name: 'Groups', level: 1 });
    await user.keyboard('{Control>}n{/Control}');
    const dlg = await screen.findByRole('dialog', { name: 'New contact' });
    expect(screen.getByRole('heading', { name: 'Contacts', level: 1 })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dlg).not.toBeInTheDocument());
    await screen.findByRole('row', { name: /Budi/ });
    document.body.focus();
    await user.keyboard('/');
    expect(screen.getByRole('searchbox', { name: 'Search contacts' })).toHaveFocus();
  });

  it('opens the Broadcasts screen, with its empty list', async () => {
    fake.settings = { language: 'en', country: 'ID', systemLanguage: 'id' };
    navigate('broadcasts');
    render(App);
    expect(await screen.findByTestId('empty-campaigns')).toHaveTextContent('No broadcasts yet');
    expect(screen.getByRole('heading', { name: 'Broadcasts', level: 1 })).toBeInTheDocument();
  });

  it('shows a toast in the user’s language when a call fails', async () => {
    fake.settings = { language: 'id', country: 'ID', systemLanguage: 'en' };
    fake.failNext.set('Contacts.List', 'something broke in Go');
    navigate('contacts', 'all');
    render(App);
    expect(await screen.findByRole('alert')).toHaveTextContent('Terjadi kesalahan di dalam Kontak. Silakan coba lagi.');
  });
});

describe('App status', () => {
  it('shows a full-window message when another Kontak holds the data folder', async () => {
    fake.settings = { language: 'en', country: 'ID', systemLanguage: 'en' };
    fake.status = { state: 'locked', message: 'locked', dataDir: '/home/u/.local/share/Kontak' };
    render(App);
    const box = await screen.findByTestId('app-status');
    expect(box).toHaveTextContent('Kontak is already open');
    expect(box).toHaveTextContent('Data folder: /home/u/.local/share/Kontak');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });
});
