import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ContactsScreen from './ContactsScreen.svelte';
import { fake } from '../../test/fake-wails/backend';
import { refreshGroups } from '../state/groups.svelte';
import { navigate } from '../state/router.svelte';
import Toasts from '../components/Toasts.svelte';
import type { Query, Selection } from '../api';

function listCalls(): Query[] {
  return fake.calls.filter(([m]) => m === 'Contacts.List').map(([, a]) => a[0] as Query);
}

/** Scrolls the list's grid to a row (happy-dom has no layout: scrollTop is what we set). */
async function scrollToRow(index: number) {
  const grid = screen.getByRole('grid', { name: 'Contact list' });
  grid.scrollTop = index * 44;
  await fireEvent.scroll(grid);
}

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
    await user.click(screen.getByRole('checkbox', { name: 'Select the contacts shown' }));
    const bar = screen.getByRole('toolbar', { name: 'Actions for the selected contacts' });
    expect(bar).toHaveTextContent('4 selected');
    await user.click(within(bar).getByRole('button', { name: 'Add to group' }));
    await user.click(screen.getByRole('menuitem', { name: 'Newsletter' }));
    await waitFor(() => expect(fake.groupsGet(news.id).members).toBe(4));
    const [sel, gid] = fake.calls.find(([m]) => m === 'Contacts.AddToGroupSelection')![1] as [Selection, number];
    expect(gid).toBe(news.id);
    expect(sel.all).toBe(false);
    expect([...sel.ids].sort()).toEqual([2, 3, 4, 5]);
  });

  it('searches as you type without one request a key, and offers to clear an empty result', async () => {
    const user = userEvent.setup();
    await seedAndRender();
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'zzz');
    expect(await screen.findByText('No contacts match “zzz”')).toBeInTheDocument();
    const texts = listCalls().map((q) => q.text);
    expect(texts.filter((x) => x.startsWith('z')).length).toBeLessThan(3); // fast keys are folded together
    expect(texts.at(-1)).toBe('zzz');
    expect(screen.getByTestId('contacts-total')).toHaveAttribute('data-search', 'zzz');
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

  it('scrolls through thousands of contacts, fetching the pages the viewport needs', async () => {
    fake.addMany(5000);
    navigate('contacts', 'all');
    render(ContactsScreen);
    await waitFor(() => expect(screen.getByTestId('range')).toHaveTextContent('1–13 of 5,000'));
    expect(screen.getByTestId('contacts-total')).toHaveTextContent('5,000 contacts');
    expect(listCalls().map((q) => [q.offset, q.limit])).toEqual([[0, 100]]);
    // only the rows in view (and a few more) are in the DOM
    expect(screen.getAllByRole('row').length).toBeLessThan(30);

    await scrollToRow(2500);
    // a placeholder first, then the page arrives
    expect(screen.getAllByTestId('row-placeholder').length).toBeGreaterThan(0);
    expect(await screen.findByRole('row', { name: /Kontak 0002500/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryAllByTestId('row-placeholder')).toHaveLength(0));
    expect(screen.getByTestId('range')).toHaveTextContent('2,501–2,513 of 5,000');
    expect(listCalls().some((q) => q.offset === 2500 && q.limit === 100)).toBe(true);
    expect(screen.getAllByRole('row').length).toBeLessThan(40);

    // to the end: the last row is there, nothing past it is asked for
    await scrollToRow(4990);
    expect(await screen.findByRole('row', { name: /Kontak 0004999/ })).toBeInTheDocument();
    expect(listCalls().every((q) => q.offset < 5000)).toBe(true);
  });

  it('moves a focus row with the keyboard; Space selects, Enter opens', async () => {
    const user = userEvent.setup();
    fake.addMany(300);
    navigate('contacts', 'all');
    render(ContactsScreen);
    const grid = await screen.findByRole('grid', { name: 'Contact list' });
    await screen.findByRole('row', { name: /Kontak 0000000/ });
    grid.focus();
    await user.keyboard('{ArrowDown}');
    const active = () => document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
    expect(active()).toHaveTextContent('Kontak 0000000');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(active()).toHaveTextContent('Kontak 0000002');
    await user.keyboard(' ');
    expect(screen.getByRole('checkbox', { name: 'Select Kontak 0000002' })).toBeChecked();
    expect(screen.getByRole('toolbar', { name: 'Actions for the selected contacts' })).toHaveTextContent('1 selected');
    await user.keyboard('{PageDown}');
    expect(active()).toHaveTextContent('Kontak 0000013'); // a viewport of 12 rows, less one
    await user.keyboard('{End}');
    expect(await screen.findByRole('row', { name: /Kontak 0000299/ })).toBeInTheDocument();
    await waitFor(() => expect(active()).toHaveTextContent('Kontak 0000299'));
    await user.keyboard('{Home}');
    await waitFor(() => expect(active()).toHaveTextContent('Kontak 0000000'));
    await user.keyboard('{Escape}'); // clears the selection
    expect(screen.queryByRole('toolbar', { name: 'Actions for the selected contacts' })).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    const dlg = screen.getByRole('dialog', { name: 'Edit contact' });
    expect(within(dlg).getByLabelText('Name')).toHaveValue('Kontak 0000000');
  });

  it('selects every contact that matches, not only the rows on screen, and adds them to a group', async () => {
    const user = userEvent.setup();
    const vip = fake.addGroup('VIP');
    fake.addMany(300, (i) => ({ name: i % 3 === 0 ? `Budi ${String(i).padStart(4, '0')}` : `Siti ${String(i).padStart(4, '0')}` }));
    navigate('contacts', 'all');
    await refreshGroups();
    render(ContactsScreen);
    render(Toasts);
    await screen.findByRole('row', { name: /Budi 0000/ });
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'budi');
    await waitFor(() => expect(screen.getByTestId('contacts-total')).toHaveAttribute('data-search', 'budi'));
    expect(screen.getByTestId('contacts-total')).toHaveTextContent('100 contacts');
    await user.click(screen.getByRole('checkbox', { name: 'Select the contacts shown' }));
    const banner = screen.getByTestId('select-all-banner');
    expect(banner).toHaveTextContent('All 13 contacts shown are selected.');
    await user.click(within(banner).getByRole('button', { name: 'Select all 100 matching contacts' }));
    const bar = screen.getByRole('toolbar', { name: 'Actions for the selected contacts' });
    expect(bar).toHaveTextContent('All 100 selected');
    expect(screen.getByTestId('select-all-banner')).toHaveTextContent('All 100 contacts that match are selected.');
    // rows scrolled into view later are selected too
    await scrollToRow(90);
    expect(await screen.findByRole('checkbox', { name: 'Select Budi 0294' })).toBeChecked();

    await user.click(within(bar).getByRole('button', { name: 'Add to group' }));
    await user.click(screen.getByRole('menuitem', { name: 'VIP' }));
    expect(await screen.findByText('100 contacts added to VIP')).toBeInTheDocument();
    expect(fake.groupsGet(vip.id).members).toBe(100);
    const [sel] = fake.calls.find(([m]) => m === 'Contacts.AddToGroupSelection')![1] as [Selection];
    expect(sel).toMatchObject({ ids: [], all: true, query: { text: 'budi', offset: 0, limit: 0 } });
    expect(screen.queryByRole('toolbar', { name: 'Actions for the selected contacts' })).not.toBeInTheDocument();
  });

  it('shows the progress of a big bulk action while it runs', async () => {
    const user = userEvent.setup();
    const vip = fake.addGroup('VIP');
    fake.addMany(300);
    navigate('contacts', 'all');
    await refreshGroups();
    render(ContactsScreen);
    render(Toasts);
    await screen.findByRole('row', { name: /Kontak 0000000/ });
    await user.click(screen.getByRole('checkbox', { name: 'Select the contacts shown' }));
    await user.click(screen.getByRole('button', { name: 'Select all 300 matching contacts' }));
    const release = fake.hold('Contacts.AddToGroupSelection');
    const bar = screen.getByRole('toolbar', { name: 'Actions for the selected contacts' });
    await user.click(within(bar).getByRole('button', { name: 'Add to group' }));
    await user.click(screen.getByRole('menuitem', { name: 'VIP' }));
    expect(within(bar).getByTestId('bulk-progress')).toHaveTextContent('Working…');
    expect(within(bar).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    fake.emit('bulk:progress', { action: 'add', done: 150, total: 300 });
    await waitFor(() => expect(within(bar).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50'));
    expect(bar).toHaveTextContent('Adding to VIP: 150 of 300');
    fake.emit('bulk:progress', { action: 'add', done: 60, total: 300 }); // late and out of order: ignored
    await waitFor(() => expect(within(bar).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50'));
    // the list stays usable meanwhile
    await scrollToRow(200);
    expect(await screen.findByRole('row', { name: /Kontak 0000200/ })).toBeInTheDocument();
    release();
    expect(await screen.findByText('300 contacts added to VIP')).toBeInTheDocument();
    expect(fake.groupsGet(vip.id).members).toBe(300);
    expect(screen.queryByTestId('bulk-progress')).not.toBeInTheDocument();
  });

  it('deletes everything that matches after a confirmation naming the count, with undo', async () => {
    const user = userEvent.setup();
    fake.addMany(250);
    fake.addContact('Zaki', '0819-8888-7777');
    navigate('contacts', 'all');
    render(ContactsScreen);
    render(Toasts);
    await screen.findByRole('row', { name: /Kontak 0000000/ });
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'kontak');
    await waitFor(() => expect(screen.getByTestId('contacts-total')).toHaveAttribute('data-search', 'kontak'));
    await user.click(screen.getByRole('checkbox', { name: 'Select the contacts shown' }));
    await user.click(screen.getByRole('button', { name: 'Select all 250 matching contacts' }));
    await user.click(within(screen.getByRole('toolbar', { name: 'Actions for the selected contacts' })).getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete 250 contacts?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    const toastEl = await screen.findByText('250 contacts deleted');
    expect(fake.contacts.size).toBe(1);
    await waitFor(() => expect(screen.getByTestId('contacts-total')).toHaveTextContent('0 contacts'));
    await user.click(within(toastEl.closest('[data-testid="toast"]') as HTMLElement).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('250 contacts restored')).toBeInTheDocument();
    expect(fake.contacts.size).toBe(251);
    await waitFor(() => expect(screen.getByTestId('contacts-total')).toHaveTextContent('250 contacts'));
  });

  it('turns the group and other filters into the query, and the URL follows a single group', async () => {
    const user = userEvent.setup();
    const news = fake.addGroup('Newsletter');
    const vip = fake.addGroup('VIP');
    fake.addContact('Andi', '0857-3333-4444', { groupIds: [news.id], email: 'andi@toko.id' });
    fake.addContact('Budi', '0812-3456-7890', { groupIds: [news.id, vip.id], source: 'autoreply' });
    fake.addContact('Rina', '0878-5555-6666');
    navigate('contacts', 'all');
    await refreshGroups();
    render(ContactsScreen);
    await screen.findByRole('row', { name: /Rina/ });
    const last = () => listCalls().at(-1)!;

    await user.click(screen.getByRole('button', { name: 'Group: All contacts' }));
    const panel = screen.getByRole('dialog', { name: 'Filter by group' });
    await user.click(within(panel).getByRole('checkbox', { name: /Newsletter/ }));
    await waitFor(() => expect(screen.getByTestId('contacts-total')).toHaveTextContent('2 contacts'));
    expect(last()).toMatchObject({ groupIds: [news.id], groupMode: 'any', noGroup: false });
    expect(location.hash).toBe(`#/contacts?group=${news.id}`);

    await user.click(within(panel).getByRole('checkbox', { name: /VIP/ }));
    await user.selectOptions(within(panel).getByRole('combobox'), 'all');
    await waitFor(() => expect(screen.getByTestId('contacts-total')).toHaveTextContent('1 contact'));
    expect(last()).toMatchObject({ groupIds: [news.id, vip.id], groupMode: 'all' });
    expect(location.hash).toBe('#/contacts');
    expect(screen.getByRole('button', { name: 'Group: All of 2 groups' })).toBeInTheDocument();

    await user.selectOptions(within(panel).getByRole('combobox'), 'none');
    await waitFor(() => expect(screen.getByRole('row', { name: /Rina/ })).toBeInTheDocument());
    expect(last()).toMatchObject({ groupIds: [news.id, vip.id], groupMode: 'none' });

    await user.click(within(panel).getByRole('checkbox', { name: 'Not in any group' }));
    expect(last()).toMatchObject({ groupIds: [], groupMode: 'any', noGroup: true });
    expect(location.hash).toBe('#/contacts?group=none');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Filter by group' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Group: Not in any group' }));
    await user.click(screen.getByRole('button', { name: 'Show all contacts' }));
    await waitFor(() => expect(screen.getByTestId('contacts-total')).toHaveTextContent('3 contacts'));

    await user.click(screen.getByRole('button', { name: 'Filters' }));
    const more = screen.getByRole('dialog', { name: 'More filters' });
    await user.click(within(more).getByRole('checkbox', { name: 'Has an email address' }));
    await waitFor(() => expect(screen.getByTestId('contacts-total')).toHaveTextContent('1 contact'));
    expect(last()).toMatchObject({ hasEmail: true, source: '' });
    await user.click(within(more).getByRole('checkbox', { name: 'Has an email address' }));
    await user.selectOptions(within(more).getByRole('combobox', { name: 'How the contact was added' }), 'autoreply');
    await waitFor(() => expect(screen.getByTestId('contacts-total')).toHaveTextContent('1 contact'));
    expect(last()).toMatchObject({ hasEmail: false, source: 'autoreply' });
    expect(screen.getByRole('row', { name: /Budi/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Filters (1)' })).toBeInTheDocument();
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
    expect(fake.calls.find(([m]) => m === 'Contacts.DeleteSelection')?.[1]).toEqual([expect.objectContaining({ ids: [4], all: false })]);
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
    const grid = screen.getByRole('grid', { name: 'Contact list' });
    grid.focus();
    await user.keyboard('{End}{Enter}');
    const dlg = screen.getByRole('dialog', { name: 'Edit contact' });
    const phone = within(dlg).getByLabelText('Phone number');
    await user.clear(phone);
    await user.type(phone, '6281234567890');
    await user.click(await within(dlg).findByRole('button', { name: 'Open Budi' }));
    await waitFor(() => expect(screen.getByRole('dialog', { name: 'Edit contact' })).toBeInTheDocument());
    expect(within(screen.getByRole('dialog', { name: 'Edit contact' })).getByLabelText('Name')).toHaveValue('Budi');
  });
});
