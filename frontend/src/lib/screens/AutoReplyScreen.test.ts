import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AutoReplyScreen from './AutoReplyScreen.svelte';
import { fake } from '../../test/fake-wails/backend';
import { inbound } from '../../test/fake-wails/go/inbound/Inbound';
import { forgetInbound } from '../state/inbound.svelte';
import { chatFlow, forgetChat } from '../state/inboundChat.svelte';
import { openFile } from '../state/drop.svelte';
import { importFlow } from '../state/imports.svelte';
import { route } from '../state/router.svelte';
import type { Rule } from '../api/inbound';

const rule = (patch: Partial<Rule> = {}): Rule => ({
  id: 0, name: 'harga', enabled: true, position: 0, keywords: ['harga'], match: 'contains', reply: 'Halo {name}, harga paket 100rb',
  cooldownSec: 0, saveContact: false, saveGroups: [], whitelist: [], blacklist: [], ...patch,
});

const CHAT = '12/01/2024 09.15 - Pesan dan panggilan terenkripsi secara end-to-end.\n12/01/2024 09.16 - +62 812-1111-2222: halo, harga paket?\n12/01/2024 09.17 - Toko: 100rb kak\n';

beforeEach(() => {
  inbound.reset();
  forgetInbound();
  forgetChat();
});

