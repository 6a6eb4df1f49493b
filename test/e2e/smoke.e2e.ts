import { test, expect } from '@playwright/test';

test('the app loads in Chromium', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Zonelink wordt geladen')).toBeVisible();
});
