import tseslint from 'typescript-eslint';

// Process boundaries (docs: shared/style.md): the core in src/ never imports Electron, React or
// the renderer; the renderer reaches the core only through the API contract.
export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test/bench/results/**', 'test/bench/cache/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'src/ is the pure core: no Electron.' },
          { group: ['react', 'react-dom', 'react-dom/*', 'sigma', 'sigma/*', 'zustand'], message: 'src/ is the pure core: no UI libraries.' },
          { group: ['**/renderer/**', '**/electron/**'], message: 'src/ must not import the shells.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*', 'better-sqlite3', 'node:*'], message: 'The renderer talks to the core through the API client only.' },
          { group: ['**/src/store/**', '**/src/import/**', '**/src/signals/**'], message: 'The renderer uses src/api, not the core internals.' },
        ],
      }],
    },
  },
);
