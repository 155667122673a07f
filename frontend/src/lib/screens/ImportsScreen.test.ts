import { describe, expect, it } from 'vitest';
import { render, screen, within, waitFor, fireEvent } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { fake } from '../../test/fake-wails/backend';
import { navigate } from '../state/router.svelte';
import { importFlow } from '../state/imports.svelte';

const CSV =
  '\uFEFFNama;No HP;Email;Kota\r\n' +
  'Wulan Sari;0811-7000-1001;wulan@contoh.id;Bandung\r\n' +
  'Bayu;+62 811 7000 1002;;Jakarta\r\n' +
  'Wulan lagi;0811 7000 1001;;Bandung\r\n' +
  'Dedi;12345;;Medan\r\n';

const VCF = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Rina\r\nTEL;TYPE=CELL:0878-5555-6666\r\nEND:VCARD\r\n';

function csvFile(name = 'pameran.csv', text = CSV) {
  return new File([text], name, { type: 'text/csv' });
}

async function openImports() {
  fake.settings = { language: 'en', country: 'ID', systemLanguage: 'en' };
  navigate('imports');
  const result = render(App);
  await screen.findByRole('heading', { level: 1, name: 'Import' });
  return result;
}

async function pickFile(user: ReturnType<typeof userEvent.setup>, file = csvFile()) {
  await user.upload(screen.getByLabelText('Contact file to import'), file);
}

async function toPreview(user: ReturnType<typeof userEvent.setup>, group = 'Pameran') {
  await user.click(await screen.findByRole('button', { name: 'Options' }));
  const input = screen.getByLabelText('New group');
  await user.type(input, `${group}{Enter}`);
  await user.click(screen.getByRole('button', { name: 'Preview' }));
  await screen.findByTestId('preview-table');
}

function tile(testid: string, key: string) {
  return within(screen.getByTestId(testid)).getByTestId(`count-${key}`);
}

