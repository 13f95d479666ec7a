// Lint, including the layer rules of ARCHITECTURE.md: a wrong import fails the build.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const layer = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group, message })) }];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', '.native/', '.e2e-artifacts/', 'coverage/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // shared/: pure TypeScript, imports nothing of ours outside itself, no Node, no DOM.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        [
          [
            '**/electron/**',
            '**/renderer/**',
            '**/server/**',
            'electron',
            'electron-updater',
            'node:*',
            'fs',
            'path',
            'os',
            'better-sqlite3',
            'better-sqlite3-multiple-ciphers',
            'react',
            'react-dom',
            'pg',
            '@electric-sql/pglite',
            'fastify',
          ],
        ],
        'shared/ is pure TypeScript: it may not import electron, renderer, server or Node/DOM modules.',
      ),
    },
  },
  // renderer/: only shared/ and browser libraries.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/electron/**',
                '**/server/**',
                'electron',
                'electron-updater',
                'node:*',
                'fs',
                'path',
                'os',
                'child_process',
                'better-sqlite3',
                'better-sqlite3-multiple-ciphers',
                'pg',
                '@electric-sql/pglite',
                'fastify',
              ],
              message: 'renderer/ may import only shared/ and browser libraries; reach the main process through api.ts.',
            },
          ],
          // InputNumber clamps to min/max and rounds to its precision on blur: a typed value changes silently.
          paths: [
            {
              name: 'antd',
              importNames: ['InputNumber'],
              message: 'Use components/NumberInput with a numberRule from lib/numbers: it refuses instead of clamping.',
            },
          ],
        },
      ],
    },
  },
  // Times are stored in UTC and shown in the user's zone through shared/time.ts, never sliced.
  {
    files: ['renderer/**/*.{ts,tsx}', 'electron/services/**/*.ts', 'server/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='replace'][arguments.0.value='T']",
          message: "Show times with formatDateTime / localDate from shared/time.ts (the user's zone), not by slicing the UTC string.",
        },
        {
          selector: "CallExpression[callee.property.name='validateFields']",
          message: 'Use validated(form) from lib/formErrors: a refused form is not an error to log.',
        },
      ],
    },
  },
  // Renderer tests may use the real services through test/support, nothing else of electron/.
  {
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': layer(
        [['**/electron/**', '**/server/**', 'electron']],
        'renderer tests reach services only through test/support.',
      ),
    },
  },
  // services, CLI and harness: plain Node over shared/, never electron, the renderer or the server.
  {
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts', 'electron/harness/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        [
          [
            'electron',
            'electron-updater',
            '**/renderer/**',
            '**/main/**',
            '**/preload/**',
            '**/server/**',
            'pg',
            '@electric-sql/pglite',
            'fastify',
            'fastify/*',
            '@fastify/*',
          ],
        ],
        'services, CLI and harness are plain Node over shared/: no electron module, no renderer, no main/preload, and nothing of the central server (it is reached over HTTP).',
      ),
    },
  },
  // server/: the central service imports shared/ only; SQLite and Electron are the desktop's.
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        [
          [
            'electron',
            'electron-updater',
            '**/electron/**',
            '**/renderer/**',
            'better-sqlite3',
            'better-sqlite3-multiple-ciphers',
            'react',
            'react-dom',
          ],
        ],
        'server/ imports shared/ only: what it shares with the desktop lives in shared/, never in electron/ or the renderer.',
      ),
    },
  },
  // preload: only electron and the shared contract.
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        [['**/renderer/**', '**/services/**', '**/server/**', 'node:*', 'fs', 'path']],
        'the sandboxed preload may import only electron and shared/.',
      ),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        [['**/renderer/**', '**/server/**']],
        'main wires services to Electron; it never imports the renderer or server.',
      ),
    },
  },
  // Formatting is Prettier's (npm run format), checked by npm test; lint keeps to correctness.
  prettier,
);
