import { describe, expect, it, vi } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ContactDialog from './ContactDialog.svelte';
import { fake } from '../../test/fake-wails/backend';

function setup(props: Partial<{ contact: ReturnType<typeof fake.addContact> | null }> = {}) {
  const handlers = { onclose: vi.fn(), onsaved: vi.fn(), ondeleted: vi.fn(), onopencontact: vi.fn() };
  const groups = fake.groupsList();
  render(ContactDialog, { props: { contact: null, groups, ...handlers, ...props } });
  return handlers;
}

describe('ContactDialog', () => {
  it('is a labelled modal dialog with the name field focused', () => {
    setup();
    const dlg = screen.getByRole('dialog', { name: 'New contact' });
    expect(dlg).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByLabelText('Name')).toHaveFocus();
  });

  it('shows the normalised number as the user types', async () => {
    const user = userEvent.setup();
    setup();
    await user.type(screen.getByLabelText('Phone number'), '0812-3456-7890');
    const preview = screen.getByTestId('phone-preview');
    await waitFor(() => expect(preview).toHaveTextContent('Saved as +62 812-3456-7890'));
    expect(preview).toHaveTextContent('Mobile');
  });

  it('says whose number it is and offers "Open Budi"', async () => {
    const user = userEvent.setup();
    const budi = fake.addContact('Budi', '0812-3456-7890');
    const h = setup();
    await user.type(screen.getByLabelText('Name'), 'Andi');
    await user.type(screen.getByLabelText('Phone number'), '+62 812 3456 7890');
    const dup = await screen.findByTestId('phone-duplicate');
    expect(dup).toHaveTextContent('This number already belongs to Budi');
    await user.click(within(dup).getByRole('button', { name: 'Open Budi' }));
    expect(h.onopencontact).toHaveBeenCalledWith({ id: budi.id, name: 'Budi' });
    // the preview asked the backend with excludeId 0 (a new contact)
    expect(fake.calls.filter(([m]) => m === 'Contacts.CheckPhone').at(-1)).toEqual(['Contacts.CheckPhone', ['+62 812 3456 7890', 0]]);
  });

  it('shows the server’s errors next to the right field', async () => {
    const user = userEvent.setup();
    const h = setup();
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    expect(await screen.findByText('Enter a name.')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    await user.type(screen.getByLabelText('Name'), 'Siti');
    await user.type(screen.getByLabelText('Phone number'), '0812');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    expect(await screen.findByText('This is not a valid phone number: too short.')).toBeInTheDocument();
    expect(screen.getByLabelText('Phone number')).toHaveAttribute('aria-invalid', 'true');
    expect(h.onsaved).not.toHaveBeenCalled();
  });

  it('saves with the chosen groups', async () => {
    const user = userEvent.setup();
    const g1 = fake.addGroup('Pelanggan');
    fake.addGroup('Newsletter');
    const h = setup();
    await user.type(screen.getByLabelText('Name'), 'Budi');
    await user.type(screen.getByLabelText('Phone number'), '0812-3456-7890');
    await user.click(screen.getByRole('checkbox', { name: 'Pelanggan' }));
    await user.type(screen.getByLabelText('Phone number'), '{Enter}'); // Enter in a field submits
    await waitFor(() => expect(h.onsaved).toHaveBeenCalledTimes(1));
    const saved = [...fake.contacts.values()][0]!;
    expect(saved).toMatchObject({ name: 'Budi', phone: '6281234567890', groupIds: [g1.id] });
  });

  it('shows the original name when it differs, and deletes after confirmation', async () => {
    const user = userEvent.setup();
    const c = fake.addContact('Ibu Ratna', '0856 7788 9900', { originalName: 'Ratna (IG)' });
    const h = setup({ contact: fake.contactsGet(c.id) });
    expect(screen.getByRole('dialog', { name: 'Edit contact' })).toBeInTheDocument();
    expect(screen.getByTestId('original-name')).toHaveTextContent('Originally saved as “Ratna (IG)”');
    await user.click(screen.getByRole('button', { name: 'Delete contact' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete Ibu Ratna?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(h.ondeleted).toHaveBeenCalledTimes(1));
    expect(fake.contacts.size).toBe(0);
  });

  it('closes on Escape', async () => {
    const user = userEvent.setup();
    const h = setup();
    await user.keyboard('{Escape}');
    expect(h.onclose).toHaveBeenCalledTimes(1);
  });

  it('offers the name the customer stated: Accept makes it the name, keeping the original-name note', async () => {
    const user = userEvent.setup();
    const c = fake.addContact('Pak Budi', '0812-3456-7890', { originalName: '+62 812-3456-7890', suggestedName: 'Budi Santoso' });
    setup({ contact: fake.contactsGet(c.id) });
    const note = screen.getByTestId('name-suggestion');
    expect(note).toHaveTextContent('Customer said their name is Budi Santoso');
    await user.click(within(note).getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(screen.queryByTestId('name-suggestion')).not.toBeInTheDocument());
    expect(screen.getByLabelText('Name')).toHaveValue('Budi Santoso');
    expect(screen.getByTestId('original-name')).toHaveTextContent('Originally saved as “+62 812-3456-7890”');
    expect(fake.calls.filter(([m]) => m === 'Contacts.AcceptSuggestedName')).toEqual([['Contacts.AcceptSuggestedName', [c.id]]]);
    expect(fake.contactsGet(c.id)).toMatchObject({ name: 'Budi Santoso', suggestedName: '', nameSource: 'typed' });
  });

  it('Dismiss forgets the suggestion and keeps the name', async () => {
    const user = userEvent.setup();
    const c = fake.addContact('Ratna', '0856 7788 9900', { suggestedName: 'Bu Ratna' });
    setup({ contact: fake.contactsGet(c.id) });
    await user.click(within(screen.getByTestId('name-suggestion')).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByTestId('name-suggestion')).not.toBeInTheDocument());
    expect(screen.getByLabelText('Name')).toHaveValue('Ratna');
    expect(fake.contactsGet(c.id)).toMatchObject({ name: 'Ratna', suggestedName: '' });
  });

  it('shows no suggestion when there is none', () => {
    const c = fake.addContact('Ratna', '0856 7788 9900');
    setup({ contact: fake.contactsGet(c.id) });
    expect(screen.queryByTestId('name-suggestion')).not.toBeInTheDocument();
  });

  it('saves "lock the name" and "do not contact"', async () => {
    const user = userEvent.setup();
    const c = fake.addContact('Ratna', '0856 7788 9900', { nameLocked: true });
    const h = setup({ contact: fake.contactsGet(c.id) });
    const lock = screen.getByRole('switch', { name: 'Lock the name' });
    const optOut = screen.getByRole('switch', { name: 'Do not contact' });
    expect(lock).toBeChecked();
    expect(lock).toHaveAccessibleDescription('A name the customer states, or their WhatsApp name, never replaces it.');
    expect(optOut).not.toBeChecked();
    await user.click(lock);
    await user.click(optOut);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(h.onsaved).toHaveBeenCalledTimes(1));
    expect(fake.calls.find(([m]) => m === 'Contacts.Update')![1][1]).toMatchObject({ nameLocked: false, optOut: true });
    expect(fake.contactsGet(c.id)).toMatchObject({ nameLocked: false, optOut: true });
  });
});
