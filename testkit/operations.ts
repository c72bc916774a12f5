import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

/**
 * Builds operations from the public API schema (schema/api.graphql), so that the hostile-input,
 * fuzzing and access-control suites cover every subgraph composed into it without naming one.
 */

export function loadApiSchema(): GraphQLSchema {
  return buildSchema(readFileSync(new URL('../schema/api.graphql', import.meta.url), 'utf8'));
}

export interface RootField {
  operation: 'query' | 'mutation';
  name: string;
  field: GraphQLField<unknown, unknown>;
}

export function rootFields(schema: GraphQLSchema): RootField[] {
  const out: RootField[] = [];
  for (const [operation, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {}))
      out.push({ operation, name: field.name, field });
  }
  return out;
}

/** A value every scalar of the platform accepts (graphql-scalars and the built-ins). */
export function validScalar(name: string): unknown {
  switch (name) {
    case 'String':
      return 'fuzz';
    case 'ID':
    case 'UUID':
      return randomUUID();
    case 'Int':
    case 'NonNegativeInt':
    case 'PositiveInt':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'EmailAddress':
      return 'fuzz@example.com';
    case 'Date':
      return '2000-01-01';
    case 'DateTime':
      return '2026-01-01T00:00:00Z';
    case 'CountryCode':
      return 'DE';
    case 'Currency':
      return 'EUR';
    case 'IP':
      return '127.0.0.1';
    case 'TimeZone':
      return 'Europe/Berlin';
    case 'JSON':
    case 'JSONObject':
      return {};
    default:
      return 'fuzz';
  }
}

/** The smallest valid value of an input type: required input fields only, lists of one. */
export function minimalValue(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return minimalValue(type.ofType, depth);
  if (isListType(type)) return [minimalValue(type.ofType, depth + 1)];
  if (isEnumType(type)) return type.getValues()[0]?.name ?? null;
  if (isScalarType(type)) return validScalar(type.name);
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    if (depth > 6) return value;
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        value[field.name] = minimalValue(field.type, depth + 1);
    }
    return value;
  }
  return null;
}

/** Arguments for a field: every required argument with its minimal value. */
export function minimalArgs(args: readonly GraphQLArgument[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const arg of args) {
    if (isNonNullType(arg.type) && arg.defaultValue === undefined) out[arg.name] = minimalValue(arg.type);
  }
  return out;
}

export type Path = (string | number)[];

export interface Slot {
  /** Path inside the arguments object: argument name, then input fields and list indexes. */
  path: Path;
  /** The named scalar at that position (String, ID, ...). */
  scalar: string;
  nullable: boolean;
}

/** Every position in a field's arguments where a leaf of one of the given scalars can go. */
export function slotsOf(
  args: readonly GraphQLArgument[],
  scalars: ReadonlySet<string> = new Set(['String', 'ID']),
): Slot[] {
  const out: Slot[] = [];
  const walk = (type: GraphQLInputType, path: Path, seen: Set<string>) => {
    const nullable = !isNonNullType(type);
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      walk(inner.ofType, [...path, 0], seen);
      return;
    }
    if (isScalarType(inner)) {
      if (scalars.has(inner.name)) out.push({ path, scalar: inner.name, nullable });
      return;
    }
    if (isInputObjectType(inner)) {
      if (seen.has(inner.name)) return;
      const next = new Set(seen).add(inner.name);
      for (const field of Object.values(inner.getFields())) walk(field.type, [...path, field.name], next);
    }
  };
  for (const arg of args) walk(arg.type, [arg.name], new Set());
  return out;
}

/** Minimal valid arguments with one position replaced (containers on the way are created minimally). */
export function argsWith(
  args: readonly GraphQLArgument[],
  path: Path,
  value: unknown,
): Record<string, unknown> {
  const root = minimalArgs(args);
  const [name, ...rest] = path as [string, ...Path];
  const arg = args.find((a) => a.name === name);
  if (!arg) throw new Error(`no argument ${name}`);
  root[name] = setIn(root[name], arg.type, rest, value);
  return root;
}

function setIn(current: unknown, type: GraphQLInputType, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const inner = isNonNullType(type) ? type.ofType : type;
  const [key, ...rest] = path as [string | number, ...Path];
  if (isListType(inner)) {
    const list = Array.isArray(current) ? [...current] : [minimalValue(inner.ofType)];
    list[key as number] = setIn(list[key as number], inner.ofType, rest, value);
    return list;
  }
  if (isInputObjectType(inner)) {
    const object = { ...((current as Record<string, unknown>) ?? (minimalValue(inner) as object)) };
    const field = inner.getFields()[key as string];
    if (!field) throw new Error(`no input field ${key}`);
    object[key as string] = setIn(object[key as string], field.type, rest, value);
    return object;
  }
  return value;
}

