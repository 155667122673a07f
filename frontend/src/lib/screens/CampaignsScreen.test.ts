import { describe, expect, it } from 'vitest';
import { configure, render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CampaignsScreen from './CampaignsScreen.svelte';
import Toasts from '../components/Toasts.svelte';
import { fake } from '../../test/fake-wails/backend';
import { campaignsFake } from '../../test/fake-wails/go/campaigns/service';
import { refreshGroups } from '../state/groups.svelte';

// debounced requests on a busy 2-core machine: give async queries more than the default second
configure({ asyncUtilTimeout: 4000 });

function seedPeople() {
  const pelanggan = fake.addGroup('Pelanggan');
  const vip = fake.addGroup('VIP');
  const berhenti = fake.addGroup('Berhenti');
  const budi = fake.addContact('Budi', '0812-3456-7890', { groupIds: [pelanggan.id, vip.id] });
  const siti = fake.addContact('Siti', '0813-1111-2222', { groupIds: [pelanggan.id] });
  const andi = fake.addContact('Andi', '0857-3333-4444', { groupIds: [vip.id, berhenti.id] });
  const rina = fake.addContact('Rina', '0878-5555-6666', { groupIds: [pelanggan.id], optOut: true });
  fake.addContact('Dewi', '0821-9876-5432');
  fake.contactsGet(budi.id).fields = [{ key: 'kota', value: 'Bandung' }];
  return { pelanggan, vip, berhenti, budi, siti, andi, rina };
}

async function open(kind: 'campaign' | 'broadcast' = 'broadcast') {
  await refreshGroups();
  render(CampaignsScreen, { props: { kind } });
  render(Toasts);
}

function pick(testid: 'target-groups' | 'exclude-groups', name: string) {
  return within(screen.getByTestId(testid)).getByRole('checkbox', { name: new RegExp(`^${name}`) });
}

async function newBroadcast(user: ReturnType<typeof userEvent.setup>, name = 'Promo Lebaran') {
  await user.click((await screen.findAllByRole('button', { name: 'New broadcast' }))[0]!);
  const editor = await screen.findByTestId('campaign-editor');
  await user.type(within(editor).getByLabelText('Name'), name);
  return editor;
}

const recipientCount = () => screen.getByTestId('recipient-count');

describe('CampaignsScreen', () => {
  it('shows an empty list, then a new broadcast whose count follows the chosen groups', async () => {
    const user = userEvent.setup();
    seedPeople();
    await open();
    expect(await screen.findByTestId('empty-campaigns')).toHaveTextContent('No broadcasts yet');
    await newBroadcast(user);
    expect(screen.getByTestId('audience-count')).toHaveTextContent('Choose at least one group to send to.');

    await user.click(pick('target-groups', 'Pelanggan'));
    await waitFor(() => expect(recipientCount()).toHaveTextContent('2 recipients')); // Budi, Siti; Rina opted out
    expect(screen.getByTestId('count-optedOut')).toHaveTextContent('−1');

    await user.click(pick('target-groups', 'VIP'));
    await waitFor(() => expect(recipientCount()).toHaveTextContent('3 recipients')); // Budi once, though in both
    expect(screen.getByTestId('count-inGroups')).toHaveTextContent('4');

    await user.click(pick('exclude-groups', 'Berhenti'));
    await waitFor(() => expect(recipientCount()).toHaveTextContent('2 recipients'));
    expect(screen.getByTestId('count-excludedByGroup')).toHaveTextContent('−1');

    // the list: each phone once, with the groups that brought each in
    const list = screen.getByRole('list', { name: 'Recipient list' });
    await waitFor(() => expect(within(list).getAllByTestId('recipient-row')).toHaveLength(2));
    expect(within(list).getAllByTestId('recipient-row').map((r) => r.textContent)).toEqual([
      expect.stringMatching(/Budi.*\+62 812-3456-7890.*via Pelanggan, VIP/),
      expect.stringMatching(/Siti.*via Pelanggan/),
    ]);
    // only the latest selection was asked for its list after the last change
    const lastCount = fake.calls.filter(([m]) => m === 'Campaigns.Count').at(-1)![1][0];
    expect(lastCount).toMatchObject({ include: expect.arrayContaining([expect.any(Number)]), exclude: [expect.any(Number)] });
  });

  it('explains in words why a contact is in or out, following the selection', async () => {
    const user = userEvent.setup();
    seedPeople();
    await open();
    await newBroadcast(user);
    await user.click(pick('target-groups', 'Pelanggan'));
    await user.click(pick('target-groups', 'VIP'));
    await user.click(pick('exclude-groups', 'Berhenti'));

    const why = screen.getByTestId('why-lookup');
    const find = within(why).getByRole('searchbox', { name: 'Find a contact' });
    const check = async (name: string, text: string) => {
      await user.clear(find);
      await user.type(find, name);
      await user.click(await within(why).findByRole('button', { name: `Check ${name}` }));
      await waitFor(() => expect(within(why).getByTestId('why-answer')).toHaveTextContent(`${name}: ${text}`));
    };
    await check('Budi', 'Included through Pelanggan, VIP');
    await check('Andi', 'Left out: in excluded group Berhenti');
    await check('Rina', 'Left out: opted out');
    await check('Dewi', 'Left out: not in any of the chosen groups');

    // the answer follows the selection: without the exclusion Andi is in
    await check('Andi', 'Left out: in excluded group Berhenti');
    await user.click(pick('exclude-groups', 'Berhenti'));
    await waitFor(() => expect(within(why).getByTestId('why-answer')).toHaveTextContent('Andi: Included through VIP'));

    await user.clear(find);
    await user.type(find, 'Zaenal');
    expect(await within(why).findByText('No contact matches “Zaenal”.')).toBeInTheDocument();
  });

  it('previews the message for real recipients and warns about empty and unknown variables', async () => {
    const user = userEvent.setup();
    seedPeople();
    await open();
    const editor = await newBroadcast(user);
    await user.click(pick('target-groups', 'Pelanggan'));
    const message = within(editor).getByLabelText('Message');
    await user.click(message);
    await user.paste('Halo ');
    await user.click(within(editor).getByRole('button', { name: 'Insert {name}' }));
    expect(message).toHaveValue('Halo {name}');
    expect(message).toHaveFocus();
    await user.paste(', dari {kota}. {diskon}');

    const preview = screen.getByTestId('message-preview');
    await waitFor(() => expect(within(preview).getByTestId('preview-warnings')).toHaveTextContent('{kota} is empty for 1 recipient'));
    expect(within(preview).getByTestId('preview-warnings')).toHaveTextContent('{diskon} is not a known variable');
    expect(preview).toHaveTextContent('To Budi');
    expect(preview).toHaveTextContent('Halo Budi, dari Bandung. {diskon}');
    expect(preview).toHaveTextContent('Halo Siti, dari . {diskon}');

    // a fallback silences the warning
    await user.clear(message);
    await user.paste('Halo {name}, dari {kota|kota Anda}');
    await waitFor(() => expect(preview).toHaveTextContent('Halo Siti, dari kota Anda'));
    expect(within(preview).queryByTestId('preview-warnings')).not.toBeInTheDocument();
  });

  it('saves, exports as wa.me links with progress and a toast with the count, and lists the output', async () => {
    const user = userEvent.setup();
    seedPeople();
    await open();
    const editor = await newBroadcast(user);
    await user.click(pick('target-groups', 'Pelanggan'));
    await user.click(pick('target-groups', 'VIP'));
    await user.click(pick('exclude-groups', 'Berhenti'));
    await user.click(within(editor).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('“Promo Lebaran” saved')).toBeInTheDocument();
    expect(within(editor).queryByTestId('unsaved')).not.toBeInTheDocument();
    expect(within(editor).getByTestId('outputs')).toHaveTextContent('Nothing exported yet.');

    await user.click(within(editor).getByRole('button', { name: 'Export…' }));
    const dlg = await screen.findByRole('dialog', { name: 'Export “Promo Lebaran”' });
    await waitFor(() => expect(within(dlg).getByText('2 recipients, each number once.')).toBeInTheDocument());
    const path = within(dlg).getByTestId('save-path');
    await waitFor(() => expect(path).toHaveValue('/tmp/kontak-promo-lebaran.csv'));
    await user.click(within(dlg).getByRole('radio', { name: /wa\.me links/ }));
    expect(path).toHaveValue('/tmp/kontak-promo-lebaran-wa-me.txt');

    const release = fake.hold('Campaigns.Export');
    await user.click(within(dlg).getByRole('button', { name: 'Export' }));
    expect(await within(dlg).findByRole('progressbar', { name: 'Writing the file' })).toBeInTheDocument();
    expect(within(dlg).getByRole('button', { name: 'Exporting…' })).toBeDisabled();
    release();
    expect(await screen.findByText('2 recipients written to /tmp/kontak-promo-lebaran-wa-me.txt')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Export “Promo Lebaran”' })).not.toBeInTheDocument());
    expect(campaignsFake.files.get('/tmp/kontak-promo-lebaran-wa-me.txt')).toMatchObject({ format: 'wame', rows: [{ name: 'Budi' }, { name: 'Siti' }] });
    await waitFor(() => expect(within(editor).getByTestId('outputs')).toHaveTextContent('wa.me links'));
    expect(within(editor).getByTestId('outputs')).toHaveTextContent('2 recipients');
    expect(within(editor).getByTestId('outputs')).toHaveTextContent('/tmp/kontak-promo-lebaran-wa-me.txt');
  });

  it('shows a path the backend refuses beside the field, and keeps the dialog open', async () => {
    const user = userEvent.setup();
    const s = seedPeople();
    campaignsFake.save(0, { kind: 'broadcast', name: 'Promo', message: 'Halo', audience: { include: [s.pelanggan.id], exclude: [], hasEmail: false, addedSince: 0, source: '', notContactedDays: 0 } });
    await open();
    await user.click(await screen.findByRole('button', { name: 'Export Promo' }));
    const dlg = await screen.findByRole('dialog', { name: 'Export “Promo”' });
    const path = within(dlg).getByTestId('save-path');
    await user.clear(path);
    await user.type(path, '/readonly/promo.csv');
    await user.click(within(dlg).getByRole('button', { name: 'Export' }));
    expect(await within(dlg).findByText('Kontak cannot write the file there. Choose another folder or file name.')).toBeInTheDocument();
    expect(path).toHaveAttribute('aria-invalid', 'true');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('lists saved items with groups and recipients, edits one, and deletes one after confirming', async () => {
    const user = userEvent.setup();
    const s = seedPeople();
    const base = { hasEmail: false, addedSince: 0, source: '', notContactedDays: 0 };
    campaignsFake.save(0, { kind: 'broadcast', name: 'Promo', message: 'Halo', audience: { include: [s.pelanggan.id, s.vip.id], exclude: [s.berhenti.id], ...base } });
    campaignsFake.save(0, { kind: 'campaign', name: 'Not a broadcast', message: '', audience: { include: [], exclude: [], ...base } });
    await open();
    const row = (await screen.findAllByTestId('campaign-row'))[0]!;
    expect(screen.getAllByTestId('campaign-row')).toHaveLength(1);
    expect(row).toHaveTextContent('To Pelanggan, VIP, except Berhenti');
    expect(row).toHaveTextContent('Not exported yet');
    await waitFor(() => expect(within(row).getByTestId('campaign-recipients')).toHaveTextContent('2 recipients'));

    await user.click(within(row).getAllByRole('button', { name: 'Edit Promo' })[0]!);
    const editor = await screen.findByTestId('campaign-editor');
    expect(within(editor).getByLabelText('Name')).toHaveValue('Promo');
    expect(pick('target-groups', 'VIP')).toBeChecked();
    expect(pick('exclude-groups', 'Berhenti')).toBeChecked();
    await waitFor(() => expect(recipientCount()).toHaveTextContent('2 recipients'));
    // a change, then back: asks before losing it; Escape goes back too
    await user.type(within(editor).getByLabelText('Name'), ' 2');
    await user.click(within(editor).getByRole('button', { name: 'Back to the list' }));
    const leave = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    await user.click(within(leave).getByRole('button', { name: 'Leave' }));
    await screen.findByTestId('campaigns-screen');

    await user.click(screen.getByRole('button', { name: 'Delete Promo' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete “Promo”?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('“Promo” deleted')).toBeInTheDocument();
    expect(await screen.findByTestId('empty-campaigns')).toBeInTheDocument();
    expect(campaignsFake.items.size).toBe(1);
  });

  it('shows the backend’s refusal of an empty name beside the field', async () => {
    const user = userEvent.setup();
    seedPeople();
    await open('campaign');
    await user.click((await screen.findAllByRole('button', { name: 'New campaign' }))[0]!);
    const editor = await screen.findByTestId('campaign-editor');
    await user.click(pick('target-groups', 'Pelanggan'));
    await user.click(within(editor).getByRole('button', { name: 'Save' }));
    expect(await within(editor).findByText('Give it a name.')).toBeInTheDocument();
    expect(within(editor).getByLabelText('Name')).toHaveFocus();
    expect(campaignsFake.items.size).toBe(0);
    // Escape on the editor with unsaved changes asks first
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('alertdialog', { name: 'Leave without saving?' })).toBeInTheDocument();
  });

  it('leaves no event subscription behind when it closes', async () => {
    const user = userEvent.setup();
    const s = seedPeople();
    await refreshGroups();
    const view = render(CampaignsScreen, { props: { kind: 'campaign' } });
    await user.click((await screen.findAllByRole('button', { name: 'New campaign' }))[0]!);
    await user.click(pick('target-groups', 'Pelanggan'));
    await waitFor(() => expect(recipientCount()).toHaveTextContent('2 recipients'));
    expect(fake.listenerCount('campaigns:changed')).toBeGreaterThan(0);
    // the count follows changes made elsewhere
    fake.contactsUpdate(s.siti.id, { name: 'Siti', phone: '0813-1111-2222', email: '', groupIds: [s.pelanggan.id], fields: [], optOut: true });
    await waitFor(() => expect(recipientCount()).toHaveTextContent('1 recipient'));
    view.unmount();
    expect(fake.listenerCount()).toBe(0);
  });
});