describe('AutoReplyScreen', () => {
  it('says what a rule is for when there are none, and that no message arrived yet', async () => {
    render(AutoReplyScreen);
    expect(await screen.findByTestId('empty-rules')).toHaveTextContent('Example: keyword “harga”, reply “Halo {name}, harga paket 100rb”.');
    expect(await screen.findByTestId('empty-log')).toHaveTextContent('No messages yet');
    expect(await screen.findByTestId('webhook-status')).toHaveTextContent('Off: no messages are received.');
  });

  it('creates a rule that saves the sender into a new group, refusing it first without keywords', async () => {
    const user = userEvent.setup();
    render(AutoReplyScreen);
    await user.click((await screen.findAllByRole('button', { name: 'New rule' }))[0]!);
    const dlg = screen.getByRole('dialog', { name: 'New auto-reply rule' });
    expect(within(dlg).getByLabelText('Rule name')).toHaveFocus();
    await user.type(within(dlg).getByLabelText('Rule name'), 'harga');
    await user.click(within(dlg).getByRole('button', { name: 'Save rule' }));
    expect(await within(dlg).findByText('Enter at least one keyword.')).toBeInTheDocument();
    expect(within(dlg).getByLabelText('Keywords')).toHaveFocus();

    await user.type(within(dlg).getByLabelText('Keywords'), 'harga, price');
    await user.selectOptions(within(dlg).getByLabelText('Match when the message'), 'contains');
    await user.type(within(dlg).getByLabelText('Reply'), 'Halo ');
    await user.click(within(dlg).getByRole('button', { name: 'Insert {name}' }));
    await user.type(within(dlg).getByLabelText('Reply'), ', harga paket 100rb');
    await user.click(within(dlg).getByRole('switch', { name: 'Save contact' }));
    const groups = within(dlg).getByTestId('save-groups');
    await user.type(within(groups).getByLabelText('New group'), 'Leads{Enter}');
    expect(within(groups).getByTestId('new-group-chip')).toHaveTextContent('Leads');
    await user.click(within(dlg).getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const leads = fake.groupsList().find((g) => g.name === 'Leads');
    expect(leads).toBeDefined();
    expect(inbound.rules).toEqual([expect.objectContaining({ name: 'harga', keywords: ['harga', 'price'], reply: 'Halo {name}, harga paket 100rb', saveContact: true, saveGroups: [leads!.id] })]);
    const row = await screen.findByTestId('rule-row');
    expect(row).toHaveTextContent('harga');
    expect(row).toHaveTextContent('Saves to Leads');
  });

  it('moves rules with the keyboard, switches one off and deletes one after a confirmation', async () => {
    const user = userEvent.setup();
    inbound.saveRule(rule({ name: 'harga' }));
    inbound.saveRule(rule({ name: 'promo', keywords: ['promo'] }));
    render(AutoReplyScreen);
    const down = await screen.findByRole('button', { name: 'Move harga down' });
    expect(screen.getByRole('button', { name: 'Move harga up' })).toBeDisabled();
    down.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(inbound.rules.map((r) => r.name)).toEqual(['promo', 'harga']));
    await waitFor(() => expect(screen.getAllByTestId('rule-row').map((r) => r.textContent)).toEqual([expect.stringContaining('promo'), expect.stringContaining('harga')]));
    // harga is last now: its "down" is disabled, so the focus goes to its "up"
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move harga up' })).toHaveFocus());
    expect(screen.getByText('harga moved to place 2')).toBeInTheDocument();

    await user.click(screen.getByRole('switch', { name: 'Rule promo on' }));
    await waitFor(() => expect(inbound.rules[0]!.enabled).toBe(false));

    await user.click(screen.getByRole('button', { name: 'Delete harga' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete the rule “harga”?' });
    await user.keyboard('{Escape}');
    expect(confirm).not.toBeInTheDocument();
    expect(inbound.rules).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Delete harga' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(inbound.rules.map((r) => r.name)).toEqual(['promo']));
  });

  it('tries a message without changing anything, then applies it and shows it in the activity log', async () => {
    const user = userEvent.setup();
    const leads = fake.addGroup('Leads');
    inbound.saveRule(rule({ saveContact: true, saveGroups: [leads.id] }));
    render(AutoReplyScreen);
    const box = await screen.findByTestId('test-box');
    await user.type(within(box).getByLabelText('Sender’s phone'), '0812-1111-2222');
    await user.type(within(box).getByLabelText('Message'), 'halo, nama saya Rina, harga paket?');
    await user.click(within(box).getByRole('button', { name: 'Try' }));
    const would = await within(box).findByTestId('test-result');
    expect(would).toHaveTextContent('What would happen');
    expect(would).toHaveTextContent('Rule harga matched (keyword “harga”)');
    expect(would).toHaveTextContent('Would save a new contact (+62 812-1111-2222)');
    expect(would).toHaveTextContent('Would be added to Leads');
    expect(would).toHaveTextContent('Stated name “Rina” detected, but there is no contact to name');
    expect(fake.contacts.size).toBe(0);

    await user.click(within(box).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(within(box).getByTestId('test-result')).toHaveTextContent('What happened'));
    expect(within(box).getByTestId('test-result')).toHaveTextContent('Stated name “Rina” set as the contact’s name');
    const c = [...fake.contacts.values()][0]!;
    expect(c).toMatchObject({ name: 'Rina', phone: '6281211112222', groupIds: [leads.id] });

    const entry = await screen.findByTestId('log-entry');
    expect(entry).toHaveTextContent('halo, nama saya Rina, harga paket?');
    expect(within(entry).getByTestId('outcome-reply')).toHaveTextContent('Halo Rina, harga paket 100rb');
    expect(entry).toHaveTextContent('Added to Leads');

    const log = screen.getByTestId('activity-log');
    await user.type(within(log).getByLabelText('Search the activity'), 'zzz');
    expect(await within(log).findByText('No activity matches “zzz”.')).toBeInTheDocument();
  });

  it('explains why a message gets no reply', async () => {
    const user = userEvent.setup();
    render(AutoReplyScreen);
    const box = await screen.findByTestId('test-box');
    await user.type(within(box).getByLabelText('Sender’s phone'), '123@lid');
    await user.type(within(box).getByLabelText('Message'), 'halo');
    await user.click(within(box).getByRole('button', { name: 'Try' }));
    expect(await within(box).findByTestId('outcome-why')).toHaveTextContent('The sender has no usable phone number');
  });

  it('shows a group in both global lists as a conflict and saves the lists', async () => {
    const user = userEvent.setup();
    const vip = fake.addGroup('VIP');
    render(AutoReplyScreen);
    const card = await screen.findByTestId('reply-lists');
    await user.click(within(within(card).getByTestId('reply-lists-editor-white')).getByRole('checkbox', { name: 'VIP' }));
    await user.click(within(within(card).getByTestId('reply-lists-editor-black')).getByRole('checkbox', { name: 'VIP' }));
    expect(within(card).getByTestId('reply-lists-editor-conflict')).toHaveTextContent('VIP: in both lists. A contact in both a whitelist and a blacklist group is blocked.');
    await user.click(within(card).getByRole('button', { name: 'Save lists' }));
    await waitFor(() => expect(inbound.settings).toMatchObject({ replyWhitelist: [vip.id], replyBlacklist: [vip.id] }));
  });

  it('refuses a weak webhook token, then listens with a generated one', async () => {
    const user = userEvent.setup();
    render(AutoReplyScreen);
    const hook = await screen.findByTestId('webhook');
    await user.click(within(hook).getByRole('switch', { name: 'Receive messages from a gateway' }));
    await user.type(within(hook).getByLabelText('Secret token'), 'short');
    await user.click(within(hook).getByRole('button', { name: 'Save webhook' }));
    expect(await within(hook).findByText('The secret token needs at least 16 characters.')).toBeInTheDocument();
    await user.click(within(hook).getByRole('button', { name: 'Generate' }));
    await user.click(within(hook).getByRole('button', { name: 'Save webhook' }));
    await waitFor(() => expect(screen.getByTestId('webhook-status')).toHaveTextContent('Listening on 127.0.0.1:8765'));
    expect(inbound.settings.webhookToken.length).toBeGreaterThanOrEqual(16);
  });

  it('previews a dropped chat export, then imports it', async () => {
    const user = userEvent.setup();
    const leads = fake.addGroup('Leads');
    inbound.saveRule(rule({ saveContact: true, saveGroups: [leads.id] }));
    render(AutoReplyScreen);
    await openFile(new File([CHAT], 'WhatsApp Chat with Toko.txt', { type: 'text/plain' }));
    expect(route.screen).toBe('autoReply');
    const dlg = await screen.findByRole('dialog', { name: 'Chat export: WhatsApp Chat with Toko.txt' });
    await within(dlg).findByTestId('chat-saved');
    expect(within(dlg).getByTestId('chat-stats')).toHaveTextContent('Messages2');
    expect(within(dlg).getByTestId('chat-saved')).toHaveTextContent('Leads');
    expect(fake.contacts.size).toBe(0);
    await user.click(within(dlg).getByRole('button', { name: 'Import 2 messages' }));
    await within(dlg).findByText('Who was saved');
    expect(fake.contacts.size).toBe(1);
    await user.click(within(dlg).getAllByRole('button', { name: 'Close' }).at(-1)!);
    expect(chatFlow.open).toBe(false);
  });

  it('sends a .txt that is not a chat export to the contact import', async () => {
    await openFile(new File(['nama,hp\nBudi,0812-3456-7890\n'], 'kontak.txt', { type: 'text/plain' }));
    expect(chatFlow.open).toBe(false);
    expect(route.screen).toBe('imports');
    await waitFor(() => expect(importFlow.step).toBe('mapping'));
  });

  it('shows why a chosen file is not a chat export', async () => {
    fake.imports.files.set('/tmp/x.txt', 'just some words\n');
    render(AutoReplyScreen);
    const { chatFromPath } = await import('../state/inboundChat.svelte');
    await chatFromPath('/tmp/x.txt');
    expect(await screen.findByTestId('chat-error')).toHaveTextContent('This is not a WhatsApp chat export');
  });
});
