// npm run codegen — generated output is committed; `npm run codegen:check` fails when it is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { APPSYNC_DECLARATIONS_FILE } from 'appsync-twin/authoring';

const config: CodegenConfig = {
  overwrite: true,
  // AppSync's implicit scalars and directives come from the twin's public declarations, not a path inside it.
  schema: ['schema.graphql', APPSYNC_DECLARATIONS_FILE],
  config: {
    scalars: {
      AWSDate: 'string',
      AWSTime: 'string',
      AWSDateTime: 'string',
      AWSTimestamp: 'number',
      AWSEmail: 'string',
      AWSJSON: 'string',
      AWSURL: 'string',
      AWSPhone: 'string',
      AWSIPAddress: 'string',
    },
    enumsAsTypes: true,
  },
  generates: {
    'client/src/gql/': {
      preset: 'client',
      documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**'],
      config: { useTypeImports: true },
      presetConfig: { fragmentMasking: false },
    },
    'resolvers/types/schema.ts': {
      plugins: ['typescript'],
      config: {
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
      },
    },
  },
  ignoreNoDocuments: true,
};

export default config;
