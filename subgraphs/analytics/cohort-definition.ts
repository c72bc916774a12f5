import { type SQL, sql } from 'drizzle-orm';

/**
 * The cohort definition language: JSON an admin writes, validated here into a typed tree and
 * compiled to one SQL predicate over the user-property projection (alias `p`). Every value from
 * the definition reaches SQL as a bound parameter; the SQL text comes only from this file.
 *
 *   { "and": [node, ...] } | { "or": [node, ...] } | { "not": node }
 *   { "event": { "type": "workout_complete", "atLeast" | "atMost" | "exactly": 3,
 *                "inLastDays": 30, "where": [{ "property": "plan.level", "op": "eq", "value": "pro" }] } }
 *   { "signupDate": { "from": "2026-01-01", "to": "2026-03-31" } }      (both inclusive, UTC)
 *   { "age": { "min": 18, "max": 34 } }                                   (whole years, inclusive)
 *   { "gender": { "in": ["female", "non-binary"] } }                      (case-insensitive)
 *   { "country": { "in": ["DE", "AT"] } }                                 (ISO 3166-1 alpha-2)
 */
export type CohortNode =
  | { and: CohortNode[] }
  | { or: CohortNode[] }
  | { not: CohortNode }
  | { event: EventRule }
  | { signupDate: { from?: string; to?: string } }
  | { age: { min?: number; max?: number } }
  | { gender: { in: string[] } }
  | { country: { in: string[] } };

export type Comparison = 'atLeast' | 'atMost' | 'exactly';
export type FilterOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'exists';
type Scalar = string | number | boolean | null;

export interface EventRule {
  type: string;
  comparison: Comparison;
  times: number;
  inLastDays: number;
  where: PropertyFilter[];
}

export interface PropertyFilter {
  path: string[];
  op: FilterOp;
  value?: Scalar | Scalar[];
}

export const DEFINITION_LIMITS = {
  maxDepth: 6,
  maxNodes: 50,
  maxChildren: 20,
  maxFilters: 10,
  maxListValues: 50,
  maxDays: 730,
  maxTimes: 100_000,
  maxStringLength: 200,
} as const;

/** A definition that does not follow the language; `path` points at the offending part. */
export class DefinitionError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

const EVENT_TYPE = /^[a-z][a-z0-9_]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{2}$/;
const COMPARISONS: Comparison[] = ['atLeast', 'atMost', 'exactly'];
const OPS: FilterOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'exists'];
const NODE_KINDS = ['and', 'or', 'not', 'event', 'signupDate', 'age', 'gender', 'country'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function onlyKeys(value: Record<string, unknown>, allowed: string[], path: string) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new DefinitionError(`${path}.${key}`, `unknown field; expected one of ${allowed.join(', ')}`);
    }
  }
}

function integer(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new DefinitionError(path, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > DEFINITION_LIMITS.maxStringLength) {
    throw new DefinitionError(
      path,
      `must be a non-empty string of at most ${DEFINITION_LIMITS.maxStringLength} characters`,
    );
  }
  return value;
}

function calendarDate(value: unknown, path: string): string {
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new DefinitionError(path, 'must be a date as YYYY-MM-DD');
  }
  if (new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new DefinitionError(path, 'is not a calendar date');
  }
  return value;
}

function stringList(value: unknown, path: string, check?: (s: string, p: string) => string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > DEFINITION_LIMITS.maxListValues) {
    throw new DefinitionError(path, `must be a list of 1 to ${DEFINITION_LIMITS.maxListValues} strings`);
  }
  return value.map((item, i) => {
    const s = text(item, `${path}[${i}]`);
    return check ? check(s, `${path}[${i}]`) : s;
  });
}

function scalar(value: unknown, path: string): Scalar {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.length <= DEFINITION_LIMITS.maxStringLength) return value;
  throw new DefinitionError(path, 'must be a string, number, boolean or null');
}

function filter(value: unknown, path: string): PropertyFilter {
  if (!isObject(value)) throw new DefinitionError(path, 'must be an object { property, op, value }');
  onlyKeys(value, ['property', 'op', 'value'], path);
  const property = text(value.property, `${path}.property`);
  const segments = property.split('.');
  if (segments.length > 5 || segments.some((s) => s.length === 0)) {
    throw new DefinitionError(`${path}.property`, 'must be a key or a dotted path of up to 5 keys');
  }
  const op = value.op;
  if (typeof op !== 'string' || !OPS.includes(op as FilterOp)) {
    throw new DefinitionError(`${path}.op`, `must be one of ${OPS.join(', ')}`);
  }
  const result: PropertyFilter = { path: segments, op: op as FilterOp };
  if (op === 'exists') {
    if (value.value !== undefined) throw new DefinitionError(`${path}.value`, 'exists takes no value');
    return result;
  }
  if (op === 'in') {
    if (
      !Array.isArray(value.value) ||
      value.value.length === 0 ||
      value.value.length > DEFINITION_LIMITS.maxListValues
    ) {
      throw new DefinitionError(
        `${path}.value`,
        `in takes a list of 1 to ${DEFINITION_LIMITS.maxListValues} values`,
      );
    }
    result.value = value.value.map((v, i) => scalar(v, `${path}.value[${i}]`));
    return result;
  }
  if (['gt', 'gte', 'lt', 'lte'].includes(op)) {
    if (typeof value.value !== 'number' || !Number.isFinite(value.value)) {
      throw new DefinitionError(`${path}.value`, `${op} compares numbers; value must be a number`);
    }
    result.value = value.value;
    return result;
  }
  if (value.value === undefined) throw new DefinitionError(`${path}.value`, `${op} needs a value`);
  result.value = scalar(value.value, `${path}.value`);
  return result;
}