describe('ImportsScreen', () => {
  it('picks a file, suggests the mapping, previews, imports into a new group and reports', async () => {
    const user = userEvent.setup();
    await openImports();
    expect(screen.getByText('Drop a contact file here')).toBeInTheDocument();
    expect(await screen.findByTestId('history-empty')).toHaveTextContent('No imports yet.');
    await pickFile(user);

    // the mapping step, from the staged bytes
    expect(await screen.findByTestId('import-file-name')).toHaveTextContent('pameran.csv');
    expect(fake.calls.find(([m]) => m === 'Imports.Stage')?.[1][0]).toBe('pameran.csv');
    expect(screen.getAllByTestId('mapping-row')).toHaveLength(4);
    expect(screen.getByRole('combobox', { name: 'Import “Nama” as' })).toHaveValue('name');
    expect(screen.getByRole('combobox', { name: 'Import “No HP” as' })).toHaveValue('phone');
    expect(screen.getByRole('combobox', { name: 'Import “Kota” as' })).toHaveValue('field');
    expect(screen.getByRole('combobox', { name: 'Separator' })).toHaveDisplayValue('Detect (Semicolon ;)');
    expect(within(screen.getAllByTestId('mapping-row')[1]!).getByText('0811-7000-1001')).toBeInTheDocument();

    // options, then the preview of the whole file
    await toPreview(user);
    expect(within(tile('preview-counts', 'read')).getByText('4')).toBeInTheDocument();
    expect(within(tile('preview-counts', 'created')).getByText('2')).toBeInTheDocument();
    const rows = screen.getAllByTestId('preview-row');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toHaveTextContent('+62 811-7000-1001');
    expect(rows[2]).toHaveTextContent('Duplicate');
    expect(rows[2]).toHaveTextContent('same number as row 2');
    expect(rows[3]).toHaveTextContent('Invalid');
    expect(rows[3]).toHaveTextContent('unknown area code'); // the fake's simpler phone rules
    await user.click(screen.getByRole('radio', { name: 'Problems only (2)' }));
    expect(screen.getAllByTestId('preview-row')).toHaveLength(2);

    // the run and its report
    await user.click(screen.getByRole('button', { name: 'Import 2 contacts' }));
    expect(await screen.findByTestId('report-title', {}, { timeout: 3000 })).toHaveTextContent('Import finished');
    expect(within(tile('report-counts', 'created')).getByText('2')).toBeInTheDocument();
    expect(screen.getAllByTestId('problem-row')).toHaveLength(2);
    const pameran = [...fake.groups.values()].find((g) => g.name === 'Pameran')!;
    expect(pameran.members).toBe(2);
    const start = fake.calls.find(([m]) => m === 'Imports.Start')![1][0] as { newGroups: string[]; mapping: { columns: { role: string }[] } };
    expect(start.newGroups).toEqual(['Pameran']);
    expect(start.mapping.columns.map((c) => c.role)).toEqual(['name', 'phone', 'email', 'field']);
    expect(await screen.findByTestId('history-row')).toHaveTextContent('pameran.csv');
  });

  it('undoes an import after a confirmation', async () => {
    const user = userEvent.setup();
    await openImports();
    await pickFile(user);
    await toPreview(user);
    await user.click(screen.getByRole('button', { name: 'Import 2 contacts' }));
    await screen.findByTestId('report-title', {}, { timeout: 3000 });
    expect(fake.contacts.size).toBe(2);
    await user.click(within(screen.getByTestId('import-report')).getByRole('button', { name: 'Undo import' }));
    const dlg = screen.getByRole('alertdialog', { name: 'Undo this import?' });
    await user.click(within(dlg).getByRole('button', { name: 'Undo import' }));
    await waitFor(() => expect(screen.getByTestId('report-title')).toHaveTextContent('Import undone'));
    expect(screen.getByTestId('undo-result')).toHaveTextContent('2 contacts removed, 0 restored.');
    expect(fake.contacts.size).toBe(0);
    expect(screen.getByText('Import undone: 2 contacts removed, 0 restored')).toBeInTheDocument();
  });

  it('shows rows, percent, speed and time left while it runs; Cancel rolls back', async () => {
    const user = userEvent.setup();
    fake.imports.autoRun = false;
    await openImports();
    await pickFile(user);
    await toPreview(user);
    await user.click(screen.getByRole('button', { name: 'Import 2 contacts' }));
    expect(await screen.findByTestId('import-running')).toHaveTextContent('Importing pameran.csv');
    expect(screen.getByTestId('import-progress')).toHaveTextContent('Starting…');
    fake.imports.step();
    await waitFor(() => expect(screen.getByTestId('import-progress')).toHaveTextContent('25%'));
    expect(screen.getByTestId('import-progress')).toHaveTextContent('1 row read');
    expect(screen.getByTestId('import-progress')).toHaveTextContent('1,000 rows/s');
    expect(screen.getByTestId('import-progress')).toHaveTextContent('about 1 s left');
    expect(screen.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '25');
    await user.click(screen.getByRole('button', { name: 'Cancel import' }));
    expect(await screen.findByTestId('report-title')).toHaveTextContent('Import cancelled');
    expect(fake.contacts.size).toBe(0);
  });

  it('skips the mapping for a vCard file', async () => {
    const user = userEvent.setup();
    await openImports();
    await pickFile(user, new File([VCF], 'hp.vcf', { type: 'text/vcard' }));
    expect(await screen.findByText(/A vCard file needs no column mapping/)).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Import steps' })).toHaveTextContent('(not needed for vCard)');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const row = await screen.findByTestId('preview-row');
    expect(row).toHaveTextContent('Rina');
    expect(row).toHaveTextContent('+62 878-5555-6666');
    const preview = fake.calls.find(([m]) => m === 'Imports.Preview')![1][0] as { mapping: unknown };
    expect(preview.mapping).toBeNull();
  });

  it('needs a phone column before it goes on, and the remembered mapping is said', async () => {
    const user = userEvent.setup();
    await openImports();
    await pickFile(user);
    const phone = await screen.findByRole('combobox', { name: 'Import “No HP” as' });
    await user.selectOptions(phone, 'Do not import');
    expect(screen.getByRole('alert')).toHaveTextContent('Choose the column that holds the phone number');
    expect(screen.getByRole('button', { name: 'Options' })).toBeDisabled();
    await user.selectOptions(phone, 'Phone number');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Import “Kota” as' }), 'Do not import');
    await toPreview(user);
    await user.click(screen.getByRole('button', { name: 'Import 2 contacts' }));
    await screen.findByTestId('report-title', {}, { timeout: 3000 });
    await user.click(screen.getByRole('button', { name: 'Import another file' }));
    await pickFile(user);
    expect(await screen.findByTestId('mapping-remembered')).toHaveTextContent('Kontak remembered how you mapped these columns last time.');
    expect(screen.getByRole('combobox', { name: 'Import “Kota” as' })).toHaveValue('ignore');
  });

  it('says how to save a file it cannot read', async () => {
    const user = userEvent.setup();
    fake.failNext.set('Imports.Inspect', { kind: 'invalid', code: 'import.file.unsupported', message: 'xls', params: { format: 'xls' } });
    await openImports();
    await pickFile(user, new File(['\xd0\xcf\x11\xe0'], 'lama.xls'));
    const err = await screen.findByTestId('import-error');
    expect(err).toHaveTextContent('Kontak cannot import lama.xls');
    expect(err).toHaveTextContent('Old Excel files (.xls) cannot be read. Open it in Excel and use File › Save As › Excel Workbook (.xlsx) or CSV.');
  });

  it('re-reads the file with another separator or no header row', async () => {
    const user = userEvent.setup();
    await openImports();
    await pickFile(user);
    await screen.findByTestId('import-file-name');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Header row' }), 'No header: the first row is data');
    await waitFor(() => expect(screen.getAllByTestId('mapping-row')[0]).toHaveTextContent('Column 1'));
    const last = fake.calls.filter(([m]) => m === 'Imports.Inspect').at(-1)!;
    expect(last[1][1]).toEqual({ sheet: '', delimiter: '', headerRow: -1 });
    // no names to go by: the phone column is found from its values
    expect(screen.getByRole('combobox', { name: 'Import “Column 2” as' })).toHaveValue('phone');
  });

  it('saves the rejected rows to a typed path', async () => {
    const user = userEvent.setup();
    await openImports();
    await pickFile(user);
    await toPreview(user);
    await user.click(screen.getByRole('button', { name: 'Import 2 contacts' }));
    await screen.findByTestId('report-title', {}, { timeout: 3000 });
    await user.click(screen.getByRole('button', { name: 'Save rejected rows…' }));
    const dlg = screen.getByRole('dialog', { name: 'Save rejected rows' });
    const path = within(dlg).getByTestId('save-path');
    await waitFor(() => expect(path).toHaveValue('/tmp/kontak-pameran-rejected.csv'));
    expect(within(dlg).queryByRole('button', { name: 'Choose…' })).not.toBeInTheDocument(); // a browser has no save dialog
    await user.clear(path);
    await user.type(path, '/home/u/ditolak.csv');
    await user.click(within(dlg).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Save rejected rows' })).not.toBeInTheDocument());
    expect(fake.written.get('/home/u/ditolak.csv')).toEqual({ kind: 'rejected', format: 'csv', count: 2 });
  });

  it('lists earlier imports and undoes one from the history', async () => {
    const user = userEvent.setup();
    fake.imports.files.set('/data/a.csv', CSV);
    fake.imports.start({ path: '/data/a.csv', open: {}, mapping: null, groupIds: [], newGroups: [], existing: 'fill', replaceNames: false });
    await waitFor(() => expect(fake.imports.job).toBeNull());
    await openImports();
    const row = await screen.findByTestId('history-row');
    expect(row).toHaveTextContent('a.csv');
    expect(row).toHaveTextContent('2 new · 0 updated · 2 not imported');
    expect(row).toHaveTextContent('Done');
    await user.click(within(row).getByRole('button', { name: 'Undo the import of a.csv' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Undo import' }));
    await waitFor(() => expect(screen.getByTestId('history-row')).toHaveTextContent('Undone'));
    await user.click(within(screen.getByTestId('history-row')).getByRole('button', { name: 'Report of a.csv' }));
    expect(await screen.findByTestId('report-title')).toHaveTextContent('Import undone');
  });
});

describe('dropping a file on the window', () => {
  function drop(target: Element, file: File) {
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    for (const type of ['dragenter', 'dragover']) fireEvent(target, Object.assign(new Event(type, { bubbles: true, cancelable: true }), { dataTransfer }));
    expect(screen.getByTestId('drop-overlay')).toHaveTextContent('Drop to import');
    const ev = Object.assign(new Event('drop', { bubbles: true, cancelable: true }), { dataTransfer });
    fireEvent(target, ev);
    return ev;
  }

  it('starts an import from any screen (a browser sends the bytes)', async () => {
    fake.settings = { language: 'en', country: 'ID', systemLanguage: 'en' };
    navigate('groups');
    render(App);
    await screen.findByRole('heading', { level: 1, name: 'Groups' });
    const ev = drop(document.body, csvFile('dropped.csv'));
    expect(ev.defaultPrevented).toBe(true);
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Import' })).toBeInTheDocument();
    expect(await screen.findByTestId('import-file-name')).toHaveTextContent('dropped.csv');
  });

  it('uses the path Kontak’s window delivers', async () => {
    (globalThis as unknown as { webkit: unknown }).webkit = { messageHandlers: { external: { postMessage() {} } } };
    try {
      fake.imports.files.set('/home/u/Unduhan/pelanggan.csv', CSV);
      fake.settings = { language: 'en', country: 'ID', systemLanguage: 'en' };
      navigate('contacts');
      render(App);
      await screen.findByRole('heading', { level: 1, name: 'Contacts' });
      fake.emit('wails:file-drop', 100, 200, ['/home/u/Unduhan/pelanggan.csv']);
      expect(await screen.findByTestId('import-file-name')).toHaveTextContent('pelanggan.csv');
      expect(fake.calls.some(([m]) => m === 'Imports.Stage')).toBe(false);
      expect(fake.calls.find(([m]) => m === 'Imports.Inspect')![1][0]).toBe('/home/u/Unduhan/pelanggan.csv');
      expect(importFlow.step).toBe('mapping');
    } finally {
      delete (globalThis as unknown as { webkit?: unknown }).webkit;
    }
  });

  it('refuses a second import while one runs', async () => {
    const user = userEvent.setup();
    fake.imports.autoRun = false;
    await openImports();
    await pickFile(user);
    await toPreview(user);
    await user.click(screen.getByRole('button', { name: 'Import 2 contacts' }));
    await screen.findByTestId('import-running');
    drop(document.body, csvFile('second.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Another import is running. Wait for it to finish or cancel it.');
    expect(screen.getByTestId('import-running')).toBeInTheDocument();
  });

  it('cleans up every subscription when the app goes away', async () => {
    const { unmount } = await openImports();
    expect(fake.listenerCount('import:progress')).toBe(1);
    expect(fake.listenerCount('import:done')).toBe(1);
    expect(fake.fileDrop).not.toBeNull();
    unmount();
    expect(fake.listenerCount()).toBe(0);
    expect(fake.fileDrop).toBeNull();
  });
});
