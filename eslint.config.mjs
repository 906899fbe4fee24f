// Lint: typescript-eslint's recommended rules, plus the architecture's import boundaries
// (DESIGN.md conventions 1 and 2): src-shared imports nothing platform-specific, the renderer
// imports only src-shared, and nothing in the engine imports electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'net', 'dgram', 'http', 'https', 'child_process', 'events'];

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']", message: 'Servers never process.exit (DESIGN.md convention 5); set process.exitCode.' }],
    },
  },
  {
    files: ['test/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, 'electron', '**/src-main/**', '**/src-renderer/**', 'react*'], message: 'src-shared is pure: no Node, DOM, electron or app code.' }] }],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, 'electron', '**/src-main/**'], message: 'The renderer imports only src-shared (and browser libraries).' }] }],
    },
  },
  {
    files: ['src-main/**'],
    ignores: ['src-main/main.ts', 'src-main/preload.ts', 'src-main/shell/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only the Electron shell (main.ts, preload.ts, shell/) imports electron: the engine runs headless too.' }] }],
    },
  },
);
