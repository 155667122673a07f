// Issue 4 as a user does it, through the UI, against the real Go backend: pick a
// semicolon CSV with a BOM (Indonesian headers), check the suggested mapping, see the
// preview, import into a new group, read the report, undo, import again, export the group
// as XLSX and import that file again. No native dialog is ever opened: the browser stages
// the picked file's bytes, and the export path is typed.
//
// Set KONTAK_E2E_SHOTS=/some/dir to keep screenshots of the steps.
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './backend';
import { filterByGroup, filterGroupNames } from './ui';

// Numbers of their own, so the scenario does not depend on what other specs saved.
const CSV_ROWS = [
  'Nama;No HP;Email;Kota',
  'Wulan Sari;0811-7000-1001;wulan@contoh.id;Bandung',
  'Bayu Pratama;+62 811 7000 1002;;Jakarta',
  'Citra Lestari;081170001003;citra@contoh.id;Surabaya',
  'Wulan (dobel);0811 7000 1001;;Bandung', // the same number as Wulan
  'Dedi Salah;12345;;Medan', // not a phone number
  'Eka Putri;0811.7000.1004;;"Makassar; Sulsel"', // a ";" inside quotes
];
const GROUP = 'Pameran Juni';
const PEOPLE = [
  ['Wulan Sari', '+62 811-7000-1001'],
  ['Bayu Pratama', '+62 811-7000-1002'],
  ['Citra Lestari', '+62 811-7000-1003'],
  ['Eka Putri', '+62 811-7000-1004'],
] as const;

let dir = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kontak-e2e-files-'));
  // as Excel on an Indonesian Windows machine saves it: a BOM, semicolons, CRLF
  writeFileSync(join(dir, 'pelanggan-pameran.csv'), '\uFEFF' + CSV_ROWS.join('\r\n') + '\r\n', 'utf8');
});
test.afterAll(() => {
  if (dir && !process.env.KONTAK_E2E_KEEP) rmSync(dir, { recursive: true, force: true });
});

async function shot(page: Page, name: string) {
  const out = process.env.KONTAK_E2E_SHOTS;
  if (out) await page.screenshot({ path: join(out, `kontak-imp-${name}.png`) });
}

