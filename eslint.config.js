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
    // The twin (infra/local, the future `appsync-twin` package) is used through its entries only:
    // index (the public API), testing (its parts, for tests and benchmarks), authoring (for CDK code).
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['infra/local/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)infra/local(/(?!(index|testing|authoring)$).*)?$',
              message:
                'Import the twin through infra/local/index (public API), infra/local/testing or infra/local/authoring only.',
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
              regex: '^(\\.\\./)+local(/(?!authoring$).*)?$',
              message: 'CDK code may import the twin only through infra/local/authoring.',
            },
          ],
        },
      ],
    },
  },
  {
    // Dependencies point one way: the twin never imports Marquee (its CDK code, scripts, tests, resolvers).
    files: ['infra/local/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(lib|bin|scripts|test|bench|resolvers|functions|client|media|infra)(/|$)',
              message: 'The twin must not import Marquee code: give it an option or hook instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}', 'infra/local/explorer/web/**/*.{ts,tsx}'],
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
