import { describe, expect, it } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ContactsScreen from './ContactsScreen.svelte';
import { fake } from '../../test/fake-wails/backend';
import { refreshGroups } from '../state/groups.svelte';
import { navigate } from '../state/router.svelte';

async function seedAndRender() {
  const news = fake.addGroup('Newsletter');
  fake.addContact('Andi', '0857-3333-4444');
  fake.addContact('Budi', '0812-3456-7890', { groupIds: [news.id] });
  fake.addContact('Rina', '0878-5555-6666');
  fake.addContact('Siti', '0813-1111-2222');
  navigate('contacts', 'all');
  await refreshGroups();
  const result = render(ContactsScreen);
  await screen.findByRole('row', { name: /Budi/ });
  return { news, ...result };
}

describe('ContactsScreen', () => {
  it('lists contacts with display phones and group chips', async () => {
    await seedAndRender();
    const row = screen.getByRole('row', { name: /Budi/ });
    expect(row).toHaveTextContent('+62 812-3456-7890');
    expect(row).toHaveTextContent('Newsletter');
    expect(screen.getByTestId('range')).toHaveTextContent('1–4 of 4');
  });

  it('shows the bulk bar once a row is selected, and shift-click selects a range', async () => {
    const user = userEvent.setup();
    await seedAndRender();
    expect(screen.queryByRole('toolbar', { name: 'Actions for the selected contacts' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Select Andi' }));
    const bar = screen.getByRole('toolbar', { name: 'Actions for the selected contacts' });
    expect(bar).toHaveTextContent('1 selected');
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select Rina' }));
    await user.keyboard('{/Shift}');
    expect(bar).toHaveTextContent('3 selected');
    expect(screen.getByRole('checkbox', { name: 'Select Budi' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select Siti' })).not.toBeChecked();
    await user.click(within(bar).getByRole('button', { name: 'Clear the selection' }));
    expect(screen.queryByRole('toolbar', { name: 'Actions for the selected contacts' })).not.toBeInTheDocument();
  });

  it('adds the selection to a group from the bulk bar', async () => {
    const user = userEvent.setup();
    const { news } = await seedAndRender();
    await user.click(screen.getByRole('checkbox', { name: 'Select all on this page' }));
    const bar = screen.getByRole('toolbar', { name: 'Actions for the selected contacts' });
    expect(bar).toHaveTextContent('4 selected');
    await user.click(within(bar).getByRole('button', { name: 'Add to group' }));
    await user.click(screen.getByRole('menuitem', { name: 'Newsletter' }));
    await waitFor(() => expect(fake.groupsGet(news.id).members).toBe(4));
    expect(fake.calls.find(([m]) => m === 'Contacts.AddToGroup')?.[1]).toEqual([expect.arrayContaining([1 + 1, 3, 4, 5]), news.id]);
  });

  it('searches on the server after a short pause and offers to clear an empty result', async () => {
    const user = userEvent.setup();
    await seedAndRender();
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'zzz');
    expect(await screen.findByText('No contacts match “zzz”')).toBeInTheDocument();
    const lists = fake.calls.filter(([m]) => m === 'Contacts.List').map(([, a]) => (a[0] as { text: string }).text);
    expect(lists).not.toContain('z'); // debounced: not one call per key
    expect(lists).toContain('zzz');
    await user.click(within(screen.getByTestId('empty-search')).getByRole('button', { name: 'Clear search' }));
    expect(await screen.findByRole('row', { name: /Budi/ })).toBeInTheDocument();
  });

  it('says what to do when there are no contacts yet', async () => {
    navigate('contacts', 'all');
    render(ContactsScreen);
    expect(await screen.findByText('No contacts yet')).toBeInTheDocument();
    expect(screen.getByText('Add your first contact (Ctrl+N)')).toBeInTheDocument();
  });

  it('refreshes on contacts:changed and unsubscribes when it goes away', async () => {
    const { unmount } = await seedAndRender();
    expect(fake.listenerCount('contacts:changed')).toBeGreaterThan(0);
    fake.addContact('Zaki', '0819-8888-7777');
    expect(await screen.findByRole('row', { name: /Zaki/ })).toBeInTheDocument();
    unmount();
    expect(fake.listenerCount('contacts:changed')).toBe(0);
    expect(fake.listenerCount('groups:changed')).toBe(0);
  });

  it('pages through 50 at a time', async () => {
    const user = userEvent.setup();
    for (let i = 0; i < 60; i++) fake.addContact(`Kontak ${String(i).padStart(2, '0')}`, `0812-0000-${String(1000 + i)}`);
    navigate('contacts', 'all');
    render(ContactsScreen);
    await waitFor(() => expect(screen.getByTestId('range')).toHaveTextContent('1–50 of 60'));
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByTestId('range')).toHaveTextContent('51–60 of 60'));
    expect(screen.getByRole('row', { name: /Kontak 59/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('Delete removes the selection after a confirmation', async () => {
    const user = userEvent.setup();
    await seedAndRender();
    await user.click(screen.getByRole('checkbox', { name: 'Select Rina' }));
    await user.keyboard('{Delete}');
    const confirm = screen.getByRole('alertdialog', { name: 'Delete 1 contact?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Rina/ })).not.toBeInTheDocument());
    expect([...fake.contacts.values()].map((c) => c.name).sort()).toEqual(['Andi', 'Budi', 'Siti']);
  });

  it('returns the focus to the button that opened a dialog', async () => {
    const user = userEvent.setup();
    await seedAndRender();
    const add = screen.getByRole('button', { name: 'Add contact' });
    await user.click(add);
    expect(screen.getByRole('dialog', { name: 'New contact' })).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(add).toHaveFocus();
  });

  it('opens a contact with Enter on its row and offers "Open Budi" for his number', async () => {
    const user = userEvent.setup();
    await seedAndRender();
    screen.getByRole('row', { name: /Siti/ }).focus();
    await user.keyboard('{Enter}');
    const dlg = screen.getByRole('dialog', { name: 'Edit contact' });
    const phone = within(dlg).getByLabelText('Phone number');
    await user.clear(phone);
    await user.type(phone, '6281234567890');
    await user.click(await within(dlg).findByRole('button', { name: 'Open Budi' }));
    await waitFor(() => expect(screen.getByRole('dialog', { name: 'Edit contact' })).toBeInTheDocument());
    expect(within(screen.getByRole('dialog', { name: 'Edit contact' })).getByLabelText('Name')).toHaveValue('Budi');
  });
});
