// ESLint: the recommended rules of ESLint and typescript-eslint, plus no `any` and no unused
// code. Formatting is Prettier's job (.prettierrc.json); `npm run lint` runs both.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/generated/', 'coverage/', '.dist-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Text checks and escaping match control characters on purpose (src/model/text.ts,
      // src/render/escape.ts, src/render/docx/ooxml.ts): the rule would flag each of them.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Standard output and error go through src/cli/stdio.ts, which writes without Node's
  // streams where it can and guards them where it makes them: a stream made elsewhere would
  // have no handler for a closed pipe.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/stdio.ts', 'src/cli/progress.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'stdout', message: 'Write through src/cli/stdio.ts.' },
        { object: 'process', property: 'stderr', message: 'Write through src/cli/stdio.ts.' },
      ],
      'no-console': 'error',
    },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