async function openScreen(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

function count(page: Page, where: string, key: string) {
  return page.getByTestId(where).getByTestId(`count-${key}`).locator('dd');
}

/** Picks a file through the (hidden) file input, as the "Choose a file…" button would in a browser. */
async function pick(page: Page, file: string) {
  await openScreen(page, 'Impor');
  const another = page.getByRole('button', { name: 'Impor file lain' });
  if (await another.isVisible()) await another.click();
  await page.getByTestId('import-file-input').setInputFiles(file);
}

test('import a semicolon CSV into a new group, undo, import again, export the group as XLSX and re-import it', async ({ page }) => {
  const csv = join(dir, 'pelanggan-pameran.csv');
  const xlsx = join(dir, 'pameran-juni.xlsx');
  await page.goto('/');
  await page.getByRole('navigation').getByRole('link', { name: /^(Settings|Pengaturan)$/ }).click();
  await page.getByRole('radio', { name: 'Bahasa Indonesia', exact: true }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();

  // -- pick the file: the suggested mapping reads the Indonesian headers
  await openScreen(page, 'Impor');
  await expect(page.getByTestId('import-drop-zone')).toContainText('Letakkan file kontak di sini');
  await pick(page, csv);
  await expect(page.getByTestId('import-file-name')).toHaveText('pelanggan-pameran.csv');
  await expect(page.getByText('UTF-8 dengan BOM')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Pemisah' })).toContainText('Deteksi (Titik koma ;)');
  await expect(page.getByTestId('mapping-row')).toHaveCount(4);
  await expect(page.getByRole('combobox', { name: 'Impor “Nama” sebagai' })).toHaveValue('name');
  await expect(page.getByRole('combobox', { name: 'Impor “No HP” sebagai' })).toHaveValue('phone');
  await expect(page.getByRole('combobox', { name: 'Impor “Email” sebagai' })).toHaveValue('email');
  await expect(page.getByRole('combobox', { name: 'Impor “Kota” sebagai' })).toHaveValue('field');
  await expect(page.getByTestId('mapping-row').filter({ hasText: 'No HP' })).toContainText('0811-7000-1001');
  await shot(page, 'mapping');

  // -- options: a new group
  await page.getByRole('button', { name: 'Pilihan', exact: true }).click();
  await page.getByLabel('Grup baru').fill(GROUP);
  await page.getByLabel('Grup baru').press('Enter');
  await expect(page.getByTestId('new-group-chip')).toContainText(GROUP);
  await expect(page.getByRole('radio', { name: /Isi bagian yang kosong saja/ })).toBeChecked();
  await shot(page, 'options');

  // -- preview: normalised numbers, outcomes and reasons, counts for the whole file
  await page.getByRole('button', { name: 'Pratinjau', exact: true }).click();
  await expect(page.getByTestId('preview-table')).toBeVisible();
  await expect(count(page, 'preview-counts', 'read')).toHaveText('6');
  await expect(count(page, 'preview-counts', 'created')).toHaveText('4');
  await expect(count(page, 'preview-counts', 'duplicates')).toHaveText('1');
  await expect(count(page, 'preview-counts', 'invalid')).toHaveText('1');
  const rows = page.getByTestId('preview-row');
  await expect(rows).toHaveCount(6);
  await expect(rows.filter({ hasText: 'Bayu Pratama' })).toContainText('+62 811-7000-1002');
  await expect(rows.filter({ hasText: 'Bayu Pratama' })).toContainText('Baru');
  await expect(rows.filter({ hasText: 'Wulan (dobel)' })).toContainText('Duplikat');
  await expect(rows.filter({ hasText: 'Wulan (dobel)' })).toContainText('nomor sama dengan baris 2');
  await expect(rows.filter({ hasText: 'Dedi Salah' })).toContainText('Tidak valid');
  await shot(page, 'preview');

  // -- import into the new group; the report
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('report-title')).toHaveText('Impor selesai');
  await expect(count(page, 'report-counts', 'read')).toHaveText('6');
  await expect(count(page, 'report-counts', 'created')).toHaveText('4');
  await expect(count(page, 'report-counts', 'updated')).toHaveText('0');
  await expect(count(page, 'report-counts', 'duplicates')).toHaveText('1');
  await expect(count(page, 'report-counts', 'invalid')).toHaveText('1');
  await expect(page.getByTestId('problem-row')).toHaveCount(2);
  await expect(page.getByTestId('problem-row').filter({ hasText: 'Dedi Salah' })).toContainText('12345');
  await expect(page.getByTestId('history-row').first()).toContainText('pelanggan-pameran.csv');
  await shot(page, 'report');

  // the contacts are there, in the new group
  await page.getByRole('button', { name: 'Lihat kontaknya' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kontak' })).toBeVisible();
  await expect(page.getByTestId('range')).toHaveText('1–4 dari 4');
  await expect(page.getByRole('button', { name: `Grup: ${GROUP}` })).toBeVisible();

  // -- undo it: the contacts and the group it created are gone
  await openScreen(page, 'Impor');
  await page.getByRole('button', { name: 'Laporan pelanggan-pameran.csv' }).first().click();
  await page.getByTestId('import-report').getByRole('button', { name: 'Urungkan impor', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Urungkan impor ini?' });
  await confirm.getByRole('button', { name: 'Urungkan impor' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('report-title')).toHaveText('Impor diurungkan');
  await expect(page.getByTestId('undo-result')).toHaveText('4 kontak dihapus, 0 dikembalikan.');
  await expect(page.getByTestId('history-row').first()).toContainText('Diurungkan');
  await openScreen(page, 'Kontak');
  await page.getByRole('searchbox', { name: 'Cari kontak' }).fill('811 7000');
  await expect(page.getByTestId('empty-search')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Cari kontak' }).fill('');
  expect(await filterGroupNames(page)).not.toContainEqual(expect.stringContaining(GROUP));

  // -- import again: the mapping is remembered
  await pick(page, csv);
  await expect(page.getByTestId('mapping-remembered')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Impor “No HP” sebagai' })).toHaveValue('phone');
  await page.getByRole('button', { name: 'Pilihan', exact: true }).click();
  await page.getByLabel('Grup baru').fill(GROUP);
  await page.getByRole('button', { name: 'Tambah', exact: true }).click();
  await page.getByRole('button', { name: 'Pratinjau', exact: true }).click();
  await expect(count(page, 'preview-counts', 'created')).toHaveText('4');
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('report-title')).toHaveText('Impor selesai');
  await expect(count(page, 'report-counts', 'created')).toHaveText('4');

  // -- export the group as XLSX to a typed path
  await openScreen(page, 'Kontak');
  await filterByGroup(page, GROUP);
  await expect(page.getByTestId('range')).toHaveText('1–4 dari 4');
  await page.getByRole('button', { name: 'Ekspor', exact: true }).click();
  const ex = page.getByRole('dialog', { name: 'Ekspor kontak' });
  await expect(ex.getByRole('radio', { name: `Yang tampil di daftar sekarang: grup ${GROUP} (4)` })).toBeChecked();
  await ex.getByRole('radio', { name: /Buku kerja Excel/ }).check();
  await expect(ex.getByTestId('save-path')).toHaveValue(/kontak-pameran-juni\.xlsx$/);
  await ex.getByTestId('save-path').fill(xlsx);
  await ex.getByRole('button', { name: 'Ekspor', exact: true }).click();
  await expect(ex).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `4 kontak diekspor ke ${xlsx}` })).toBeVisible();
  expect(existsSync(xlsx)).toBe(true);
  expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK'); // a zip: a real workbook

  // -- import the exported workbook: nothing new, everything already there
  await pick(page, xlsx);
  await expect(page.getByTestId('import-file-name')).toHaveText('pameran-juni.xlsx');
  await expect(page.getByText('Buku kerja Excel')).toBeVisible();
  await page.getByRole('button', { name: 'Pilihan', exact: true }).click();
  await page.getByRole('button', { name: 'Pratinjau', exact: true }).click();
  await expect(count(page, 'preview-counts', 'read')).toHaveText('4');
  await expect(count(page, 'preview-counts', 'created')).toHaveText('0');
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('report-title')).toHaveText('Impor selesai');
  await expect(count(page, 'report-counts', 'read')).toHaveText('4');
  await expect(count(page, 'report-counts', 'created')).toHaveText('0');
  const updated = Number(await count(page, 'report-counts', 'updated').textContent());
  const unchanged = Number(await count(page, 'report-counts', 'unchanged').textContent());
  expect(updated + unchanged).toBe(4);
  await expect(page.getByTestId('problem-row')).toHaveCount(0);

  // -- the contacts list: the four, once each, with their numbers, in the group
  await page.getByRole('button', { name: 'Lihat kontaknya' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kontak' })).toBeVisible();
  await filterByGroup(page, GROUP);
  await expect(page.getByTestId('range')).toHaveText('1–4 dari 4');
  for (const [name, display] of PEOPLE) {
    const row = page.getByRole('row', { name: new RegExp(name.replace(/[()]/g, '\\$&')) });
    await expect(row).toContainText(display);
    await expect(row).toContainText(GROUP);
  }
  await page.getByRole('searchbox', { name: 'Cari kontak' }).fill('0811 7000 1001');
  await expect(page.getByTestId('range')).toHaveText('1–1 dari 1');
});