function eventRule(value: unknown, path: string): EventRule {
  if (!isObject(value)) throw new DefinitionError(path, 'must be an object');
  onlyKeys(value, ['type', ...COMPARISONS, 'inLastDays', 'where'], path);
  if (typeof value.type !== 'string' || !EVENT_TYPE.test(value.type)) {
    throw new DefinitionError(`${path}.type`, 'must be an event type: lower-case letters, digits and _');
  }
  const given = COMPARISONS.filter((c) => value[c] !== undefined);
  if (given.length !== 1) {
    throw new DefinitionError(path, 'needs exactly one of atLeast, atMost, exactly');
  }
  const comparison = given[0]!;
  const where = value.where ?? [];
  if (!Array.isArray(where) || where.length > DEFINITION_LIMITS.maxFilters) {
    throw new DefinitionError(
      `${path}.where`,
      `must be a list of at most ${DEFINITION_LIMITS.maxFilters} filters`,
    );
  }
  return {
    type: value.type,
    comparison,
    times: integer(value[comparison], `${path}.${comparison}`, 0, DEFINITION_LIMITS.maxTimes),
    inLastDays: integer(value.inLastDays, `${path}.inLastDays`, 1, DEFINITION_LIMITS.maxDays),
    where: where.map((f, i) => filter(f, `${path}.where[${i}]`)),
  };
}

/** Validates a definition, returning the typed tree or throwing a DefinitionError naming the field. */
export function parseDefinition(value: unknown): CohortNode {
  let nodes = 0;
  const node = (v: unknown, path: string, depth: number): CohortNode => {
    if (++nodes > DEFINITION_LIMITS.maxNodes) {
      throw new DefinitionError(
        path,
        `a definition has at most ${DEFINITION_LIMITS.maxNodes} rules and groups`,
      );
    }
    if (depth > DEFINITION_LIMITS.maxDepth) {
      throw new DefinitionError(path, `groups nest at most ${DEFINITION_LIMITS.maxDepth} deep`);
    }
    if (!isObject(v)) throw new DefinitionError(path, 'must be an object with one rule or group');
    const keys = Object.keys(v);
    if (keys.length !== 1 || !NODE_KINDS.includes(keys[0]!)) {
      throw new DefinitionError(path, `must have exactly one of ${NODE_KINDS.join(', ')}`);
    }
    const kind = keys[0]!;
    const body = v[kind];
    const at = `${path}.${kind}`;
    switch (kind) {
      case 'and':
      case 'or': {
        if (!Array.isArray(body) || body.length === 0 || body.length > DEFINITION_LIMITS.maxChildren) {
          throw new DefinitionError(
            at,
            `must be a list of 1 to ${DEFINITION_LIMITS.maxChildren} rules or groups`,
          );
        }
        const children = body.map((child, i) => node(child, `${at}[${i}]`, depth + 1));
        return kind === 'and' ? { and: children } : { or: children };
      }
      case 'not':
        return { not: node(body, at, depth + 1) };
      case 'event':
        return { event: eventRule(body, at) };
      case 'signupDate': {
        if (!isObject(body)) throw new DefinitionError(at, 'must be an object { from, to }');
        onlyKeys(body, ['from', 'to'], at);
        if (body.from === undefined && body.to === undefined)
          throw new DefinitionError(at, 'needs from, to or both');
        const range: { from?: string; to?: string } = {};
        if (body.from !== undefined) range.from = calendarDate(body.from, `${at}.from`);
        if (body.to !== undefined) range.to = calendarDate(body.to, `${at}.to`);
        if (range.from && range.to && range.from > range.to)
          throw new DefinitionError(at, 'from is after to');
        return { signupDate: range };
      }
      case 'age': {
        if (!isObject(body)) throw new DefinitionError(at, 'must be an object { min, max }');
        onlyKeys(body, ['min', 'max'], at);
        if (body.min === undefined && body.max === undefined)
          throw new DefinitionError(at, 'needs min, max or both');
        const range: { min?: number; max?: number } = {};
        if (body.min !== undefined) range.min = integer(body.min, `${at}.min`, 0, 130);
        if (body.max !== undefined) range.max = integer(body.max, `${at}.max`, 0, 130);
        if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
          throw new DefinitionError(at, 'min is above max');
        }
        return { age: range };
      }
      case 'gender': {
        if (!isObject(body)) throw new DefinitionError(at, 'must be an object { in: [...] }');
        onlyKeys(body, ['in'], at);
        return { gender: { in: stringList(body.in, `${at}.in`).map((g) => g.toLowerCase()) } };
      }
      default: {
        if (!isObject(body)) throw new DefinitionError(at, 'must be an object { in: [...] }');
        onlyKeys(body, ['in'], at);
        const codes = stringList(body.in, `${at}.in`, (s, p) => {
          if (!COUNTRY.test(s)) throw new DefinitionError(p, 'must be an ISO 3166-1 alpha-2 code such as DE');
          return s;
        });
        return { country: { in: codes } };
      }
    }
  };
  return node(value, 'definition', 1);
}

