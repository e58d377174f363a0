// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Modules that hold or reach the API key: page-facing code must never import them. */
const KEY_HOLDERS = [
  {
    group: ['**/keyapi', '**/keyapi/**', '@/lib/keyapi', '@/lib/keyapi/**'],
    message:
      'The API client is background-only: the key must be unreachable from page-facing code.',
  },
  {
    group: [
      '**/trending/service*',
      '**/trending/store*',
      '**/trending/credits*',
      '@/lib/trending/service*',
    ],
    message: 'The data service is background-only; ask it through lib/messaging instead.',
  },
  {
    group: ['**/background', '**/background/**', '@/entrypoints/background*'],
    message: 'Page-facing code may not import the background.',
  },
  {
    group: ['**/vault', '@/lib/vault'],
    message: 'The vault (key, credits, gates) is for the background and extension pages only.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'coverage/**',
      '.e2e-artifacts/**',
      'e2e/fixtures/tiktok/build/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // WXT auto-imports (defineBackground, defineContentScript, browser, storage …) are declared in .wxt/.
    files: ['entrypoints/**'],
    rules: { 'no-undef': 'off' },
  },
  {
    // Page-facing code: the content script and the highlighter it runs.
    files: [
      'entrypoints/*.content/**',
      'entrypoints/*.content.*',
      'lib/highlight/**',
      'lib/tiktok/**',
      'lib/caption/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: KEY_HOLDERS }] },
  },
  {
    // API data is rendered as text: never as HTML.
    files: ['entrypoints/**', 'components/**', 'lib/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render API data as text, never as HTML.',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render API data as text (textContent), never as HTML.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Render API data as text, never as HTML.',
        },
      ],
    },
  },
);
