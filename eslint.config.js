import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reviewdesk from './eslint-rules/index.js';

// The design in docs/ARCHITECTURE.md, enforced: a wrong import, an async transaction or a file
// that grew past its limit fails `npm run lint`. tests/unit/layering.test.ts proves every rule
// still catches what it is meant to.

/** The only parts of electron/core the Electron shell may use; the rest reaches it over the worker channel. */
const coreEntryPointsForMain = [
  'electron/core/http/static-files.ts',
  'electron/core/platform.ts',
  'electron/core/worker/messages.ts',
  'electron/core/services/evidence/evidence-response.ts',
];

/** Packages that only test code loads (never bundled into the app). */
const testPackages = ['vitest', '@testing-library/*', 'jsdom', 'fast-check'];

/** Layering: see docs/ARCHITECTURE.md "Layering". Layers not listed (tests/, bench/) may import any layer. */
const layering = {
  plugins: { reviewdesk },
  rules: {
    'reviewdesk/layer-imports': ['error', {
      allow: {
        shared: ['shared'],
        db: ['db', 'shared'],
        'electron/core': ['electron/core', 'db', 'shared'],
        'electron/main': ['electron/main', 'shared', ...coreEntryPointsForMain],
        'electron/preload': ['electron/preload', 'shared'],
        renderer: ['renderer', 'shared'],
      },
      // Tests beside the code they test may use the shared test helpers in tests/.
      testsMayImport: ['tests'],
    }],
    'reviewdesk/electron-imports': ['error', { allow: ['electron/main', 'electron/preload'] }],
    'reviewdesk/package-imports': ['error', {
      layers: {
        shared: { allow: ['zod'], testsMayImport: testPackages },
        renderer: {
          allow: [
            'react', 'react-dom', 'react-router', '@mantine/*', '@tabler/icons-react', '@tanstack/react-virtual',
            'i18next', 'react-i18next', 'zod',
          ],
          testsMayImport: testPackages,
        },
      },
    }],
    'reviewdesk/area-imports': 'error',
    'reviewdesk/sync-transactions': 'error',
  },
};

const nodeGlobal = (name) => ({
  name,
  message: `The renderer runs in a browser sandbox: no Node global '${name}'; ask the backend through the api client. ` +
    'See docs/ARCHITECTURE.md "Layering".',
});

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    ignores: ['renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{js,jsx,mjs,cjs,ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'module'].map(nodeGlobal)],
    },
  },
  {
    // Playwright fixtures must destructure their first argument, even when they need nothing.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  layering,
  {
    // The one place that opens write transactions (synchronously, on better-sqlite3).
    files: ['db/transaction.ts'],
    rules: { 'reviewdesk/sync-transactions': 'off' },
  },
  {
    plugins: { reviewdesk },
    rules: { 'reviewdesk/max-lines': ['error', { max: 400 }] },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'tests/**', 'bench/**'],
    rules: { 'reviewdesk/max-lines': ['error', { max: 600 }] },
  },
);
