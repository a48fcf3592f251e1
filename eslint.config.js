import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      '.bench/**',
      'test-results/**',
      'node_modules/**',
      '.tools/**',
      'test/fixtures/**',
      'resources/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // src/shared runs everywhere: no Node built-ins, no Electron, no DOM-bound libraries, no native modules.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src/shared must stay free of Node built-ins.' },
            {
              group: ['electron', 'react', 'react-dom', 'sigma', 'sigma/*', 'better-sqlite3'],
              message: 'src/shared is pure TypeScript.',
            },
            {
              group: ['fs', 'path', 'os', 'crypto', 'stream', 'zlib', 'worker_threads', 'child_process'],
              message: 'src/shared must stay free of Node built-ins.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only src/main/app talks to Electron.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src/main/app imports electron.' }] },
      ],
    },
  },
);
