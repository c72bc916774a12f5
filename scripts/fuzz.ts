import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import {
  FORGED_CURSORS,
  fieldsWithArgument,
  LONE_SURROGATES,
  loadApiSchema,
  MALFORMED_IDS,
  type NestedArgumentField,
  nestedOperation,
  type RootField,
  rootFields,
  SQL_INJECTIONS,
  SQL_TEXT,
  STACK_TRACE,
  selectionFor,
  slotsOf,
  validScalar,
  withoutEcho,
} from '../testkit/operations.js';
import { prng } from '../kit/seeded-random.js';

/**
 * A schema-aware fuzzer for the supergraph. It reads schema/api.graphql and sends valid and
 * near-valid operations (random fields, arguments and variables; wrong types, nulls, missing and
 * unknown arguments, huge strings, injection strings, deep and aliased selections, broken syntax,
 * forged cursors in every `after` argument at any depth, malformed ids, lone UTF-16 surrogates,
 * every operation type over POST and GET) as an anonymous client and as a signed-in user. Operation i is generated from (seed, i) alone,
 * so any finding replays with `--seed S --only i` whatever the concurrency.
 *
 *   npm run fuzz -- [--count 50000] [--seed 1] [--concurrency 8] [--url http://host:4000/graphql]
 *
 * Without --url it starts the whole supergraph in this process (embedded database) and also
 * checks that memory stays flat.
 */

export interface FuzzOptions {
  url: string;
  count: number;
  seed: number;
  concurrency: number;
  /** Replays only these operation indexes. */
  only?: number[];
  /** Called at fractions of the run (0.2, 0.6, 1) so the caller can sample memory. */
  onProgress?: (fraction: number) => Promise<void> | void;
  log?: (line: string) => void;
}

export interface FuzzFinding {
  index: number;
  kind: 'http-5xx' | 'stack-trace' | 'sql-text' | 'internal-error' | 'network' | 'not-json';
  detail: string;
  request: string;
}

export interface FuzzReport {
  total: number;
  byStatus: Record<string, number>;
  byMode: Record<string, number>;
  findings: FuzzFinding[];
  durationMs: number;
  operationsPerSecond: number;
}

