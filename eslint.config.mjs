// Lessons become lint rules (shared/ARCHITECTURE.md, habit 11): no floating promises, layer
// boundaries, process.env only in bot/config.ts, botbuilder only under bot/teams/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto'];
const botFramework = ['botbuilder', 'botbuilder-*', 'botframework-*'];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'tab/dist/', 'manifest/build/', 'coverage/', 'data/', 'test-results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.mjs', '*.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'error',
      'no-throw-literal': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  // process.env is read in exactly one place.
  {
    files: ['bot/**/*.ts', 'scripts/**/*.ts', 'tab/src/**/*.{ts,tsx}', 'manifest/**/*.ts', 'infra/**/*.ts'],
    ignores: ['bot/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through bot/config.ts only.' },
      ],
    },
  },
  // botbuilder stays inside bot/teams/ so a move to the Microsoft 365 Agents SDK is a one-folder change.
  {
    files: ['bot/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['bot/teams/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: botFramework, message: 'botbuilder is imported only under bot/teams/.' }] },
      ],
    },
  },
  // The domain is pure: zod and its own files, no I/O, no clock, no randomness.
  {
    files: ['bot/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$|\\./[^/]+$)', message: 'bot/domain imports only zod and other domain files.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Take the time from a Clock; the domain has no clock of its own.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Take the time from a Clock; the domain has no clock of its own.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'The domain is deterministic; take ids and randomness from a port.',
        },
      ],
    },
  },
  // Services depend on the domain and the ports only.
  {
    files: ['bot/services/**/*.ts', 'bot/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: botFramework, message: 'botbuilder is imported only under bot/teams/.' },
            {
              group: ['**/storage/**', '**/api/**', '**/teams/**', '**/jobs/**', '**/cards/**', '**/config.js'],
              message: 'Services and ports depend on bot/domain and bot/ports only.',
            },
            { group: ['better-sqlite3', 'restify', '@microsoft/*', '@azure/*', 'pino'], message: 'No adapters in services.' },
          ],
        },
      ],
    },
  },
  // Cards are pure builders: view-model in, Adaptive Card out.
  {
    files: ['bot/cards/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: botFramework, message: 'botbuilder is imported only under bot/teams/.' },
            { group: nodeBuiltins, message: 'Cards do no I/O.' },
            {
              group: ['**/storage/**', '**/services/**', '**/api/**', '**/teams/**', '**/jobs/**', '**/config.js'],
              message: 'Cards take a view-model; they do not reach into other layers.',
            },
          ],
        },
      ],
    },
  },
  // The tab talks to the server through /api/v1 and shares only the domain.
  {
    files: ['tab/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)bot/(?!domain/|i18n/format(\\.js)?$)',
              message: 'The tab may import bot/domain (and the pure message formatter bot/i18n/format) only.',
            },
          ],
        },
      ],
    },
  },
  // Tests may set environment variables for child processes and use any layer.
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
