// Lint: recommended rules for JavaScript and TypeScript, plus the layering the architecture
// relies on (see README "Architecture"): the core stays pure, views never reach into commands.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const coreForbidden = {
  paths: [
    { name: 'vscode', message: 'src/core is pure: no VS Code API here (put it in services/ or views/).' },
    ...['child_process', 'node:child_process'].map((name) => ({ name, message: 'src/core runs no processes (the notes check lives in src/cli/).' })),
    ...['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({ name, message: 'src/core reads no files: file access belongs in src/loader/ or src/cli/.' })),
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'notes/**', '**/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // `catch {}` marks a failure that is expected and harmless (a probe, a best-effort cleanup).
      'no-empty': ['error', { allowEmptyCatch: true }],
      // File-name and text sanitising matches control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'esbuild.mjs', 'eslint.config.mjs'],
    // Node scripts; `document` appears in functions Playwright runs inside the page.
    languageOptions: {
      globals: Object.fromEntries(['console', 'process', 'setTimeout', 'clearTimeout', 'URL', 'Buffer', 'fetch', 'performance', 'document'].map((g) => [g, 'readonly'])),
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', coreForbidden] },
  },
  {
    files: ['src/views/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/commands/**', '../commands', '../commands/*'], message: 'Views never import commands: run them by id (vscode.commands.executeCommand) or move shared code to services/.' }] }],
    },
  },
);
