import { existsSync, readFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { type DocumentNode, Kind, type ObjectTypeDefinitionNode, parse, type TypeNode } from 'graphql';
import { problemTypeNames } from './kit/problems.js';
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

/**
 * subgraphs/<name>/codegen-mappers.json maps GraphQL types to row types, relative to generated/.
 * A Problem type's `code` comes from the kit (kit/problems.ts), so its resolvers return it without one.
 */
function mappersFor(name: string): Record<string, string> {
  const path = `subgraphs/${name}/codegen-mappers.json`;
  const rows = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
  const sdl = parse(readFileSync(`subgraphs/${name}/schema.graphql`, 'utf8'));
  const problems = problemTypeNames(sdl).map((type) => [type, problemMapper(sdl, type)]);
  return { ...Object.fromEntries(problems), ...connectionMappers(sdl), ...rows };
}

/**
 * A connection's totalCount is a function the default resolver calls only when a client selects
 * it (kit/pagination.ts, `Page`), so the count query runs only then.
 */
function connectionMappers(sdl: DocumentNode): Record<string, string> {
  const mappers: Record<string, string> = {};
  for (const definition of sdl.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || !definition.name.value.endsWith('Connection'))
      continue;
    const nodes = definition.fields?.find((field) => field.name.value === 'nodes');
    if (!nodes) continue;
    const baseName = (type: TypeNode): string =>
      type.kind === Kind.NAMED_TYPE ? type.name.value : baseName(type.type);
    const name = definition.name.value;
    mappers[name] =
      `Omit<${name}, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['${baseName(nodes.type)}']>; totalCount: () => Promise<number> }`;
  }
  return mappers;
}

/**
 * `Omit<T, 'code'>`, keeping what codegen does by itself for fields of object types (their
 * resolver types, so a field may hold a mapped row).
 */
function problemMapper(sdl: DocumentNode, typeName: string): string {
  const composite = new Set(
    sdl.definitions
      .filter((d) =>
        [Kind.OBJECT_TYPE_DEFINITION, Kind.INTERFACE_TYPE_DEFINITION, Kind.UNION_TYPE_DEFINITION].includes(
          d.kind,
        ),
      )
      .map((d) => (d as { name: { value: string } }).name.value),
  );
  const definition = sdl.definitions.find(
    (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === typeName,
  );
  const baseName = (type: TypeNode): string =>
    type.kind === Kind.NAMED_TYPE ? type.name.value : baseName(type.type);
  const render = (type: TypeNode, nullable = true): string => {
    if (type.kind === Kind.NON_NULL_TYPE) return render(type.type, false);
    const inner =
      type.kind === Kind.LIST_TYPE ? `Array<${render(type.type)}>` : `ResolversTypes['${type.name.value}']`;
    return nullable ? `Maybe<${inner}>` : inner;
  };
  const objectFields = (definition?.fields ?? []).filter((field) => composite.has(baseName(field.type)));
  const omitted = ['code', ...objectFields.map((field) => field.name.value)].map((f) => `'${f}'`).join(' | ');
  const kept = objectFields.map(
    (field) =>
      `${field.name.value}${field.type.kind === Kind.NON_NULL_TYPE ? '' : '?'}: ${render(field.type)}`,
  );
  return kept.length === 0
    ? `Omit<${typeName}, ${omitted}>`
    : `Omit<${typeName}, ${omitted}> & { ${kept.join('; ')} }`;
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
