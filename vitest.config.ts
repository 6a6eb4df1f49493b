import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/db/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    reporters: ['default'],
  },
});