export interface SelectionOptions {
  /** How deep object fields nest below the root field. */
  depth?: number;
  /** Picks a subset of fields; all by default. */
  pick?: <T>(items: T[]) => T[];
  /** Fields never selected (e.g. ones that need arguments the caller cannot supply). */
  skip?: (type: GraphQLNamedType, field: GraphQLField<unknown, unknown>) => boolean;
  /** Adds __typename to every object, so a response tells which type each object is. */
  typename?: boolean;
}

/** A selection set for an output type: its leaves, and objects below it to the given depth. */
export function selectionFor(type: GraphQLOutputType, options: SelectionOptions = {}, level = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  const depth = options.depth ?? 2;
  const pick = options.pick ?? (<T>(items: T[]) => items);
  if (isUnionType(named) || isInterfaceType(named)) {
    const members = isUnionType(named) ? named.getTypes() : [];
    const parts = ['__typename'];
    for (const member of members) {
      const inner = objectFields(member, options, level, depth, pick);
      if (inner) parts.push(`... on ${member.name} { ${inner} }`);
    }
    if (isInterfaceType(named)) {
      const inner = objectFields(named, options, level, depth, pick);
      if (inner) parts.push(inner);
    }
    return `{ ${parts.join(' ')} }`;
  }
  const inner = objectFields(named, options, level, depth, pick);
  if (options.typename) return `{ __typename ${inner} }`;
  return `{ ${inner || '__typename'} }`;
}

function objectFields(
  type: GraphQLNamedType,
  options: SelectionOptions,
  level: number,
  depth: number,
  pick: <T>(items: T[]) => T[],
): string {
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const parts: string[] = [];
  for (const field of pick(Object.values(type.getFields()))) {
    if (options.skip?.(type, field)) continue;
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (level < depth) {
      const inner = selectionFor(field.type, options, level + 1);
      if (inner) parts.push(`${field.name} ${inner}`);
    }
  }
  return parts.join(' ');
}

/** The GraphQL type of an argument as it is written in a variable definition. */
export function typeString(type: GraphQLInputType): string {
  return type.toString();
}

/** An operation calling one root field, every argument passed as a variable. */
export function operationFor(
  root: RootField,
  args: Record<string, unknown>,
  selection = selectionFor(root.field.type),
): { query: string; variables: Record<string, unknown> } {
  const used = root.field.args.filter((a) => a.name in args);
  const definitions = used.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ');
  const call = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const query = `${root.operation} ${definitions ? `(${definitions})` : ''} { ${root.name}${call ? `(${call})` : ''} ${selection} }`;
  return { query, variables: Object.fromEntries(used.map((a) => [a.name, args[a.name]])) };
}

/** Text that must never reach a client: stack frames and database error text. */
export const STACK_TRACE = /\n\s+at |\bat [\w$.<>]+ \([^)]*:\d+:\d+\)|\.(?:ts|js|mjs|cjs):\d+:\d+/;
export const SQL_TEXT =
  /syntax error at or near|relation "[^"]*"|column "[^"]*" (?:does not exist|of relation)|violates [\w -]*constraint|duplicate key value|Failed query|PostgresError|invalid input syntax for type|current transaction is aborted|drizzle|pg_catalog/i;

/** Injection strings used wherever a text argument goes. */
export const SQL_INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE identity.users; --",
  '1; SELECT pg_sleep(5) --',
  '" OR ""="',
  "%' UNION SELECT null, version() --",
  "admin'--",
  ') OR 1=1 --',
  '$$; DELETE FROM identity.sessions; $$',
  "\\'; TRUNCATE identity.users CASCADE; --",
  "x' AND (SELECT count(*) FROM pg_catalog.pg_tables) > 0 --",
];

/**
 * Removes what the client itself sent (responses may echo input back, e.g. a saved first name or
 * a bad value in a validation message) before looking for leaked SQL.
 */
export function withoutEcho(text: string, sent: string[]): string {
  let out = text;
  for (const value of sent) {
    for (const form of [value, JSON.stringify(value).slice(1, -1)]) {
      if (form) out = out.split(form).join('');
    }
  }
  return out;
}

/** A field that takes a given argument, with the ways to reach it from Query (shortest first). */
export interface NestedArgumentField {
  /** `Owner.field`, e.g. `Trainer.clients`. */
  name: string;
  /** The argument's type as written in a variable definition. */
  argumentType: string;
  /** Field names from Query down to the field itself, through fields that need no argument. */
  paths: string[][];
}

