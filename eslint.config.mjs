// Lint: type-checked rules for the TypeScript library and nodes; the recommended set for the
// JavaScript of tests, scripts and the editor.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', '.eslintcache', 'node_modules/**', '.demo/**', 'coverage/**', 'test/e2e/screenshots/**'] },
  {
    files: ['src/**/*.ts', 'nodes/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Node-RED's constructor functions name their `this` node; the closures use it.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['node'] }],
      // Destructuring a field away on purpose names it with a leading underscore.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Stores and the simulator implement Promise interfaces without awaiting: a throw in an
      // async method becomes the rejection the caller handles.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.mocha } },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }] },
  },
  {
    // Lines stay readable: Prettier wraps code at 120 but not strings and comments, which are split by
    // hand. URLs are left whole. (The core rule is deprecated for formatting but still works.)
    files: ['src/**/*.ts', 'nodes/**/*.ts', 'test/**/*.js', 'scripts/**/*.js', 'resources/**/*.js'],
    // Markdown table rows written by the benchmark scripts stay one line each.
    rules: { 'max-len': ['error', { code: 120, ignoreUrls: true, ignorePattern: '^\\| ' }] },
  },
  {
    // Functions handed to page.evaluate() run in the editor's page.
    files: ['test/browser/**/*.js'],
    languageOptions: { globals: { ...globals.browser, RED: 'readonly', $: 'readonly' } },
  },
  {
    files: ['resources/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser, RED: 'readonly', $: 'readonly', jQuery: 'readonly' },
    },
  },
);
