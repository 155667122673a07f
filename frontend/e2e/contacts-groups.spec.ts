// Issue 3 as a user does it, through the UI, against the real Go backend.
import type { Page } from '@playwright/test';
import { test, expect, restartBackend } from './backend';
import { filterByGroup } from './ui';

async function openScreen(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

async function addContact(page: Page, name: string, phone: string, display: string) {
  await page.getByRole('button', { name: 'Tambah kontak', exact: true }).first().click();
  const dlg = page.getByRole('dialog', { name: 'Kontak baru' });
  await dlg.getByLabel('Nama', { exact: true }).fill(name);
  await dlg.getByLabel('Nomor telepon').fill(phone);
  await expect(dlg.getByTestId('phone-preview')).toContainText(display);
  await dlg.getByRole('button', { name: 'Tambah kontak', exact: true }).click();
  await expect(dlg).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText(display);
}

function row(page: Page, name: string) {
  return page.getByRole('row', { name: new RegExp(`\\b${name}\\b`) });
}

test('contacts, groups, bulk actions, search and language survive a restart', async ({ page, backend }) => {
  await page.goto('/');

  // Make the language explicit (the machine's own language may be either).
  await page.getByRole('navigation').getByRole('link', { name: /^(Settings|Pengaturan)$/ }).click();
  await page.getByRole('radio', { name: 'Bahasa Indonesia', exact: true }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();

  // -- Budi, typed the way people type numbers
  await openScreen(page, 'Kontak');
  await expect(page.getByText('Belum ada kontak')).toBeVisible();
  await expect(page.getByText('Tambahkan kontak pertama Anda (Ctrl+N)')).toBeVisible();
  await page.keyboard.press('Control+n');
  const first = page.getByRole('dialog', { name: 'Kontak baru' });
  await expect(first.getByLabel('Nama', { exact: true })).toBeFocused();
  await first.getByLabel('Nama', { exact: true }).fill('Budi');
  await first.getByLabel('Nomor telepon').fill('0812-3456-7890');
  await expect(first.getByTestId('phone-preview')).toContainText('+62 812-3456-7890');
  await first.getByLabel('Nomor telepon').press('Enter');
  await expect(first).toBeHidden();
  await expect(row(page, 'Budi')).toContainText('+62 812-3456-7890');

  // -- the same number in another format is refused, naming Budi
  await page.getByRole('button', { name: 'Tambah kontak', exact: true }).click();
  const dup = page.getByRole('dialog', { name: 'Kontak baru' });
  await dup.getByLabel('Nama', { exact: true }).fill('Andi');
  await dup.getByLabel('Nomor telepon').fill('+62 812 3456 7890');
  await expect(dup.getByTestId('phone-duplicate')).toContainText('Nomor ini sudah dimiliki Budi');
  await dup.getByRole('button', { name: 'Tambah kontak', exact: true }).click();
  await expect(dup.getByText('Nomor ini sudah dimiliki Budi')).toBeVisible();
  await expect(dup).toBeVisible(); // not saved
  await dup.getByRole('button', { name: 'Buka Budi' }).click();
  const budiForm = page.getByRole('dialog', { name: 'Ubah kontak' });
  await expect(budiForm.getByLabel('Nama', { exact: true })).toHaveValue('Budi');
  await expect(budiForm.getByLabel('Nomor telepon')).toHaveValue('+62 812-3456-7890');
  await page.keyboard.press('Escape');
  await expect(budiForm).toBeHidden();
  await expect(page.getByTestId('contacts-total')).toHaveText('1 kontak');

  // -- groups
  await openScreen(page, 'Grup');
  await expect(page.getByText('Buat grup untuk mengelompokkan pelanggan Anda')).toBeVisible();
  for (const name of ['Pelanggan', 'Newsletter']) {
    await page.getByRole('button', { name: 'Grup baru' }).first().click();
    const g = page.getByRole('dialog', { name: 'Grup baru' });
    await g.getByLabel('Nama grup').fill(name);
    await g.getByLabel('Nama grup').press('Enter');
    await expect(g).toBeHidden();
    await expect(page.getByRole('link', { name: `Lihat kontak di ${name}` })).toBeVisible();
  }
  // a duplicate name, in another case, shows the backend's refusal
  await page.getByRole('button', { name: 'Grup baru' }).click();
  const again = page.getByRole('dialog', { name: 'Grup baru' });
  await again.getByLabel('Nama grup').fill('newsletter');
  await again.getByRole('button', { name: 'Buat grup' }).click();
  await expect(again.getByText('Grup bernama “Newsletter” sudah ada.')).toBeVisible();
  await again.getByRole('button', { name: 'Batal' }).click();
  await expect(again).toBeHidden();

  // -- Budi into both groups through his form
  await openScreen(page, 'Kontak');
  await row(page, 'Budi').click();
  const edit = page.getByRole('dialog', { name: 'Ubah kontak' });
  await edit.getByRole('checkbox', { name: 'Pelanggan' }).check();
  await edit.getByRole('checkbox', { name: 'Newsletter' }).check();
  await edit.getByRole('button', { name: 'Simpan' }).click();
  await expect(edit).toBeHidden();
  await expect(row(page, 'Budi')).toContainText('Pelanggan');
  await expect(row(page, 'Budi')).toContainText('Newsletter');

  // -- three more, then bulk-add them to Newsletter
  await addContact(page, 'Siti', '0813 1111 2222', '+62 813-1111-2222');
  await addContact(page, 'Andi', '+62 857-3333-4444', '+62 857-3333-4444');
  await addContact(page, 'Rina', '087855556666', '+62 878-5555-6666');
  await expect(page.getByTestId('range')).toHaveText('1–4 dari 4');

  await page.getByRole('checkbox', { name: 'Pilih Rina' }).click();
  await page.getByRole('checkbox', { name: 'Pilih Siti' }).click({ modifiers: ['Shift'] }); // range Rina..Siti
  await page.getByRole('checkbox', { name: 'Pilih Andi' }).click();
  const bar = page.getByRole('toolbar', { name: 'Tindakan untuk kontak yang dipilih' });
  await expect(bar).toContainText('3 dipilih');
  await expect(page.getByRole('checkbox', { name: 'Pilih Budi' })).not.toBeChecked();
  await bar.getByRole('button', { name: 'Tambah ke grup' }).click();
  await page.getByRole('menuitem', { name: 'Newsletter' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 kontak ditambahkan ke Newsletter' })).toBeVisible();
  for (const n of ['Siti', 'Andi', 'Rina']) await expect(row(page, n)).toContainText('Newsletter');

  // -- take Rina out of Newsletter: she stays a contact
  await bar.getByRole('button', { name: 'Batalkan pilihan' }).click();
  await expect(bar).toBeHidden();
  await page.getByRole('checkbox', { name: 'Pilih Rina' }).click();
  await bar.getByRole('button', { name: 'Keluarkan dari grup' }).click();
  await page.getByRole('menuitem', { name: 'Newsletter' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 kontak dikeluarkan dari Newsletter' })).toBeVisible();
  await expect(row(page, 'Rina')).toBeVisible();
  await expect(row(page, 'Rina')).not.toContainText('Newsletter');
  await expect(page.getByTestId('contacts-total')).toHaveText('4 kontak');

  // the Newsletter filter shows its three members
  await filterByGroup(page, 'Newsletter');
  await expect(page.getByTestId('range')).toHaveText('1–3 dari 3');
  await expect(row(page, 'Rina')).toHaveCount(0);
  await filterByGroup(page, null);
  await expect(page.getByTestId('range')).toHaveText('1–4 dari 4');

  await openScreen(page, 'Grup');
  const newsRow = page.getByTestId('group-row').filter({ hasText: 'Newsletter' });
  await expect(newsRow.getByTestId('group-members')).toHaveText('3 kontak');
  await expect(page.getByTestId('group-row').filter({ hasText: 'Pelanggan' }).getByTestId('group-members')).toHaveText('1 kontak');

  // -- search by part of the number, in another format
  await openScreen(page, 'Kontak');
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Cari kontak' });
  await expect(search).toBeFocused();
  await search.fill('812 3456');
  await expect(page.getByTestId('range')).toHaveText('1–1 dari 1');
  await expect(row(page, 'Budi')).toBeVisible();
  await search.fill('');
  await expect(page.getByTestId('range')).toHaveText('1–4 dari 4');

  // -- English and back
  await openScreen(page, 'Pengaturan');
  await page.getByRole('radio', { name: 'English', exact: true }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Contacts', exact: true })).toBeVisible();
  await page.getByRole('radio', { name: 'Bahasa Indonesia', exact: true }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();

  // -- restart the backend (clean shutdown), reload, and find it all again
  await restartBackend(backend);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Bahasa Indonesia', exact: true })).toBeChecked();

  await openScreen(page, 'Kontak');
  await expect(page.getByTestId('range')).toHaveText('1–4 dari 4');
  for (const [n, display] of [
    ['Andi', '+62 857-3333-4444'],
    ['Budi', '+62 812-3456-7890'],
    ['Rina', '+62 878-5555-6666'],
    ['Siti', '+62 813-1111-2222'],
  ] as const) {
    await expect(row(page, n)).toContainText(display);
  }
  await row(page, 'Budi').click();
  const budi = page.getByRole('dialog', { name: 'Ubah kontak' });
  await expect(budi.getByRole('checkbox', { name: 'Pelanggan' })).toBeChecked();
  await expect(budi.getByRole('checkbox', { name: 'Newsletter' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(budi).toBeHidden();

  await openScreen(page, 'Grup');
  await expect(page.getByTestId('group-row').filter({ hasText: 'Newsletter' }).getByTestId('group-members')).toHaveText('3 kontak');
  await expect(page.getByTestId('group-row').filter({ hasText: 'Pelanggan' }).getByTestId('group-members')).toHaveText('1 kontak');

  // a group opens the Contacts screen filtered to it
  await page.getByRole('link', { name: 'Lihat kontak di Newsletter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kontak' })).toBeVisible();
  await expect(page.getByTestId('range')).toHaveText('1–3 dari 3');
  await expect(row(page, 'Rina')).toHaveCount(0);
});