const DAY_MS = 24 * 3600 * 1000;

/** The date `years` before `today` (YYYY-MM-DD), for age cut-offs. */
function yearsBefore(today: Date, years: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

const list = (values: readonly unknown[], cast: SQL) =>
  sql.join(
    values.map((v) => sql`${v}${cast}`),
    sql`, `,
  );

function filterSql(f: PropertyFilter): SQL {
  const path = sql`array[${list(f.path, sql``)}]::text[]`;
  const target = sql`(e.event_data #> ${path})`;
  const number = sql`(case when jsonb_typeof(${target}) = 'number' then (e.event_data #>> ${path})::numeric end)`;
  switch (f.op) {
    case 'exists':
      return sql`${target} is not null`;
    case 'eq':
      return sql`${target} = ${JSON.stringify(f.value)}::jsonb`;
    case 'neq':
      return sql`${target} is distinct from ${JSON.stringify(f.value)}::jsonb`;
    case 'in':
      return sql`${target} in (${list(
        (f.value as Scalar[]).map((v) => JSON.stringify(v)),
        sql`::jsonb`,
      )})`;
    case 'gt':
      return sql`${number} > ${f.value}::numeric`;
    case 'gte':
      return sql`${number} >= ${f.value}::numeric`;
    case 'lt':
      return sql`${number} < ${f.value}::numeric`;
    case 'lte':
      return sql`${number} <= ${f.value}::numeric`;
  }
}

function eventSql(rule: EventRule, now: Date): SQL {
  const since = new Date(now.getTime() - rule.inLastDays * DAY_MS).toISOString();
  const conditions = [
    sql`e.user_id = p.user_id`,
    sql`e.event_type = ${rule.type}`,
    sql`e.created_at > ${since}::timestamptz`,
    sql`e.created_at <= ${now.toISOString()}::timestamptz`,
    ...rule.where.map(filterSql),
  ];
  const count = sql`(select count(*) from analytics.analytics_events e where ${sql.join(conditions, sql` and `)})`;
  switch (rule.comparison) {
    case 'atLeast':
      return sql`${count} >= ${rule.times}::int`;
    case 'atMost':
      return sql`${count} <= ${rule.times}::int`;
    case 'exactly':
      return sql`${count} = ${rule.times}::int`;
  }
}

/**
 * The predicate a user-property row `p` (analytics.user_profiles) satisfies when the user is in the
 * cohort at `now`. Unknown properties (no date of birth, no country) never match a property rule,
 * so `not` of such a rule includes the user.
 */
export function compileDefinition(node: CohortNode, now: Date): SQL {
  if ('and' in node)
    return sql`(${sql.join(
      node.and.map((n) => compileDefinition(n, now)),
      sql` and `,
    )})`;
  if ('or' in node)
    return sql`(${sql.join(
      node.or.map((n) => compileDefinition(n, now)),
      sql` or `,
    )})`;
  if ('not' in node) return sql`(not ${compileDefinition(node.not, now)})`;
  let leaf: SQL;
  if ('event' in node) {
    leaf = eventSql(node.event, now);
  } else if ('signupDate' in node) {
    const parts: SQL[] = [];
    const { from, to } = node.signupDate;
    if (from) parts.push(sql`p.signed_up_at >= ${`${from}T00:00:00Z`}::timestamptz`);
    if (to) {
      const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString();
      parts.push(sql`p.signed_up_at < ${end}::timestamptz`);
    }
    leaf = sql.join(parts, sql` and `);
  } else if ('age' in node) {
    const parts: SQL[] = [];
    const { min, max } = node.age;
    // Age >= min: born on or before today minus min years; age <= max: born after today minus (max + 1) years.
    if (min !== undefined) parts.push(sql`p.date_of_birth <= ${yearsBefore(now, min)}::date`);
    if (max !== undefined) parts.push(sql`p.date_of_birth > ${yearsBefore(now, max + 1)}::date`);
    leaf = sql.join(parts, sql` and `);
  } else if ('gender' in node) {
    leaf = sql`lower(p.gender) in (${list(node.gender.in, sql`::text`)})`;
  } else {
    leaf = sql`p.country_code in (${list(node.country.in, sql`::text`)})`;
  }
  return sql`coalesce((${leaf}), false)`;
}
