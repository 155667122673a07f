import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AiAgentScreen from './AiAgentScreen.svelte';
import { fake } from '../../test/fake-wails/backend';
import { inbound } from '../../test/fake-wails/go/inbound/Inbound';
import { forgetInbound } from '../state/inbound.svelte';

beforeEach(() => {
  inbound.reset();
  forgetInbound();
});

describe('AiAgentScreen', () => {
  it('switches name detection and the agent off; name detection cannot be changed while the agent is off', async () => {
    const user = userEvent.setup();
    render(AiAgentScreen);
    const names = await screen.findByRole('switch', { name: /Detect names in messages/ });
    expect(names).toBeChecked();
    await user.click(names);
    await waitFor(() => expect(inbound.settings.nameDetection).toBe(false));
    await user.click(screen.getByRole('switch', { name: /AI agent on/ }));
    await waitFor(() => expect(inbound.settings.agentEnabled).toBe(false));
    await waitFor(() => expect(screen.getByRole('switch', { name: /Detect names in messages/ })).toBeDisabled());
  });

  it('explains who is answered: a group in both lists blocks, a rule’s whitelist excludes, the agent follows its own lists', async () => {
    const user = userEvent.setup();
    const vip = fake.addGroup('VIP');
    const resellers = fake.addGroup('Resellers');
    fake.addContact('Budi Santoso', '0812-3456-7890', { groupIds: [vip.id] });
    inbound.settings = { ...inbound.settings, replyWhitelist: [vip.id], replyBlacklist: [vip.id] };
    inbound.saveRule({ id: 0, name: 'grosir', enabled: false, position: 0, keywords: ['grosir'], match: 'contains', reply: 'x', cooldownSec: 0, saveContact: false, saveGroups: [], whitelist: [resellers.id], blacklist: [] });
    render(AiAgentScreen);
    const box = await screen.findByTestId('explain');
    await user.type(within(box).getByLabelText('Search a contact by name or phone'), 'budi');
    await user.click(await within(box).findByRole('button', { name: /Budi Santoso/ }));
    expect(await within(box).findByTestId('explain-for')).toHaveTextContent('For Budi Santoso (+62 812-3456-7890)');
    const verdicts = within(box).getAllByTestId('verdict');
    expect(verdicts[0]).toHaveTextContent('Auto replies: Not answered');
    expect(verdicts[0]).toHaveTextContent('In both a whitelist and a blacklist group (VIP); a contact in both is blocked.');
    expect(verdicts[1]).toHaveTextContent('AI agent: Answered');
    expect(verdicts[1]).toHaveTextContent('No whitelist is set and the contact is in no blacklist group.');
    expect(verdicts[2]).toHaveTextContent('grosir: Not answered (rule is off)');
    expect(verdicts[2]).toHaveTextContent('A whitelist is set and the contact is in none of its groups.');
  });

  it('finds a contact by phone with the keyboard', async () => {
    const user = userEvent.setup();
    fake.addContact('Siti', '0813-1111-2222');
    render(AiAgentScreen);
    const input = await screen.findByLabelText('Search a contact by name or phone');
    await user.type(input, '0813');
    await screen.findByRole('button', { name: /Siti/ });
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: /Siti/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('explain-for')).toHaveTextContent('For Siti');
  });

  it('saves the agent’s lists and shows their conflict', async () => {
    const user = userEvent.setup();
    const vip = fake.addGroup('VIP');
    render(AiAgentScreen);
    const card = await screen.findByTestId('agent-lists');
    await user.click(within(within(card).getByTestId('agent-lists-editor-white')).getByRole('checkbox', { name: 'VIP' }));
    await user.click(within(within(card).getByTestId('agent-lists-editor-black')).getByRole('checkbox', { name: 'VIP' }));
    expect(within(card).getByTestId('agent-lists-editor-conflict')).toHaveTextContent('VIP: in both lists.');
    await user.click(within(card).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(inbound.settings).toMatchObject({ agentWhitelist: [vip.id], agentBlacklist: [vip.id] }));
  });

  it('shows which name a typed message states', async () => {
    const user = userEvent.setup();
    render(AiAgentScreen);
    const box = await screen.findByTestId('name-try');
    await user.type(within(box).getByLabelText('Message'), 'halo kak, nama saya rina');
    await waitFor(() => expect(within(box).getByTestId('name-try-result')).toHaveTextContent('Name found: Rina'));
    await user.clear(within(box).getByLabelText('Message'));
    await user.type(within(box).getByLabelText('Message'), 'harga berapa?');
    await waitFor(() => expect(within(box).getByTestId('name-try-result')).toHaveTextContent('No name stated.'));
  });
});