/**
 * Every field of the API, at any depth, that takes an argument of this name (e.g. every `after`),
 * found from the schema so a field a subgraph adds later is covered without naming it.
 */
export function fieldsWithArgument(
  schema: GraphQLSchema,
  argument: string,
  maxDepth = 4,
): NestedArgumentField[] {
  const found = new Map<string, NestedArgumentField>();
  const walk = (type: GraphQLNamedType, prefix: string[], seen: ReadonlySet<string>) => {
    if (!isObjectType(type)) return;
    for (const field of Object.values(type.getFields())) {
      const path = [...prefix, field.name];
      const arg = field.args.find((a) => a.name === argument);
      if (arg) {
        const name = `${type.name}.${field.name}`;
        const entry = found.get(name) ?? { name, argumentType: arg.type.toString(), paths: [] };
        entry.paths.push(path);
        found.set(name, entry);
      }
      const named = getNamedType(field.type);
      const needsArguments = field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      if (!needsArguments && path.length < maxDepth && !seen.has(named.name))
        walk(named, path, new Set(seen).add(named.name));
    }
  };
  const query = schema.getQueryType();
  if (query) walk(query, [], new Set([query.name]));
  for (const entry of found.values()) entry.paths.sort((a, b) => a.length - b.length);
  return [...found.values()];
}

/** A query reaching a nested field through `path` and passing `$value` as its `argument`. */
export function nestedOperation(path: string[], argument: string, argumentType: string): string {
  const field = path[path.length - 1];
  const inner = `${field}(${argument}: $value) { __typename }`;
  const body = path.slice(0, -1).reduceRight((selection, parent) => `${parent} { ${selection} }`, inner);
  return `query($value: ${argumentType}) { ${body} }`;
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');
const SOME_UUID = '3f1c9a52-6a0e-4a8b-9c1d-2b7e4f8a9d10';
const SOME_INSTANT = '2026-01-01T00:00:00.000Z';

/**
 * Cursors a client forges: not base64 at all, base64 of garbage, and the server's own shape
 * (base64url JSON of the sort key) with each kind of sort-key value (timestamp, uuid, integer,
 * real, text) wrong in type or beyond what PostgreSQL accepts. Every list must refuse each one as
 * the client's mistake.
 */
export const FORGED_CURSORS: readonly string[] = [
  '!',
  'not a cursor',
  'x'.repeat(2000),
  base64url('garbage'),
  base64url('{"a":1}'),
  base64url('[]'),
  base64url('[null,null]'),
  base64url('[1,2]'),
  base64url('["x","y"]'),
  base64url(JSON.stringify([SOME_INSTANT, '------------------------------------'])),
  base64url(JSON.stringify([SOME_INSTANT, `{${SOME_UUID}}`])),
  base64url(JSON.stringify(['1', SOME_UUID])),
  base64url(JSON.stringify(['0000-01-01T00:00:00.000Z', SOME_UUID])),
  base64url(JSON.stringify(['+275760-09-13T00:00:00.000Z', SOME_UUID])),
  base64url(JSON.stringify(['2026-02-30T00:00:00.000Z', SOME_UUID])),
  base64url(JSON.stringify(['\ud800', SOME_UUID])),
  base64url(JSON.stringify(['\u0000', SOME_UUID])),
  base64url(JSON.stringify([1e300, SOME_UUID])),
  base64url(JSON.stringify([2 ** 31, SOME_UUID])),
  base64url(JSON.stringify([1.5, SOME_UUID])),
  base64url(JSON.stringify([1e300, SOME_INSTANT, SOME_UUID])),
  base64url(JSON.stringify([1e-300, SOME_INSTANT, SOME_UUID])),
  base64url(JSON.stringify(['1', '0000-01-01T00:00:00.000Z', SOME_UUID])),
];

/**
 * Ids that are not UUIDs, some with a UUID's length or look: every ID argument must refuse them
 * with BAD_USER_INPUT. (An upper-case UUID is a UUID and is not here.)
 */
export const MALFORMED_IDS: readonly unknown[] = [
  '------------------------------------',
  `{${SOME_UUID}}`,
  'ZZZZZZZZ-0000-0000-0000-000000000000',
  SOME_UUID.replace(/-/g, ''),
  `${SOME_UUID}0`,
  `${SOME_UUID}\n`,
  ` ${SOME_UUID}`,
  `${SOME_UUID}' OR '1'='1`,
  '',
  'null',
  42,
];

/** Strings with half a surrogate pair: no UTF-8 text can hold them. */
export const LONE_SURROGATES: readonly string[] = [
  '\ud800',
  'abc\udfffdef',
  '💪'.slice(0, 1),
  `x${'💪'.slice(1)}`,
];
