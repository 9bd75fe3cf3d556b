// Lint rules that keep the architecture honest (docs/ARCHITECTURE.md): core is pure, packages import
// each other only through their public entry, and exchanges/dialogues never reach into SAR modules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'net', 'crypto'];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '.tsbuild/**', '**/dist/**', 'out/**', 'coverage/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tandem/*/src/*', '@tandem/*/*'],
              message: 'Import a package only through its public entry (e.g. "@tandem/core").',
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'core has no I/O.' })),
          patterns: [
            { group: ['node:*'], message: 'core is pure: no Node built-ins (I/O belongs in adapters).' },
            { group: ['@tandem/*'], message: 'core imports nothing outside itself.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness is an input: take an Rng.' },
        { object: 'Date', property: 'now', message: 'Time is an input: no wall clock in core.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core runs in the browser too.' },
        { name: 'Buffer', message: 'core runs in the browser too.' },
      ],
    },
  },
  {
    files: ['packages/core/src/exchanges/**/*.ts', 'packages/core/src/dialogues/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../drift/*', '../search/*', '../drills/*', '../forcing/*'], message: 'No SAR imports here.' },
          ],
        },
      ],
    },
  },
  {
    // Web components wire state to views; numeric code lives in core (architecture.md, ADR 0007).
    files: ['packages/web/src/**/*.tsx'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sqrt', 'hypot', 'exp', 'log', 'PI'].map(
          (property) => ({
            object: 'Math',
            property,
            message: 'No numeric code in .tsx: put it in core (or a tested .ts module) and call it.',
          }),
        ),
      ],
    },
  },
);
