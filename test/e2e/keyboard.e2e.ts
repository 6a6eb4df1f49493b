import { ROUTES } from '../../renderer/features/route-table';
import { test, expect } from './fixtures';
import { ADMIN, completeFirstRun, routeUrl, tabTo } from './helpers';

test('the first run and a main flow work with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welkom bij Zonelink' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Volgende' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Het netwerk WVL4' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Volgende' }));
  await page.keyboard.press('Enter');

  // Choose PZ Polder with the arrow keys; the station list follows.
  await tabTo(page, page.getByLabel('Zone'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Zone').locator('option:checked')).toHaveText('PZ Polder');
  await tabTo(page, page.getByLabel('Post', { exact: true }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Post', { exact: true }).locator('option:checked')).toHaveText('Wijkpost Koekelare');
  await tabTo(page, page.getByRole('button', { name: 'Volgende' }));
  await page.keyboard.press('Enter');

  await tabTo(page, page.getByLabel('Naam', { exact: true }));
  await page.keyboard.type(ADMIN.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.number);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.password);
  await tabTo(page, page.getByLabel('Wachtzin', { exact: true }));
  await page.keyboard.type(ADMIN.passphrase);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.passphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Klaar' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Naar het overzicht' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('banner')).toContainText('Wijkpost Koekelare');

  // Skip link, then the menu.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
  await tabTo(page, page.getByRole('navigation').getByRole('link', { name: 'Netwerk' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /zones en posten/ })).toBeFocused();

  // Add a station to PZ Polder: the dialog opens on its field and Enter submits.
  await tabTo(page, page.getByRole('button', { name: 'Post toevoegen aan PZ Polder' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Post toevoegen aan PZ Polder' });
  await expect(dialog.getByLabel('Naam van de post')).toBeFocused();
  await page.keyboard.type('Wijkpost Zarren');
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.passphrase);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Post Wijkpost Zarren is toegevoegd.');
  await expect(page.getByRole('cell', { name: 'Wijkpost Zarren', exact: true })).toBeVisible();

  // Deactivate it: the confirmation opens on its passphrase, Escape cancels it, and focus returns to the button.
  const deactivate = page.getByRole('button', { name: 'Wijkpost Zarren deactiveren' });
  await deactivate.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Post deactiveren?' });
  await expect(confirm.getByLabel('Wachtzin netwerkbeheerder')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(deactivate).toBeFocused();
  await page.keyboard.press('Enter');
  // Focus stays inside the modal dialog.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await confirm.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await tabTo(page, confirm.getByLabel('Wachtzin netwerkbeheerder'));
  await page.keyboard.type(ADMIN.passphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Post Wijkpost Zarren is gedeactiveerd. U kunt ze opnieuw activeren.');
  await tabTo(page, page.getByRole('button', { name: 'Wijkpost Zarren opnieuw activeren' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Post opnieuw activeren?' }).getByLabel('Wachtzin netwerkbeheerder')).toBeFocused();
  await page.keyboard.type(ADMIN.passphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Post Wijkpost Zarren is opnieuw actief.');
});

test('every interactive element of every route can be reached with Tab', async ({ page }) => {
  await completeFirstRun(page);
  for (const route of ROUTES) {
    await page.goto(routeUrl(route.path));
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
    const count = await page.evaluate(() => {
      const all = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])');
      let n = 0;
      for (const el of all) {
        const disabled = (el as HTMLButtonElement).disabled === true;
        if (disabled || el.closest('dialog:not([open])') || el.getClientRects().length === 0 && !el.classList.contains('skip-link')) continue;
        el.dataset.kb = String(n++);
      }
      (document.activeElement as HTMLElement | null)?.blur();
      return n;
    });
    expect(count, `interactive elements on ${route.path}`).toBeGreaterThan(0);
    const reached = new Set<string>();
    for (let i = 0; i < count + 5; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.kb ?? null);
      if (id !== null) reached.add(id);
    }
    const missed = await page.evaluate(
      (seen) =>
        Array.from(document.querySelectorAll<HTMLElement>('[data-kb]'))
          .filter((el) => !seen.includes(el.dataset.kb!))
          .map((el) => el.outerHTML.slice(0, 120)),
      [...reached],
    );
    expect(missed, `not reachable by Tab on ${route.path}`).toEqual([]);
  }
});