class Gen {
  constructor(private readonly random: () => number) {}
  float() {
    return this.random();
  }
  int(min: number, max: number) {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  chance(p: number) {
    return this.random() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }
  subset<T>(items: readonly T[], p = 0.5): T[] {
    return items.filter(() => this.random() < p);
  }
  ascii(length: number) {
    let out = '';
    for (let i = 0; i < length; i++) out += String.fromCharCode(this.int(32, 126));
    return out;
  }
  hex(length: number) {
    let out = '';
    for (let i = 0; i < length; i++) out += '0123456789abcdef'[this.int(0, 15)];
    return out;
  }
  uuid() {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${this.pick(['8', '9', 'a', 'b'])}${this.hex(3)}-${this.hex(12)}`;
  }
  instant() {
    return new Date(Date.UTC(2026, 0, 1) - this.int(0, 1e9) * 1000).toISOString();
  }
  /** Any JSON value, a few levels deep. */
  json(depth = 0): unknown {
    const kind = this.int(0, depth > 2 ? 3 : 5);
    if (kind === 0) return null;
    if (kind === 1) return this.pick([0, -1, 1.5, 2 ** 31, 1e300, -1e-300, true, false]);
    if (kind === 2 || kind === 3) return this.ascii(this.int(0, 20));
    if (kind === 4) return Array.from({ length: this.int(0, 4) }, () => this.json(depth + 1));
    return Object.fromEntries(
      Array.from({ length: this.int(0, 3) }, () => [this.ascii(4), this.json(depth + 1)]),
    );
  }
}

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'null',
  'undefined',
  '💪🏋️‍♀️🔥',
  'Ω≈ç√∫˜µ≤≥÷',
  '\u202Eevil',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4j-style lookup string, sent as text
  '${jndi:ldap://127.0.0.1/a}',
  '%00%0d%0a',
  'a'.repeat(257),
  '-1',
  '1e309',
  'NaN',
  'true',
  '[]',
  '{}',
];

const MODES = [
  'valid',
  'valid',
  'valid',
  'wrong-type',
  'null',
  'missing',
  'unknown-argument',
  'unknown-field',
  'huge-string',
  'sql-injection',
  'odd-string',
  'deep-selection',
  'aliases',
  'literals',
  'broken-syntax',
  'bad-variables',
  'huge-list',
  'extreme-number',
  'cursor-forgery',
  'malformed-id',
  'lone-surrogate',
  'operation-type',
] as const;
type Mode = (typeof MODES)[number];

interface Generated {
  mode: Mode;
  /** Sent as a GET query string (query, variables) instead of a POST body. */
  method: 'POST' | 'GET';
  body: string;
  /** Values the client sent that a response may legitimately echo. */
  sent: string[];
  signedIn: boolean;
}

const TEXT_SCALARS: ReadonlySet<string> = new Set(['String', 'ID']);

/** Values a tampered cursor carries in place of one of its sort-key values. */
const ODD_CURSOR_VALUES: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 31,
  1e300,
  -1e300,
  1e-300,
  '',
  [],
  {},
  '0000-01-01T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-02-30T00:00:00.000Z',
  '2026-01-01',
  '\u0000',
  ...MALFORMED_IDS,
  ...LONE_SURROGATES,
];

export class OperationGenerator {
  private readonly roots: RootField[];
  /** Root fields with an ID somewhere in their arguments. */
  private readonly idRoots: RootField[];
  /** Every field of the API with a cursor (`after`) argument, at any depth. */
  private readonly cursorFields: NestedArgumentField[];
  constructor(
    schema: GraphQLSchema,
    private readonly seed: number,
  ) {
    this.roots = rootFields(schema);
    this.idRoots = this.roots.filter((root) => slotsOf(root.field.args, new Set(['ID'])).length > 0);
    this.cursorFields = fieldsWithArgument(schema, 'after');
  }

  generate(index: number): Generated {
    const g = new Gen(prng((this.seed * 1_000_003) ^ index));
    const mode = g.pick(MODES);
    const signedIn = g.chance(0.5);
    if (mode === 'cursor-forgery') return this.cursorForgery(g, signedIn);
    const root = g.pick(mode === 'malformed-id' ? this.idRoots : this.roots);
    const sent: string[] = [];
    const value = (type: GraphQLInputType, depth = 0): unknown => this.value(g, type, depth, sent);

    let args: Record<string, unknown> = {};
    for (const arg of root.field.args) {
      if (isNonNullType(arg.type) || g.chance(0.5)) args[arg.name] = value(arg.type);
    }
    let selection = selectionFor(root.field.type, {
      depth: mode === 'deep-selection' ? 8 : g.int(0, 3),
      pick: (items) => (g.chance(0.3) ? items : g.subset(items, 0.6)),
    });
    let variableTypes = Object.fromEntries(root.field.args.map((a) => [a.name, a.type.toString()]));

    switch (mode) {
      case 'wrong-type':
        args = this.mutate(g, args, root.field.args, () =>
          g.pick([42, -1, 3.14, true, 'str', [], {}, [1, 'a'], { nested: { deep: 1 } }, 2 ** 53 + 1]),
        );
        break;
      case 'null':
        args = this.mutate(g, args, root.field.args, () => null);
        break;
      case 'missing': {
        const names = Object.keys(args);
        if (names.length > 0) delete args[g.pick(names)];
        else args = this.mutate(g, args, root.field.args, () => undefined);
        break;
      }
      case 'unknown-argument':
        args[`arg${g.int(0, 99)}`] = 'x';
        variableTypes = { ...variableTypes, [`arg${g.int(0, 99)}`]: 'String' };
        for (const name of Object.keys(args)) variableTypes[name] ??= 'String';
        break;
      case 'unknown-field':
        selection = selection.replace(/\{ /, `{ field${g.int(0, 999)} `);
        break;
      case 'huge-string': {
        const huge = g.pick(['x', 'é', '💥', "'"]).repeat(g.pick([10_000, 60_000, 120_000, 300_000]));
        sent.push(huge);
        args = this.mutate(g, args, root.field.args, () => huge, TEXT_SCALARS);
        break;
      }
      case 'sql-injection':
        args = this.mutate(g, args, root.field.args, () => g.pick(SQL_INJECTIONS), TEXT_SCALARS);
        break;
      case 'odd-string':
        args = this.mutate(g, args, root.field.args, () => g.pick(ODD_STRINGS), TEXT_SCALARS);
        break;
      case 'malformed-id':
        args = this.mutate(g, args, root.field.args, () => malformedId(g), new Set(['ID']));
        break;
      case 'lone-surrogate': {
        const lone = () => `${g.ascii(g.int(0, 8))}${g.pick(LONE_SURROGATES)}${g.ascii(g.int(0, 8))}`;
        args = this.mutate(
          g,
          args,
          root.field.args,
          (scalar) =>
            scalar === 'JSONObject'
              ? g.pick([{ [lone()]: 1 }, { a: lone() }, { a: [{ b: lone() }] }])
              : lone(),
          new Set(['String', 'JSONObject']),
        );
        break;
      }
      case 'huge-list':
        args = this.mutate(g, args, root.field.args, () => Array(g.pick([1000, 10_000, 50_000])).fill('a'));
        break;
      case 'extreme-number':
        args = this.mutate(g, args, root.field.args, () =>
          g.pick([2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, -0, 1e308, 0.1]),
        );
        break;
      default:
        break;
    }
    for (const value of Object.values(args)) if (typeof value === 'string') sent.push(value);
    sent.push(...SQL_INJECTIONS, ...ODD_STRINGS.filter((s) => s.length > 3));

    const used = Object.keys(args).filter((name) => args[name] !== undefined);
    let query: string;
    let variables: unknown = Object.fromEntries(used.map((name) => [name, args[name]]));
    if (mode === 'literals') {
      const call = used.map((name) => `${name}: ${literal(args[name])}`).join(', ');
      query = `${root.operation} { ${root.name}${call ? `(${call})` : ''} ${selection} }`;
      variables = {};
    } else {
      const definitions = used.map((name) => `$${name}: ${variableTypes[name] ?? 'String'}`).join(', ');
      const call = used.map((name) => `${name}: $${name}`).join(', ');
      query = `${root.operation} Fuzz${definitions ? `(${definitions})` : ''} { ${root.name}${call ? `(${call})` : ''} ${selection} }`;
    }
    if (mode === 'deep-selection') {
      const levels = g.int(5, 60);
      const rootType = root.operation === 'query' ? 'Query' : 'Mutation';
      query = query.replace(
        /\{ (.*) \}$/s,
        (_m, inner: string) => `{ ${`... on ${rootType} { `.repeat(levels)}${inner}${' }'.repeat(levels)} }`,
      );
    }
    if (mode === 'aliases') {
      const match = /\{ (.*) \}$/s.exec(query);
      if (match) {
        const count = g.int(2, 40);
        const copies = Array.from({ length: count }, (_, i) => `a${i}: ${match[1]}`).join(' ');
        query = query.replace(/\{ (.*) \}$/s, `{ ${copies} }`);
      }
    }
    if (mode === 'broken-syntax') {
      const at = g.int(0, query.length);
      query = g.chance(0.5)
        ? query.slice(0, at)
        : `${query.slice(0, at)}${g.pick(['{', '}', '(', ')', '$', '"', '...', '@', '#', '\\u0000', '!'])}${query.slice(at)}`;
    }
    if (mode === 'bad-variables') {
      variables = g.pick([[], 'string', 42, null, [variables], { __proto__: { polluted: true } }, { '': 1 }]);
    }
    let method: Generated['method'] = 'POST';
    if (mode === 'operation-type') {
      // Every operation type against every root field, the ones the schema lacks included.
      query = query.replace(/^(query|mutation)\b/, g.pick(['query', 'mutation', 'subscription', '']));
      if (g.chance(0.4)) method = 'GET';
    }
    const body: Record<string, unknown> = { query, variables };
    if (g.chance(0.05)) body.operationName = g.pick([`Fuzz`, 'Nope', '', null, 42]);
    if (g.chance(0.03))
      body.extensions = g.pick([{ persistedQuery: { version: 1, sha256Hash: 'abc' } }, 'x', {}]);
    return { mode, method, body: JSON.stringify(body), sent, signedIn };
  }

  /**
   * A forged cursor in the `after` argument of any list, reached through the fields above it:
   * random base64, base64 of garbage, fixed forgeries, and cursors of the server's own shape
   * (base64url JSON of a sort key) as they are or tampered with.
   */
  private cursorForgery(g: Gen, signedIn: boolean): Generated {
    const field = g.pick(this.cursorFields);
    const path = g.pick(field.paths.slice(0, 3));
    const cursor = forgedCursor(g);
    const body = { query: nestedOperation(path, 'after', field.argumentType), variables: { value: cursor } };
    return { mode: 'cursor-forgery', method: 'POST', body: JSON.stringify(body), sent: [cursor], signedIn };
  }

  /** Replaces one leaf (or, with `only`, one leaf of those scalars) somewhere inside the arguments. */
  private mutate(
    g: Gen,
    args: Record<string, unknown>,
    defs: readonly GraphQLArgument[],
    replacement: (scalar: string | null) => unknown,
    only?: ReadonlySet<string>,
  ): Record<string, unknown> {
    const out = structuredClone(args);
    const slots: {
      parent: Record<string, unknown> | unknown[];
      key: string | number;
      scalar: string | null;
    }[] = [];
    const walk = (
      holder: Record<string, unknown> | unknown[],
      key: string | number,
      type: GraphQLInputType,
    ) => {
      const inner = isNonNullType(type) ? type.ofType : type;
      const current = (holder as any)[key];
      if (isListType(inner)) {
        if (Array.isArray(current)) for (let i = 0; i < current.length; i++) walk(current, i, inner.ofType);
        if (!only) slots.push({ parent: holder, key, scalar: null });
        return;
      }
      if (isInputObjectType(inner)) {
        if (current && typeof current === 'object') {
          for (const field of Object.values(inner.getFields())) {
            if (field.name in current || g.chance(0.3)) walk(current, field.name, field.type);
          }
        }
        if (!only) slots.push({ parent: holder, key, scalar: null });
        return;
      }
      const scalar = isScalarType(inner) ? inner.name : null;
      if (!only || (scalar && only.has(scalar))) slots.push({ parent: holder, key, scalar });
    };
    for (const def of defs) walk(out, def.name, def.type);
    if (slots.length === 0) return out;
    const slot = g.pick(slots);
    const value = replacement(slot.scalar);
    if (value === undefined) delete (slot.parent as any)[slot.key];
    else (slot.parent as any)[slot.key] = value;
    return out;
  }

  private value(g: Gen, type: GraphQLInputType, depth: number, sent: string[]): unknown {
    if (isNonNullType(type)) return this.value(g, type.ofType, depth, sent);
    if (isListType(type)) {
      if (depth > 4) return [];
      return Array.from({ length: g.int(0, 3) }, () => this.value(g, type.ofType, depth + 1, sent));
    }
    if (isEnumType(type)) return g.pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      for (const field of Object.values(type.getFields())) {
        if (isNonNullType(field.type) || g.chance(0.4))
          out[field.name] = this.value(g, field.type, depth + 1, sent);
      }
      return out;
    }
    const name = getNamedType(type).name;
    switch (name) {
      case 'String': {
        const s = g.pick([
          () => g.ascii(g.int(0, 40)),
          () => `fuzz_${g.int(0, 1_000_000)}`,
          () => `fuzz${g.int(0, 1_000_000)}@example.com`,
          () => `long-enough-passphrase-${g.int(0, 999)}`,
          () => g.pick(ODD_STRINGS),
        ])();
        sent.push(s);
        return s;
      }
      case 'Int':
        return g.chance(0.8) ? g.int(-5, 200) : g.int(-1_000_000, 1_000_000);
      case 'Float':
        return g.float() * 1000 - 100;
      case 'Boolean':
        return g.chance(0.5);
      case 'EmailAddress':
        return g.chance(0.9) ? `fuzz${g.int(0, 1_000_000)}@example.com` : 'not-an-email';
      case 'Date':
        return g.chance(0.9) ? `19${g.int(50, 99)}-0${g.int(1, 9)}-1${g.int(0, 9)}` : '2001-02-30';
      case 'DateTime':
        return g.chance(0.9)
          ? new Date(Date.UTC(2026, 0, 1) - g.int(0, 1e9) * 1000).toISOString()
          : 'yesterday';
      case 'CountryCode':
        return g.pick(['DE', 'US', 'FR', 'JP', 'XX', 'de']);
      default:
        return validScalar(name);
    }
  }
}

/** A GraphQL literal for a JSON value (strings escape as in JSON, which GraphQL accepts). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return `{ ${Object.entries(value as object)
    .map(([k, v]) => `${/^[_A-Za-z]\w*$/.test(k) ? k : 'bad'}: ${literal(v)}`)
    .join(', ')} }`;
}

/** An id that is not a UUID, most of them looking like one (an upper-case UUID now and then, which is valid). */
function malformedId(g: Gen): unknown {
  const uuid = g.uuid();
  const at = g.int(0, 35);
  return g.pick([
    () => g.pick(MALFORMED_IDS),
    () => Array.from({ length: 36 }, () => g.pick([...'0123456789abcdef-'])).join(''),
    () => `${uuid.slice(0, at)}${g.pick(['g', 'z', '-', '{', ' ', 'é', '\u0000'])}${uuid.slice(at + 1)}`,
    () => g.pick([`{${uuid}}`, `urn:uuid:${uuid}`, uuid.replace(/-/g, ''), uuid.slice(0, at), `${uuid} `]),
    () => uuid.toUpperCase(),
    () => g.int(-1000, 1_000_000),
  ])();
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** Sort keys of the shapes the server's lists use: (timestamp, id), (name, id), (price, id), (rank, timestamp, id). */
function sortKey(g: Gen): unknown[] {
  return g.pick([
    () => [g.instant(), g.uuid()],
    () => [g.ascii(g.int(1, 30)), g.uuid()],
    () => [g.int(0, 100_000), g.uuid()],
    () => [g.float(), g.instant(), g.uuid()],
  ])();
}

function forgedCursor(g: Gen): string {
  switch (g.int(0, 5)) {
    case 0: {
      const bytes = Buffer.from(Array.from({ length: g.int(0, 64) }, () => g.int(0, 255)));
      return bytes.toString(g.chance(0.5) ? 'base64' : 'base64url');
    }
    case 1:
      return base64url(g.chance(0.5) ? g.ascii(g.int(0, 40)) : JSON.stringify(g.json()));
    case 2:
      return g.pick(FORGED_CURSORS);
    default: {
      const key = sortKey(g);
      const tamper = g.int(0, 4);
      if (tamper === 1) key[g.int(0, key.length - 1)] = g.pick(ODD_CURSOR_VALUES);
      if (tamper === 2) g.chance(0.5) ? key.pop() : key.push(g.json());
      const encoded = base64url(JSON.stringify(key));
      const at = g.int(0, encoded.length - 1);
      if (tamper === 3)
        return `${encoded.slice(0, at)}${g.pick(['A', '_', '-', '=', '!', '+'])}${encoded.slice(at + 1)}`;
      if (tamper === 4) return encoded.slice(0, at);
      // Untouched: the shape the server gives out, naming rows that do not exist.
      return encoded;
    }
  }
}

/** Signs up a user through the public API; signs up again when a fuzzed mutation ended its sessions. */
class SignedInClient {
  private token: Promise<string> | null = null;
  private checks = 0;
  constructor(private readonly url: string) {}

  async current(): Promise<string> {
    if (!this.token) this.token = this.signUp();
    if (++this.checks % 100 === 0) {
      const token = await this.token;
      const me = await post(this.url, JSON.stringify({ query: '{ me { id } }' }), token).catch(() => null);
      if (me && !me.text.includes('"id"')) this.token = this.signUp();
    }
    return this.token;
  }

  private async signUp(): Promise<string> {
    const suffix = randomBytes(5).toString('hex');
    const response = await post(
      this.url,
      JSON.stringify({
        query: 'mutation($i: SignUpInput!) { signUp(input: $i) { __typename ... on AuthSuccess { token } } }',
        variables: {
          i: {
            email: `fuzzer${suffix}@example.com`,
            username: `fuzzer_${suffix}`,
            password: `fuzzer-password-${suffix}`,
          },
        },
      }),
      null,
      'POST',
      // Its own client address (test stacks trust one proxy hop), so the per-address sign-up
      // limit that fuzzed signUp calls run into does not stop the fuzzer's own account.
      { 'x-forwarded-for': `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}` },
    );
    const token = JSON.parse(response.text).data?.signUp?.token;
    if (!token) throw new Error(`fuzzer could not sign up: ${response.text.slice(0, 300)}`);
    return token as string;
  }
}

async function post(
  url: string,
  body: string,
  token: string | null,
  method: 'POST' | 'GET' = 'POST',
  headers: Record<string, string> = {},
) {
  const authorization: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (method === 'GET') {
    // GraphQL over GET: the same operation in the query string (variables as JSON, which escapes
    // anything a URL cannot carry), with the header Apollo's CSRF prevention asks of GET requests.
    const { query, variables, operationName } = JSON.parse(body) as Record<string, unknown>;
    const search = new URLSearchParams({ query: String(query), variables: JSON.stringify(variables ?? {}) });
    if (typeof operationName === 'string') search.set('operationName', operationName);
    const response = await fetch(`${url}?${search}`, {
      headers: { 'apollo-require-preflight': 'true', ...authorization, ...headers },
      signal: AbortSignal.timeout(30_000),
    });
    return { status: response.status, text: await response.text() };
  }
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization, ...headers },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, text: await response.text() };
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const generator = new OperationGenerator(loadApiSchema(), options.seed);
  const client = new SignedInClient(options.url);
  const indexes = options.only ?? Array.from({ length: options.count }, (_, i) => i);
  const report: FuzzReport = {
    total: 0,
    byStatus: {},
    byMode: {},
    findings: [],
    durationMs: 0,
    operationsPerSecond: 0,
  };
  const marks = [0.2, 0.6];
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    for (;;) {
      const position = next++;
      if (position >= indexes.length) return;
      const index = indexes[position]!;
      const op = generator.generate(index);
      const finding = (kind: FuzzFinding['kind'], detail: string) =>
        report.findings.push({
          index,
          kind,
          detail: detail.slice(0, 500),
          request: `${op.method} ${op.body.slice(0, 500)}`,
        });
      report.byMode[op.mode] = (report.byMode[op.mode] ?? 0) + 1;
      try {
        const { status, text } = await post(
          options.url,
          op.body,
          op.signedIn ? await client.current() : null,
          op.method,
        );
        report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
        const cleaned = withoutEcho(text, op.sent);
        if (status >= 500) finding('http-5xx', `HTTP ${status}: ${text}`);
        if (STACK_TRACE.test(cleaned)) finding('stack-trace', text);
        if (SQL_TEXT.test(cleaned)) finding('sql-text', text);
        if (text.includes('INTERNAL_SERVER_ERROR')) finding('internal-error', text);
        try {
          JSON.parse(text);
        } catch {
          finding('not-json', `HTTP ${status}: ${text}`);
        }
      } catch (error) {
        finding('network', String(error));
      }
      report.total++;
      while (marks.length > 0 && report.total >= indexes.length * marks[0]!) {
        const fraction = marks.shift()!;
        await options.onProgress?.(fraction);
        options.log?.(
          `fuzz: ${report.total}/${indexes.length} operations, ${report.findings.length} findings`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  await options.onProgress?.(1);
  report.durationMs = Date.now() - started;
  report.operationsPerSecond = Math.round((report.total / report.durationMs) * 1000);
  return report;
}

/** Forces a full collection where the process allows it (for comparable heap readings). */
export function collectGarbage(): void {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch {
    // Readings without a forced collection are noisier but still comparable.
  }
}

export interface MemorySample {
  fraction: number;
  heapUsedMb: number;
  rssMb: number;
}

export function sampleMemory(fraction: number): MemorySample {
  collectGarbage();
  const usage = process.memoryUsage();
  return {
    fraction,
    heapUsedMb: Math.round((usage.heapUsed / 1024 / 1024) * 10) / 10,
    rssMb: Math.round((usage.rss / 1024 / 1024) * 10) / 10,
  };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const count = Number(argument('count') ?? 5000);
  const seed = Number(argument('seed') ?? 1);
  const concurrency = Number(argument('concurrency') ?? 8);
  const only = argument('only')
    ?.split(',')
    .map((n) => Number(n));
  let url = argument('url');
  let stop: (() => Promise<void>) | null = null;
  const samples: MemorySample[] = [];
  if (!url) {
    // An in-process supergraph on its own embedded database, so memory can be watched.
    delete process.env.DATABASE_URL;
    const { startTestStack } = await import('../testkit/stack.js');
    const stack = await startTestStack();
    url = stack.gatewayUrl;
    stop = () => stack.stop();
  }
  const report = await runFuzz({
    url,
    count,
    seed,
    concurrency,
    only,
    log: (line) => console.error(line),
    onProgress: stop ? (fraction) => void samples.push(sampleMemory(fraction)) : undefined,
  });
  console.log(
    JSON.stringify(
      { seed, concurrency, ...report, findings: report.findings.slice(0, 20), memory: samples },
      null,
      2,
    ),
  );
  await stop?.();
  process.exit(report.findings.length === 0 ? 0 : 1);
}
