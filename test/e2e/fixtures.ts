import { test as base, expect } from '@playwright/test';

/**
 * Every browser test uses this `test`: it collects console errors and uncaught page errors and
 * fails the test when there was any.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        const text = `console: ${message.text()} (${message.location().url})`;
        if (message.type() === 'error') errors.push(text);
      });
      page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors or uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
