// Issue 6 as a user does it, through the UI, against the real Go backend: an auto-reply
// rule "harga" that saves the sender into a new group Leads, a message through the test
// box (tried, then applied), Rina in Leads on the Contacts screen, the reply in the
// activity log; then a WhatsApp chat export from the shared fixtures dropped on the
// window, previewed and imported.
import type { Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test, expect, REPO_ROOT } from './backend';
import { filterByGroup } from './ui';

const SHOTS = process.env.KONTAK_E2E_SHOTS ?? '';
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `kontak-inbound-${name}.png`), fullPage: true });
}

const CHAT = resolve(REPO_ROOT, '..', 'shared', 'testdata', 'peers', 'whatsapp', 'whatsapp-chat-parser', 'short-chat.txt');

async function openScreen(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('link', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

test('an auto-reply rule saves Rina into Leads, and a chat export is previewed then imported', async ({ page, backend }) => {
  void backend;
  await page.goto('/');
  // Make the language explicit (the machine's own language may be either).
  await page.getByRole('navigation').getByRole('link', { name: /^(Settings|Pengaturan)/ }).click();
  await page.getByRole('radio', { name: 'Bahasa Indonesia', exact: true }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();

  // -- the rule, with "Save contact" into a group that does not exist yet
  await openScreen(page, 'Balas Otomatis');
  await expect(page.getByTestId('empty-rules')).toContainText('Belum ada aturan balas otomatis');
  await page.getByRole('button', { name: 'Aturan baru' }).first().click();
  const dlg = page.getByRole('dialog', { name: 'Aturan balas otomatis baru' });
  await expect(dlg.getByLabel('Nama aturan')).toBeFocused();
  await dlg.getByLabel('Nama aturan').fill('harga');
  await dlg.getByLabel('Kata kunci').fill('harga');
  await dlg.getByLabel('Cocok bila pesan').selectOption('contains');
  await dlg.getByLabel('Balasan', { exact: true }).fill('Halo {name}, harga paket 100rb');
  await dlg.getByRole('switch', { name: 'Simpan kontak' }).check();
  const groups = dlg.getByTestId('save-groups');
  await groups.getByLabel('Grup baru').fill('Leads');
  await groups.getByLabel('Grup baru').press('Enter');
  await expect(groups.getByTestId('new-group-chip')).toContainText('Leads');
  await shot(page, '1-rule-dialog');
  await dlg.getByRole('button', { name: 'Simpan aturan' }).click();
  await expect(dlg).toBeHidden();
  const rule = page.getByTestId('rule-row');
  await expect(rule).toContainText('harga');
  await expect(rule).toContainText('Simpan ke Leads');

  // -- the test box: try first (nothing changes), then apply
  const box = page.getByTestId('test-box');
  await box.getByLabel('Nomor pengirim').fill('0812-1111-2222');
  await box.getByLabel('Pesan', { exact: true }).fill('halo, nama saya Rina, harga paket?');
  await box.getByRole('button', { name: 'Coba', exact: true }).click();
  const result = box.getByTestId('test-result');
  await expect(result).toContainText('Yang akan terjadi');
  await expect(result).toContainText('Aturan harga cocok');
  await expect(result).toContainText('Halo Rina, harga paket 100rb');
  await expect(result).toContainText('Akan dimasukkan ke Leads');
  await expect(page.getByTestId('empty-log')).toBeVisible();
  await box.getByRole('button', { name: 'Jalankan', exact: true }).click();
  await expect(result).toContainText('Yang terjadi');
  await expect(result).toContainText('Dimasukkan ke Leads');
  await shot(page, '2-auto-reply');

  // -- the activity log shows what arrived and the reply
  const entry = page.getByTestId('log-entry').first();
  await expect(entry).toContainText('halo, nama saya Rina, harga paket?');
  await expect(entry.getByTestId('outcome-reply')).toContainText('Halo Rina, harga paket 100rb');
  await expect(entry).toContainText('+62 812-1111-2222');
  await page.getByLabel('Cari di aktivitas').fill('paket');
  await expect(page.getByTestId('log-entry')).toHaveCount(1);
  await page.getByLabel('Cari di aktivitas').fill('tidak-ada');
  await expect(page.getByText('Tidak ada aktivitas yang cocok dengan “tidak-ada”.')).toBeVisible();
  await page.getByLabel('Cari di aktivitas').fill('');

  // -- Rina is a contact in Leads, with the normalised number
  await openScreen(page, 'Kontak');
  await filterByGroup(page, 'Leads');
  const rina = page.getByRole('row', { name: /\bRina\b/ });
  await expect(rina).toContainText('+62 812-1111-2222');
  await expect(rina).toContainText('Leads');
  await expect(page.getByTestId('contacts-total')).toHaveText('1 kontak');

  // -- a WhatsApp chat export dropped on the window: preview, then import
  expect(existsSync(CHAT), `the shared chat fixture ${CHAT}`).toBe(true);
  await openScreen(page, 'Grup');
  const text = readFileSync(CHAT, 'utf8');
  await page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'short-chat.txt', { type: 'text/plain' }));
    for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  const chat = page.getByRole('dialog', { name: 'Ekspor chat: short-chat.txt' });
  await expect(chat).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Balas Otomatis' })).toBeVisible();
  await expect(chat.getByTestId('chat-stats')).toContainText('Pesan3');
  await expect(chat).toContainText('Format: Android');
  await expect(chat).toContainText('Tidak ada aturan yang menyimpan pengirim dari chat ini.');
  await shot(page, '3-chat-preview');
  await chat.getByRole('button', { name: 'Impor 3 pesan' }).click();
  await expect(chat).toContainText('Yang disimpan');
  await chat.getByRole('button', { name: 'Tutup', exact: true }).last().click();
  await expect(chat).toBeHidden();
  await expect(page.getByTestId('log-entry').filter({ hasText: 'This is a test message' })).toContainText('ekspor chat');
  await expect(page.getByTestId('log-entry').filter({ hasText: 'This is a test message' })).toContainText('tidak punya nomor');

  // -- who is answered: Rina, for auto replies, the agent and the rule
  await openScreen(page, 'Agen AI');
  const explain = page.getByTestId('explain');
  await explain.getByLabel('Cari kontak berdasarkan nama atau nomor').fill('0812 1111 2222');
  await explain.getByRole('button', { name: /^Rina\b/ }).click();
  await expect(explain.getByTestId('explain-for')).toContainText('Untuk Rina (+62 812-1111-2222)');
  await expect(explain.getByTestId('verdict').first()).toContainText('Balas otomatis: Dibalas');
  await shot(page, '4-agent');
});
