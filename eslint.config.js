// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The seams of ../shared/design/architecture.md, enforced here so that a wrong import fails CI.
// Arrows point down only: features -> hooks -> data -> sync/domain.

const NODE_BUILTINS = [
  'fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'buffer',
  'events', 'http', 'https', 'net', 'zlib', 'worker_threads', 'process',
];

/** @param {{ paths?: any[], patterns?: any[] }} extra */
function restricted(extra) {
  return [
    'error',
    {
      paths: [
        { name: 'electron', message: 'The renderer never imports electron: use renderer/platform.' },
        ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer runs in a browser: no Node modules.' })),
        ...(extra.paths ?? []),
      ],
      patterns: [
        { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' },
        {
          group: ['**/electron/main/**', '**/electron/preload/**', '**/electron/main', '**/electron/preload'],
          message: 'The renderer never imports main-process or preload code.',
        },
        {
          group: ['**/electron/shared/**'],
          allowTypeImports: true,
          message: 'Only `import type` of the IPC contract may cross into the renderer.',
        },
        ...(extra.patterns ?? []),
      ],
    },
  ];
}

const NO_UI_NO_DB = {
  paths: ['react', 'react-dom', 'react-dom/client', 'dexie', 'dexie-react-hooks', 'react-router'].map((name) => ({
    name,
    message: 'domain/ and sync/ are pure TypeScript: no React, no Dexie.',
  })),
  patterns: [
    { group: ['**/data/**', '**/data', '**/hooks/**', '**/features/**', '**/components/**', '**/platform/**'], message: 'domain/ and sync/ sit at the bottom: they import nothing above them.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // Node side: main, preload, build scripts, tests, configs.
  {
    files: ['electron/**', 'build/**', 'test/**', '*.config.{js,ts,mjs}', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['build/scripts/**', 'test/bench/**', 'test/e2e/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**', '**/renderer'], message: 'electron/ never imports renderer code.' }] },
      ],
    },
  },
  // Browser side.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: '19' } },
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted({}),
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Every string a person reads comes from the i18n catalogue.
      'react/jsx-no-literals': ['error', { noStrings: true, ignoreProps: true, allowedStrings: ['·', '–', '—', '/', ':', '(', ')', '…', '×', '%', '+', '-'] }],
    },
  },
  {
    files: ['renderer/domain/**', 'renderer/sync/**'],
    rules: { '@typescript-eslint/no-restricted-imports': restricted(NO_UI_NO_DB) },
  },
  {
    files: ['renderer/data/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted({
        paths: ['react', 'react-dom', 'react-router'].map((name) => ({ name, message: 'data/ holds no UI code.' })),
        patterns: [{ group: ['**/hooks/**', '**/features/**', '**/components/**'], message: 'data/ sits below hooks and features.' }],
      }),
    },
  },
  {
    files: ['renderer/hooks/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted({
        patterns: [{ group: ['**/features/**', '**/components/**'], message: 'hooks/ sit below features and components.' }],
      }),
    },
  },
  {
    files: ['renderer/features/**', 'renderer/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted({
        paths: ['dexie', 'dexie-react-hooks'].map((name) => ({ name, message: 'Pages read data through hooks/ (useX), never Dexie directly.' })),
      }),
    },
  },
  {
    files: ['renderer/components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted({
        paths: ['dexie', 'dexie-react-hooks'].map((name) => ({ name, message: 'Components are presentational: data comes through props.' })),
        patterns: [{ group: ['**/data/**', '**/data', '**/features/**'], message: 'Components are presentational: props in, callbacks out.' }],
      }),
    },
  },
);
