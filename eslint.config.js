import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const electronPatterns = { group: ['electron', 'electron/*'], message: electron.message };
const nodeBuiltins = { group: ['node:*'], message: 'This layer runs without Node: no node:* imports.' };
const dbOrCore = {
  group: ['**/db', '**/db/**', '**/electron/core', '**/electron/core/**'],
  message: 'The renderer reaches the backend only through the api client.',
};
const rendererFromBackend = { group: ['**/renderer/**'], message: 'The backend never imports the renderer.' };
// Bare Node module names that shared/ and renderer/ must not reach for either.
const bareNodeModules = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'stream', 'worker_threads'];

/** Layering, enforced: see ARCHITECTURE.md "Layering". */
const layering = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electron, ...bareNodeModules.map((name) => ({ name, message: nodeBuiltins.message }))],
        patterns: [electronPatterns, nodeBuiltins, dbOrCore, rendererFromBackend],
      }],
    },
  },
  {
    files: ['db/**/*.ts', 'electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [electronPatterns, rendererFromBackend] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'The renderer talks to the backend only through the api client.' },
          ...bareNodeModules.map((name) => ({ name, message: 'The renderer runs in a browser sandbox.' })),
        ],
        patterns: [electronPatterns, nodeBuiltins, dbOrCore],
      }],
    },
  },
];

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Playwright fixtures must destructure their first argument, even when they need nothing.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  ...layering,
);
