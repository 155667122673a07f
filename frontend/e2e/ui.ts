// Small steps on the Contacts screen shared by the specs (the UI speaks Indonesian there).
import { expect, type Page } from '@playwright/test';

/** Shows one group's contacts (its checkbox in the group filter), or every contact (null). */
export async function filterByGroup(page: Page, group: string | null): Promise<void> {
  await page.getByRole('button', { name: /^Grup:/ }).click();
  const panel = page.getByRole('dialog', { name: 'Saring menurut grup' });
  await expect(panel).toBeVisible();
  if (group === null) {
    const showAll = panel.getByRole('button', { name: 'Tampilkan semua kontak' });
    if (await showAll.isEnabled()) await showAll.click();
    else await page.keyboard.press('Escape'); // no group filter on
  } else {
    for (const box of await panel.getByRole('checkbox', { checked: true }).all()) await box.uncheck();
    await panel.getByRole('checkbox', { name: new RegExp(`^${group.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) }).check();
    await page.keyboard.press('Escape');
  }
  await expect(panel).toBeHidden();
}

/** The group names the group filter offers. */
export async function filterGroupNames(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: /^Grup:/ }).click();
  const panel = page.getByRole('dialog', { name: 'Saring menurut grup' });
  await expect(panel).toBeVisible();
  const names = await panel.getByRole('listitem').allTextContents();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  return names.map((n) => n.trim());
}
