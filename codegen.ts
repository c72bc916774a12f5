import { existsSync, readFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { SUBGRAPH_NAMES } from './schema/subgraphs.js';

/** How our custom scalars look inside resolvers (what Drizzle returns) and on the wire for clients. */
const serverScalars = {
  DateTime: { input: 'Date', output: 'Date | string' },
  Date: { input: 'Date', output: 'Date | string' },
  EmailAddress: 'string',
  CountryCode: 'string',
  Currency: 'string',
  UUID: 'string',
  IP: 'string',
  TimeZone: 'string',
  NonNegativeInt: 'number',
  PositiveInt: 'number',
  JSON: 'unknown',
  JSONObject: 'Record<string, unknown>',
};
const clientScalars = Object.fromEntries(
  Object.entries(serverScalars).map(([name, type]) => [name, typeof type === 'string' ? type : 'string']),
);

/** Each subgraph maps its entities to its Drizzle row types in subgraphs/<name>/codegen-mappers.json. */
const subgraphTargets = Object.fromEntries(
  SUBGRAPH_NAMES.map((name) => [
    `subgraphs/${name}/generated/resolvers-types.ts`,
    {
      schema: `subgraphs/${name}/schema.graphql`,
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: false,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../../../kit/subgraph.js#RequestContext',
        mapperTypeSuffix: 'Model',
        mappers: mappersFor(name),
        scalars: serverScalars,
        resolverTypeWrapperSignature: 'T | Promise<T>',
      },
    },
  ]),
);

/** subgraphs/<name>/codegen-mappers.json maps GraphQL types to row types, relative to generated/. */
function mappersFor(name: string): Record<string, string> {
  const path = `subgraphs/${name}/codegen-mappers.json`;
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...subgraphTargets,
    // The typed client package: one document per operation, a manifest of their hashes for
    // trusted documents, and documents that apps write with graphql() in their own sources.
    'clients/typescript/src/generated/': {
      schema: 'schema/api.graphql',
      documents: ['clients/typescript/operations/**/*.graphql', 'apps/*/src/**/*.{ts,tsx}'],
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        scalars: clientScalars,
        useTypeImports: true,
        enumsAsTypes: true,
        importExtension: '.js',
        // Documents are strings: a client needs no GraphQL parser or printer at run time.
        documentMode: 'string',
      },
    },
  },
};

export default config;
