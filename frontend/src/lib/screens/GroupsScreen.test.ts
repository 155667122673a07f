import { describe, expect, it } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import GroupsScreen from './GroupsScreen.svelte';
import { fake } from '../../test/fake-wails/backend';
import { groupsState } from '../state/groups.svelte';
import { route, navigate } from '../state/router.svelte';

describe('GroupsScreen', () => {
  it('says what to do when there are no groups', async () => {
    groupsState.loaded = false;
    render(GroupsScreen);
    expect(await screen.findByText('Create a group to organise your customers')).toBeInTheDocument();
  });

  it('lists groups with member counts and creates one with Enter; a duplicate name (any case) is refused', async () => {
    const user = userEvent.setup();
    const news = fake.addGroup('Newsletter', 'Weekly promos');
    fake.addContact('Budi', '0812-3456-7890', { groupIds: [news.id] });
    fake.addContact('Siti', '0813-1111-2222', { groupIds: [news.id] });
    render(GroupsScreen);
    const row = await screen.findByTestId('group-row');
    expect(row).toHaveTextContent('Newsletter');
    expect(row).toHaveTextContent('Weekly promos');
    expect(within(row).getByTestId('group-members')).toHaveTextContent('2 contacts');

    await user.click(screen.getByRole('button', { name: 'New group' }));
    const dlg = screen.getByRole('dialog', { name: 'New group' });
    await user.type(within(dlg).getByLabelText('Group name'), 'newsLETTER{Enter}');
    expect(await within(dlg).findByText('A group named “Newsletter” already exists.')).toBeInTheDocument();
    const name = within(dlg).getByLabelText('Group name');
    await user.clear(name);
    await user.type(name, 'Pelanggan{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Pelanggan')).toBeInTheDocument();
    expect(fake.groupsList().map((g) => g.name)).toEqual(['Newsletter', 'Pelanggan']);
  });

  it('deletes after a confirmation that says the contacts stay, and opens a group in Contacts', async () => {
    const user = userEvent.setup();
    const news = fake.addGroup('Newsletter');
    const vip = fake.addGroup('VIP');
    fake.addContact('Budi', '0812-3456-7890', { groupIds: [news.id] });
    render(GroupsScreen);
    await screen.findByRole('button', { name: 'Delete Newsletter' });
    await user.click(screen.getByRole('button', { name: 'Delete Newsletter' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete group Newsletter?' });
    expect(confirm).toHaveTextContent('Its 1 contact stays in your contacts');
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(fake.groups.has(news.id)).toBe(false));
    expect(fake.contacts.size).toBe(1);

    navigate('groups');
    await user.click(await screen.findByRole('link', { name: 'Show the contacts in VIP' }));
    expect(route).toMatchObject({ screen: 'contacts', group: vip.id });
    expect(location.hash).toBe(`#/contacts?group=${vip.id}`);
  });
});
