// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.scratch/**', 'dist/**', 'release/**', 'node_modules/**', 'test/fixtures/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Only the two Electron entry points may import the electron module: everything else must run under plain Node.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main.ts and electron/preload.ts may import electron.' }] }] },
  },
  {
    // The renderer never knows its host: no Node modules there.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'better-sqlite3', 'electron', 'exceljs'], message: 'renderer/ and shared/ stay free of Node and Electron.' }] }],
    },
  },
  {
    // CLI and scripts talk to the terminal.
    files: ['electron/cli.ts', 'electron/cli/**/*.ts', 'electron/web.ts', 'electron/start.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
