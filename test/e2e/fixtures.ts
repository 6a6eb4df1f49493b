import { test as base, expect } from '@playwright/test';

/**
 * The one message allowed: the built page carries the CSP as a meta tag (build/csp.ts), where
 * Chromium ignores frame-ancestors and says so. Electron sends the same policy as a header.
 */
const KNOWN = [/^console: The Content Security Policy directive 'frame-ancestors' is ignored when delivered via a <meta> element\./];

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
        if (message.type() === 'error' && !KNOWN.some((known) => known.test(text))) errors.push(text);
      });
      page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors or uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
