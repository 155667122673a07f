import { describe, expect, it } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ContactsScreen from '../screens/ContactsScreen.svelte';
import Toasts from './Toasts.svelte';
import { fake } from '../../test/fake-wails/backend';
import { refreshGroups } from '../state/groups.svelte';
import { navigate } from '../state/router.svelte';

async function seed(filter: 'all' | 'group' = 'all') {
  const news = fake.addGroup('Pameran Juni');
  fake.addContact('Andi', '0857-3333-4444');
  fake.addContact('Budi', '0812-3456-7890', { groupIds: [news.id] });
  fake.addContact('Siti', '0813-1111-2222', { groupIds: [news.id] });
  navigate('contacts', filter === 'group' ? news.id : 'all');
  await refreshGroups();
  render(ContactsScreen);
  render(Toasts);
  await screen.findByRole('row', { name: /Budi/ });
  return news;
}

describe('ExportDialog', () => {
  it('exports the current group as XLSX to a typed path, with progress', async () => {
    const user = userEvent.setup();
    const news = await seed('group');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dlg = screen.getByRole('dialog', { name: 'Export contacts' });
    expect(within(dlg).getByRole('radio', { name: 'Everything (3 contacts)' })).not.toBeChecked();
    expect(within(dlg).getByRole('radio', { name: 'What the list shows now: group Pameran Juni (2)' })).toBeChecked();
    const path = within(dlg).getByTestId('save-path');
    await waitFor(() => expect(path).toHaveValue('/tmp/kontak-pameran-juni.csv'));
    await user.click(within(dlg).getByRole('radio', { name: /Excel workbook/ }));
    expect(path).toHaveValue('/tmp/kontak-pameran-juni.xlsx');
    await user.clear(path);
    await user.type(path, '/home/u/pameran.xlsx');
    await user.click(within(dlg).getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('2 contacts exported to /home/u/pameran.xlsx')).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Export contacts' })).not.toBeInTheDocument();
    const req = fake.calls.find(([m]) => m === 'Contacts.Export')![1][0];
    expect(req).toEqual({ format: 'xlsx', path: '/home/u/pameran.xlsx', ids: [], query: {
        text: '',
        groupId: 0,
        groupIds: [news.id],
        groupMode: 'any',
        noGroup: false,
        hasEmail: false,
        source: '',
        sort: 'name',
        offset: 0,
        limit: 0,
      },
    });
    expect(fake.listenerCount('export:progress')).toBe(0);
  });

  it('exports the selection, and shows a path the backend refuses beside the field', async () => {
    const user = userEvent.setup();
    await seed();
    await user.click(screen.getByRole('checkbox', { name: 'Select Siti' }));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dlg = screen.getByRole('dialog', { name: 'Export contacts' });
    expect(within(dlg).getByRole('radio', { name: 'The selected contact (1)' })).toBeChecked();
    expect(within(dlg).queryByRole('radio', { name: /What the list shows now/ })).not.toBeInTheDocument();
    await user.click(within(dlg).getByRole('radio', { name: /vCard for phones/ }));
    const path = within(dlg).getByTestId('save-path');
    await user.clear(path);
    await user.type(path, '/readonly/kontak.vcf');
    await user.click(within(dlg).getByRole('button', { name: 'Export' }));
    expect(await within(dlg).findByText('The file cannot be saved there: no permission to write there.')).toBeInTheDocument();
    expect(path).toHaveAttribute('aria-invalid', 'true');
    await user.clear(path);
    await user.click(within(dlg).getByRole('button', { name: 'Export' }));
    expect(within(dlg).getByText('Choose where to save the file.')).toBeInTheDocument();
    await user.type(path, '/home/u/siti.vcf');
    await user.click(within(dlg).getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(fake.written.get('/home/u/siti.vcf')).toEqual({ kind: 'export', format: 'vcf', count: 1 }));
    const req = fake.calls.filter(([m]) => m === 'Contacts.Export').at(-1)![1][0] as { ids: number[] };
    expect(req.ids).toHaveLength(1);
  });

  it('asks the system’s save dialog in Kontak’s own window', async () => {
    (globalThis as unknown as { webkit: unknown }).webkit = { messageHandlers: { external: { postMessage() {} } } };
    try {
      const user = userEvent.setup();
      await seed();
      await user.click(screen.getByRole('button', { name: 'Export' }));
      const dlg = screen.getByRole('dialog', { name: 'Export contacts' });
      expect(within(dlg).getByTestId('save-path')).toHaveValue('');
      // cancelled: nothing is written
      fake.dialog.savePath = '';
      await user.click(within(dlg).getByRole('button', { name: 'Export' }));
      expect(await within(dlg).findByText('Choose where to save the file.')).toBeInTheDocument();
      expect(fake.calls.filter(([m]) => m === 'App.ChooseSavePath')).toEqual([['App.ChooseSavePath', ['kontak.csv']]]);
      fake.dialog.savePath = '/home/u/Dokumen/semua.csv';
      await user.click(within(dlg).getByRole('button', { name: 'Choose…' }));
      await waitFor(() => expect(within(dlg).getByTestId('save-path')).toHaveValue('/home/u/Dokumen/semua.csv'));
      await user.click(within(dlg).getByRole('button', { name: 'Export' }));
      expect(await screen.findByText('3 contacts exported to /home/u/Dokumen/semua.csv')).toBeInTheDocument();
    } finally {
      delete (globalThis as unknown as { webkit?: unknown }).webkit;
    }
  });
});
