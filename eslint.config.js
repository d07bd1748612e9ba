// ESLint 9 flat config. TypeScript files get typescript-eslint's `recommendedTypeChecked`: the
// recommended rules plus those that need types (floating promises, awaiting non-promises,
// unsafe `any` flowing into typed code, misused promises, unnecessary type assertions). Prettier
// owns formatting (`npm run format`), so eslint-config-prettier switches off the style rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'docs/api/', 'web/dist/', '**/*.d.ts', '.examples/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'scripts/*.mjs', 'test/support/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        AbortSignal: 'readonly',
        structuredClone: 'readonly',
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // node:test's test() and describe() return promises the runner awaits itself.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      // Field (a place in a document) prints as `criteria[1].preferences`: made for messages.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allowNumber: true,
          allowBoolean: true,
          allowNullish: true,
          allowRegExp: true,
          allowAny: true,
          allow: [{ from: 'file', name: 'Field', path: 'src/schema/field.ts' }],
        },
      ],
      // `_name` marks a parameter or binding kept for its position.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests, benches and scripts read untyped JSON (HTTP responses, result files) on purpose and
    // assert on it; the unsafe-any rules would only ask for casts there.
    files: ['test/**', 'bench/**', 'scripts/**', 'examples/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Fixtures hand async callbacks to APIs that take promises, awaiting nothing themselves.
      '@typescript-eslint/require-await': 'off',
      // Untyped JSON is typed `any` on purpose, and assertion messages print whatever they got.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      // Tests destructure module namespaces (`const { join } = await import('node:path')`).
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Fastify plugins and handlers are async by contract (a plugin that returns a promise is
    // done when it settles), whether or not their body awaits anything.
    files: ['api/**'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
);
