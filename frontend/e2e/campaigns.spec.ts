// Issue 7 as a user does it, against the real Go backend: groups Pelanggan, VIP and
// Berhenti with overlapping members, one customer who asked to stop, a broadcast to
// Pelanggan + VIP that leaves Berhenti out; the count and its breakdown, "why" for a
// few customers, then a CSV export read back from disk: each phone once, nobody who
// opted out or is in Berhenti.
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './backend';

// A data folder of its own: the other specs share one backend and expect to start empty.
test.use({ seed: { name: 'campaigns (own data folder)', fill: async () => {} } });

let dir = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kontak-e2e-campaigns-'));
});
test.afterAll(() => {
  if (dir && !process.env.KONTAK_E2E_KEEP) rmSync(dir, { recursive: true, force: true });
});

/** Rows of a CSV text (RFC 4180 quoting; comma, semicolon or tab, read from the header line). */
function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const delim = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delim) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const digits = (s: string) => s.replace(/\D/g, '');

async function openScreen(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

// name, phone as typed, groups, canonical phone
const PEOPLE: [string, string, string[], string][] = [
  ['Budi Santoso', '0812-3456-7890', ['Pelanggan', 'VIP'], '6281234567890'], // in both: once
  ['Siti Rahayu', '0813 1111 2222', ['Pelanggan'], '6281311112222'],
  ['Maya Sari', '+62 817-4545-6767', ['VIP'], '6281745456767'],
  ['Andi Wijaya', '0857-3333-4444', ['VIP', 'Berhenti'], '6285733334444'], // left out by Berhenti
  ['Dewi Lestari', '0821 9876 5432', ['Pelanggan', 'Berhenti'], '6282198765432'], // left out by Berhenti
  ['Rina Kusuma', '0878-5555-6666', ['Pelanggan'], '6287855556666'], // opts out below
  ['Yusuf Hakim', '0838 1212 3434', [], '6283812123434'], // in no chosen group
];

test('a broadcast to Pelanggan + VIP without Berhenti: exact count, why, and a CSV with each phone once', async ({ page }) => {
  await page.goto('/');

  // The UI speaks Indonesian in these specs.
  await page.getByRole('navigation').getByRole('link', { name: /^(Settings|Pengaturan)$/ }).click();
  await page.getByRole('radio', { name: 'Bahasa Indonesia', exact: true }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();

  // -- the data, through the same bound methods the screens call (contacts and groups are
  //    covered by their own spec; here they are only the ground to stand on)
  const seeded = await page.evaluate(async (people) => {
    type Bound = (...a: unknown[]) => Promise<{ id: number }>;
    const go = (window as unknown as { go: Record<string, Record<string, Record<string, Bound>>> }).go;
    const groups: Record<string, number> = {};
    for (const name of ['Pelanggan', 'VIP', 'Berhenti']) groups[name] = (await go.contacts!.Groups!.Create!({ name, description: '' })).id;
    const contacts: Record<string, number> = {};
    for (const [name, phone, gs] of people) {
      const c = await go.contacts!.Contacts!.Add!({ name, phone, email: '', groupIds: gs.map((g) => groups[g]), fields: [] });
      contacts[name] = c.id;
    }
    return { groups, contacts };
  }, PEOPLE);
  expect(Object.keys(seeded.contacts)).toHaveLength(PEOPLE.length);

  // -- Rina asks to stop: bulk "do not contact" on the Contacts screen
  await openScreen(page, 'Kontak');
  await expect(page.getByTestId('contacts-total')).toHaveText(`${PEOPLE.length} kontak`);
  await page.getByRole('checkbox', { name: 'Pilih Rina Kusuma' }).check();
  const bar = page.getByTestId('bulk-bar');
  await bar.getByRole('button', { name: 'Jangan dihubungi' }).click();
  await page.getByRole('menuitem', { name: 'Tandai jangan dihubungi' }).click();
  await expect(page.getByText('1 kontak ditandai jangan dihubungi')).toBeVisible();
  await expect.poll(async () => page.evaluate(async (id) => {
    const go = (window as unknown as { go: { contacts: { Contacts: { Get: (id: number) => Promise<{ optOut: boolean }> } } } }).go;
    return (await go.contacts.Contacts.Get(id)).optOut;
  }, seeded.contacts['Rina Kusuma']!)).toBe(true);
  await bar.getByRole('button', { name: 'Batalkan pilihan' }).click();
  await expect(bar).toBeHidden();

  // -- the broadcast
  await openScreen(page, 'Siaran');
  await expect(page.getByTestId('empty-campaigns')).toContainText('Belum ada siaran');
  await page.getByRole('button', { name: 'Siaran baru' }).first().click();
  const editor = page.getByTestId('campaign-editor');
  await expect(editor.getByRole('heading', { level: 1, name: 'Siaran baru' })).toBeVisible();
  await editor.getByLabel('Nama', { exact: true }).fill('Promo Lebaran');
  await editor.getByLabel('Pesan', { exact: true }).fill('Halo {name|Kak}, ada promo Lebaran untuk Anda!');
  const target = editor.getByTestId('target-groups');
  const exclude = editor.getByTestId('exclude-groups');
  await target.getByRole('checkbox', { name: /^Pelanggan/ }).check();
  await target.getByRole('checkbox', { name: /^VIP/ }).check();
  await exclude.getByRole('checkbox', { name: /^Berhenti/ }).check();

  // 6 contacts are in Pelanggan or VIP; Andi and Dewi are in Berhenti, Rina opted out;
  // Budi is in both groups and counts once: Budi, Maya, Siti.
  await expect(editor.getByTestId('recipient-count')).toHaveText('3 penerima');
  await expect(editor.getByTestId('count-inGroups')).toHaveText('6');
  await expect(editor.getByTestId('count-excludedByGroup')).toHaveText('−2');
  await expect(editor.getByTestId('count-optedOut')).toHaveText('−1');
  await expect(editor.getByTestId('count-invalidPhone')).toHaveText('−0');
  const list = editor.getByRole('list', { name: 'Daftar penerima' });
  await expect(list.getByTestId('recipient-row')).toHaveCount(3);
  await expect(list.getByTestId('recipient-row').first()).toContainText('Budi Santoso');
  await expect(list.getByTestId('recipient-row').first()).toContainText('lewat Pelanggan, VIP');

  // the preview fills the name for real recipients
  await expect(editor.getByTestId('message-preview')).toContainText('Halo Budi Santoso, ada promo Lebaran untuk Anda!');

  // "why", in words
  const why = editor.getByTestId('why-lookup');
  const ask = async (name: string, answer: string) => {
    await why.getByRole('searchbox', { name: 'Cari kontak' }).fill(name);
    await why.getByRole('button', { name: `Periksa ${name}` }).click();
    await expect(why.getByTestId('why-answer')).toHaveText(`${name}: ${answer}`);
  };
  await ask('Budi Santoso', 'Masuk lewat Pelanggan, VIP');
  await ask('Andi Wijaya', 'Tidak masuk: ada di grup yang dikecualikan Berhenti');
  await ask('Rina Kusuma', 'Tidak masuk: minta tidak dihubungi');
  await ask('Yusuf Hakim', 'Tidak masuk: tidak ada di grup yang dipilih');

  // -- save, then export as CSV to a typed path (a browser has no save dialog)
  await editor.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('“Promo Lebaran” tersimpan')).toBeVisible();
  await expect(editor.getByRole('heading', { level: 1, name: 'Promo Lebaran' })).toBeVisible();

  const csv = join(dir, 'promo-lebaran.csv');
  await editor.getByRole('button', { name: 'Ekspor…' }).click();
  const dlg = page.getByRole('dialog', { name: 'Ekspor “Promo Lebaran”' });
  await expect(dlg.getByText('3 penerima, setiap nomor sekali.')).toBeVisible();
  await expect(dlg.getByRole('radio', { name: /^CSV/ })).toBeChecked();
  await expect(dlg.getByTestId('save-path')).toHaveValue(/kontak-promo-lebaran\.csv$/);
  await dlg.getByTestId('save-path').fill(csv);
  await dlg.getByRole('button', { name: 'Ekspor', exact: true }).click();
  await expect(page.getByText(`3 penerima ditulis ke ${csv}`)).toBeVisible();
  await expect(dlg).toBeHidden();
  await expect(editor.getByTestId('outputs')).toContainText('3 penerima');
  await expect(editor.getByTestId('outputs')).toContainText(csv);

  // -- the file: a header, then each recipient's phone exactly once
  expect(existsSync(csv)).toBe(true);
  const rows = parseCsv(readFileSync(csv, 'utf8'));
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const phoneLike = (v: string | undefined) => /^\+?\d[\d\s-]{7,}$/.test((v ?? '').trim());
  // the contract names the columns phone, name, message (+ custom fields); failing that,
  // the column whose every value is a phone number
  let phoneCol = header.indexOf('phone');
  if (phoneCol < 0) phoneCol = rows[1] ? rows[1].findIndex((_, i) => rows.slice(1).every((r) => phoneLike(r[i]))) : -1;
  const messageCol = header.indexOf('message');
  expect(phoneCol, `a phone column in ${JSON.stringify(rows.slice(0, 2))}`).toBeGreaterThanOrEqual(0);
  const data = phoneLike(rows[0]![phoneCol]) ? rows : rows.slice(1); // a header row, unless the first row is already a number
  const phones = data.map((r) => digits(r[phoneCol] ?? ''));
  const included = PEOPLE.filter(([name]) => ['Budi Santoso', 'Siti Rahayu', 'Maya Sari'].includes(name)).map((p) => p[3]);
  expect([...phones].sort()).toEqual([...included].sort());
  expect(new Set(phones).size).toBe(phones.length);
  for (const [name, , , phone] of PEOPLE.filter(([n]) => ['Andi Wijaya', 'Dewi Lestari', 'Rina Kusuma', 'Yusuf Hakim'].includes(n))) {
    expect(phones, `${name} is not in the file`).not.toContain(phone);
  }
  if (messageCol >= 0) {
    const budi = data.find((r) => digits(r[phoneCol] ?? '') === '6281234567890')!;
    expect(budi[messageCol]).toBe('Halo Budi Santoso, ada promo Lebaran untuk Anda!');
  }

  // -- back to the list: the saved broadcast with its groups, count and last output
  await editor.getByRole('button', { name: 'Kembali ke daftar' }).click();
  const row = page.getByTestId('campaign-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Ke Pelanggan, VIP, kecuali Berhenti');
  await expect(row.getByTestId('campaign-recipients')).toHaveText('3 penerima');
  await expect(row).toContainText('Diekspor');

  // -- who targets Andi: the contact dialog explains the broadcast leaves him out
  await openScreen(page, 'Kontak');
  await page.getByRole('row', { name: /Andi Wijaya/ }).click();
  const contact = page.getByRole('dialog', { name: 'Ubah kontak' });
  await contact.getByRole('button', { name: 'Siapa yang menyasar kontak ini' }).click();
  await expect(contact.getByTestId('target-item')).toContainText('Promo Lebaran');
  await expect(contact.getByTestId('target-item')).toContainText('Tidak masuk: ada di grup yang dikecualikan Berhenti');
  await page.keyboard.press('Escape');
  await expect(contact).toBeHidden();
});
