// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The process boundary, enforced here rather than remembered (STYLE.md, habit 2):
 *   electron/core imports neither 'electron' nor the transports around it;
 *   renderer imports nothing from electron/;
 *   shared imports neither side, nor Node built-ins (the renderer runs it too).
 */
const zones = {
  core: {
    paths: [
      { name: 'electron', message: 'electron/core is plain Node: it never imports electron.' },
    ],
    patterns: [
      {
        regex: '^(\\.\\./)+(main|preload|web|cli|launcher)(/|$)',
        message:
          'electron/core must not depend on a transport (main, preload, web, cli, launcher).',
      },
    ],
  },
  renderer: {
    paths: [{ name: 'electron', message: 'The renderer is untrusted: it never imports electron.' }],
    patterns: [
      {
        regex: '(^|/)electron(/|$)',
        message: 'The renderer imports nothing from electron/: use lib/api-client.',
      },
      { regex: '^node:', message: 'The renderer runs in a browser: no Node built-ins.' },
    ],
  },
  shared: {
    paths: [{ name: 'electron', message: 'shared/ imports neither side.' }],
    patterns: [
      { regex: '(^|/)(electron|renderer)(/|$)', message: 'shared/ imports neither side.' },
      { regex: '^node:', message: 'shared/ runs in the renderer too: no Node built-ins.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Named exports only (STYLE.md, habit 8).',
        },
      ],
    },
  },
  {
    files: ['eslint.config.js', '*.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/**/*.ts', 'test/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  { files: ['electron/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', zones.core] } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', zones.renderer] },
  },
  { files: ['shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', zones.shared] } },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
