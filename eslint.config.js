import js from '@eslint/js';
import appsync from '@aws-appsync/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'cdk.out/**',
      'dist/**',
      'client/dist/**',
      '.data/**',
      '.build/**',
      'coverage/**',
      'test-results/**',
      'client/src/gql/**',
      'resolvers/types/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The twin (the `appsync-twin` workspace package, packages/appsync-twin) is used through its entries only:
    // index (the public API), testing (its parts, for tests and benchmarks), authoring (for CDK code),
    // readiness-deadline (plain JavaScript, for configs Node loads without a TypeScript loader).
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['packages/appsync-twin/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '((^|/)infra/local|(^|/)packages/appsync-twin)(/.*)?$|^appsync-twin/(?!(testing|authoring|readiness-deadline)$)',
              message:
                'Import the twin by its package name only: appsync-twin (public API), appsync-twin/testing, appsync-twin/authoring or appsync-twin/readiness-deadline.',
            },
          ],
        },
      ],
    },
  },
  {
    // Marquee's CDK code needs only what defines an API; loading the twin into `cdk synth` is not wanted.
    files: ['infra/lib/**/*.ts', 'infra/bin/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^appsync-twin(/(?!authoring$).*)?$|(^|/)packages/appsync-twin',
              message: 'CDK code may import the twin only through appsync-twin/authoring.',
            },
          ],
        },
      ],
    },
  },
  {
    // Dependencies point one way: the twin never imports Marquee (its CDK code, scripts, tests, resolvers).
    files: ['packages/appsync-twin/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(\\.\\./)+(lib|scripts|test|bench|resolvers|functions|client|media|infra|examples)(/|$)',
              message: 'The twin must not import Marquee code: give it an option or hook instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}', 'packages/appsync-twin/src/explorer/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // APPSYNC_JS is a restricted JavaScript runtime: these rules reject what AppSync would refuse.
    files: ['resolvers/**/*.ts'],
    ...appsync.configs.recommended,
    languageOptions: {
      ...appsync.configs.recommended.languageOptions,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
);
