import { describe, expect, it, vi } from 'vitest';
import { configure, render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ContactDialog from '../ContactDialog.svelte';
import ContactsScreen from '../../screens/ContactsScreen.svelte';
import Toasts from '../Toasts.svelte';
import { fake } from '../../../test/fake-wails/backend';
import { campaignsFake } from '../../../test/fake-wails/go/campaigns/service';
import { inboundApi } from '../../api/inbound';
import { refreshGroups } from '../../state/groups.svelte';
import { navigate } from '../../state/router.svelte';

// debounced requests on a busy 2-core machine: give async queries more than the default second
configure({ asyncUtilTimeout: 4000 });

const filters = { hasEmail: false, addedSince: 0, source: '', notContactedDays: 0 };

function seed() {
  const pelanggan = fake.addGroup('Pelanggan');
  const vip = fake.addGroup('VIP');
  const berhenti = fake.addGroup('Berhenti');
  const andi = fake.addContact('Andi', '0857-3333-4444', { groupIds: [pelanggan.id, berhenti.id] });
  campaignsFake.save(0, { kind: 'broadcast', name: 'Promo', message: 'Halo', audience: { include: [pelanggan.id, vip.id], exclude: [berhenti.id], ...filters } });
  campaignsFake.save(0, { kind: 'campaign', name: 'Pelanggan setia', message: 'Halo', audience: { include: [pelanggan.id], exclude: [], ...filters } });
  return { pelanggan, vip, berhenti, andi };
}

function openDialog(contact: ReturnType<typeof fake.addContact>) {
  render(ContactDialog, {
    props: { contact, groups: fake.groupsList(), onclose: vi.fn(), onsaved: vi.fn(), ondeleted: vi.fn(), onopencontact: vi.fn() },
  });
}

describe('who targets a contact (contact dialog)', () => {
  it('lists every campaign and broadcast with in/out and why, once opened', async () => {
    const user = userEvent.setup();
    const { andi } = seed();
    openDialog(andi);
    const section = screen.getByTestId('who-targets');
    const toggle = within(section).getByRole('button', { name: 'Who targets this contact' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(fake.calls.some(([m]) => m === 'Campaigns.Targets')).toBe(false); // nothing asked while closed
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const items = await within(section).findAllByTestId('target-item');
    expect(items.map((i) => i.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'In Campaign Pelanggan setia Included through Pelanggan',
      'Out Broadcast Promo Left out: in excluded group Berhenti',
    ]);
    // no auto-reply lists: everyone is answered
    await waitFor(() => expect(within(section).getByTestId('target-autoreply')).toHaveTextContent('Included: no list of allowed groups, so everyone'));
    await user.click(toggle);
    expect(within(section).queryByTestId('target-item')).not.toBeInTheDocument();
  });

  it('shows the auto replies, each rule and the AI agent with their reasons', async () => {
    const user = userEvent.setup();
    const { andi, berhenti, pelanggan } = seed();
    vi.spyOn(inboundApi, 'explain').mockResolvedValue({
      autoReply: { allowed: true, reason: 'whitelisted', groups: [pelanggan.id] },
      agent: { allowed: false, reason: 'agent-off', groups: [] },
      rules: [
        { ruleId: 1, ruleName: 'Harga', enabled: true, decision: { allowed: false, reason: 'blacklisted', groups: [berhenti.id] } },
        { ruleId: 2, ruleName: 'Alamat', enabled: false, decision: { allowed: true, reason: 'everyone', groups: [] } },
      ],
    });
    openDialog(andi);
    await user.click(screen.getByRole('button', { name: 'Who targets this contact' }));
    const section = screen.getByTestId('who-targets');
    await waitFor(() => expect(within(section).getByTestId('target-autoreply')).toHaveTextContent('In Auto replies Included through Pelanggan'));
    expect(section).toHaveTextContent('Rule “Harga” Left out: in blocked group Berhenti');
    expect(section).toHaveTextContent('Rule “Alamat” (switched off) Included: no list of allowed groups, so everyone');
    expect(within(section).getByTestId('target-agent')).toHaveTextContent('Out AI agent Left out: the AI agent is switched off');
  });

  it('is not offered for a contact that is not saved yet', () => {
    render(ContactDialog, { props: { contact: null, groups: [], onclose: vi.fn(), onsaved: vi.fn(), ondeleted: vi.fn(), onopencontact: vi.fn() } });
    expect(screen.queryByTestId('who-targets')).not.toBeInTheDocument();
  });
});

describe('bulk do-not-contact (bulk bar)', () => {
  async function openContacts() {
    fake.addContact('Budi', '0812-3456-7890');
    fake.addContact('Siti', '0813-1111-2222', { optOut: true });
    fake.addContact('Andi', '0857-3333-4444');
    navigate('contacts', 'all');
    await refreshGroups();
    render(ContactsScreen);
    render(Toasts);
    await screen.findByRole('row', { name: /Budi/ });
  }

  it('marks the selection as do-not-contact, with progress, then allows contact again', async () => {
    const user = userEvent.setup();
    await openContacts();
    await user.click(screen.getByRole('checkbox', { name: 'Select Budi' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Siti' }));
    const bar = screen.getByTestId('bulk-bar');

    const release = fake.hold('Contacts.SetOptOutSelection');
    await user.click(within(bar).getByRole('button', { name: 'Do not contact' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Mark as do-not-contact' }));
    expect(await within(bar).findByTestId('bulk-progress')).toHaveTextContent('Working…');
    fake.emit('bulk:progress', { action: 'optout', done: 1, total: 2 });
    expect(await within(bar).findByRole('progressbar', { name: 'Updating: 1 of 2' })).toBeInTheDocument();
    release();
    expect(await screen.findByText('1 contact marked do-not-contact')).toBeInTheDocument(); // Siti already was
    await waitFor(() => expect(within(bar).queryByTestId('bulk-progress')).not.toBeInTheDocument());
    const call = fake.calls.find(([m]) => m === 'Contacts.SetOptOutSelection')!;
    expect(call[1][1]).toBe(true);
    expect([...fake.contacts.values()].filter((c) => c.optOut).map((c) => c.name).sort()).toEqual(['Budi', 'Siti']);
    expect(fake.listenerCount('bulk:progress')).toBeGreaterThan(0); // the bar still listens while shown

    await user.click(within(bar).getByRole('button', { name: 'Do not contact' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Allow contact again' }));
    expect(await screen.findByText('2 contacts can be contacted again')).toBeInTheDocument();
    expect([...fake.contacts.values()].filter((c) => c.optOut)).toEqual([]);

    await user.click(within(bar).getByRole('button', { name: 'Clear the selection' }));
    await waitFor(() => expect(screen.queryByTestId('bulk-bar')).not.toBeInTheDocument());
    expect(fake.listenerCount('bulk:progress')).toBe(1); // only the screen's own subscription is left
  });
});
