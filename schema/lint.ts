import { readFileSync } from 'node:fs';
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type GraphQLType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
} from 'graphql';

/**
 * The shape rules of the API schema (docs/architecture.md, "Pagination"), checked on
 * schema/api.graphql by `npm run check` and tests/schema-lint.test.ts:
 *
 * - a list of objects is a connection, or is bounded for a reason named in BOUNDED_LISTS;
 * - a connection is exactly { nodes: [X!]!, pageInfo: PageInfo!, totalCount: Int! };
 * - a field returning a connection takes `first: Int = 20` and `after: String`, described alike;
 * - one name per concept (difficulty, enroll, sequenceNumber);
 * - a name says which kind of time it holds: `...At` is a DateTime (an instant), `date` and
 *   `...Date` a Date (a calendar day);
 * - every type, field, argument and enum value is described.
 */

/**
 * Lists of objects that are not connections, each with why it cannot grow without bound. A
 * reason must be true: the code enforces the cap it names.
 */
export const BOUNDED_LISTS: Record<string, string> = {
  'ContentItem.courses':
    'at most 10: coursesByItem (content/loaders.ts) keeps the newest 10 courses per item',
  'Course.lessons':
    'at most MAX_LESSONS_PER_COURSE (200) lessons, enforced by addLesson with CONFLICT (content/courses.ts)',
  'Lesson.contentItems':
    'at most MAX_ITEMS_PER_LESSON (50) items, enforced when a lesson is added or updated (content/courses.ts)',
  'Habit.logs':
    'one log per day (unique habit and day) of a range of at most MAX_RANGE_DAYS (366) days (training/habits.ts)',
  'WorkoutPlan.exercises':
    'at most MAX_PLAN_EXERCISES (100) exercises, enforced by addExercise with BAD_USER_INPUT (training/plans.ts)',
  'WorkoutPlanVersion.exercises':
    'a copy of the plan exercises when published: at most MAX_PLAN_EXERCISES (100)',
  'Payment.refunds':
    'at most MAX_REFUNDS_PER_PAYMENT (20) refunds, enforced by refundPayment with CONFLICT (billing/refunds.ts)',
  'Query.paymentGateways': 'one per PaymentGateway enum value that is configured',
  'ProductMetrics.activeUsers':
    'one point per day of the range, capped at MAX_RANGE_DAYS (366) (analytics/metrics.ts)',
  'ProductMetrics.eventCounts':
    'days of the range (at most 366) times event types, at most MAX_EVENT_TYPES (50), enforced with BAD_USER_INPUT',
  'ProductMetrics.weeklyRetention': 'one per signup week overlapping the range: at most 54 for 366 days',
  'RetentionCohort.weeks': 'the requested weeks, 1-26, enforced with BAD_USER_INPUT (analytics/metrics.ts)',
  'Query.linkedAccounts': 'one per OAuthProvider enum value (unique user and provider)',
  'User.linkedAccounts': 'one per OAuthProvider enum value (unique user and provider)',
  'ProviderUnlinked.linkedAccounts': 'one per OAuthProvider enum value (unique user and provider)',
  'User.healthIntegrations': 'one per HealthProvider enum value (unique user and provider)',
  'User.latestHealthMetrics': 'one per HealthMetricType enum value: the newest sample of each requested type',
  'TrainerClient.latestHealthMetrics': 'one per HealthMetricType enum value, as User.latestHealthMetrics',
  'User.healthSeries': 'buckets of the requested range, capped at MAX_BUCKETS (1000) with BAD_USER_INPUT',
  'TrainerClient.healthSeries':
    'buckets of the requested range, capped at MAX_BUCKETS (1000), as User.healthSeries',
  'RecordHealthMetricsResult.errors':
    'a few per sample of one call, which takes at most MAX_SAMPLES_PER_CALL (5000) samples (health/ingest.ts)',
  'DeviceHealthDataSynced.errors':
    'a few per sample of one batch, which takes at most MAX_SAMPLES_PER_CALL (5000) samples (health/device-sync.ts)',
  'User.healthSyncState': 'one per DeviceHealthSource enum value (unique user and source)',
  'User.healthSourcePriorities': 'one per HealthMetricType enum value',
  'TrackEventsResult.errors':
    'a few per event of one call, which takes at most INGEST_LIMITS.maxEventsPerCall (1000) events (analytics/ingest.ts)',
};

/** What every connection field's arguments say, word for word. */
export const FIRST_DESCRIPTION = 'Page size, 1-100 (default 20).';
export const AFTER_DESCRIPTION = 'The endCursor of the previous page.';
export const DEFAULT_FIRST = 20;

/** The connection's own fields, with the type each must have. */
const CONNECTION_FIELDS: Record<string, (nodeType: string) => string> = {
  nodes: (node) => `[${node}!]!`,
  pageInfo: () => 'PageInfo!',
  totalCount: () => 'Int!',
};

/** Names that another word replaced; the replacement is the one name for the concept. */
const RETIRED_NAMES: Array<{ test: (name: string) => boolean; use: string }> = [
  { test: (name) => name === 'level' || name === 'difficultyLevel', use: 'difficulty' },
  { test: (name) => /enrol(?!l)/i.test(name), use: 'enroll (two l)' },
  { test: (name) => ['sequence', 'position', 'order'].includes(name), use: 'sequenceNumber' },
];

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

const isConnectionName = (name: string) => name.endsWith('Connection');

function isCompositeOutput(type: GraphQLNamedType): boolean {
  return isObjectType(type) || isInterfaceType(type) || isUnionType(type);
}

function isListOf(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}

/**
 * Violations of the shape rules in an SDL document; empty when it keeps them all. `bounded` is
 * the allowlist of rule a (tests pass their own for small schemas).
 */
export function lintSchema(sdl: string, bounded: Record<string, string> = BOUNDED_LISTS): string[] {
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  return [
    ...listRule(schema, bounded),
    ...connectionRule(schema),
    ...namesRule(schema),
    ...timeNamesRule(schema),
    ...descriptionRule(schema),
  ];
}

function ownTypes(schema: GraphQLSchema): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap()).filter(
    (type) => !isIntrospectionType(type) && !(isScalarType(type) && isSpecifiedScalarType(type)),
  );
}

function fieldsOf(schema: GraphQLSchema): Array<{ type: string; field: GraphQLField<unknown, unknown> }> {
  const found: Array<{ type: string; field: GraphQLField<unknown, unknown> }> = [];
  for (const type of ownTypes(schema)) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) found.push({ type: type.name, field });
  }
  return found;
}

/** Rule a and c: lists of objects, and the arguments of connection fields. */
function listRule(schema: GraphQLSchema, bounded: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const { type, field } of fieldsOf(schema)) {
    const path = `${type}.${field.name}`;
    const named = getNamedType(field.type);
    if (
      isListOf(field.type) &&
      isCompositeOutput(named) &&
      !(isConnectionName(type) && field.name === 'nodes')
    ) {
      if (!bounded[path]?.trim()) {
        problems.push(`${path}: a list of ${named.name} is neither a connection nor in BOUNDED_LISTS`);
      }
    }
    if (isConnectionName(named.name) && !isListOf(field.type))
      problems.push(...connectionArguments(path, field));
  }
  // An entry whose field is gone or no longer a list is a stale reason: remove it.
  for (const path of Object.keys(bounded)) {
    const [typeName, fieldName] = path.split('.') as [string, string];
    const type = schema.getType(typeName);
    const field =
      type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[fieldName] : undefined;
    if (!field || !isListOf(field.type)) problems.push(`${path}: in BOUNDED_LISTS but not a list field`);
  }
  return problems;
}

function connectionArguments(path: string, field: GraphQLField<unknown, unknown>): string[] {
  const problems: string[] = [];
  const arg = (name: string): GraphQLArgument | undefined => field.args.find((a) => a.name === name);
  const first = arg('first');
  const after = arg('after');
  if (!first || String(first.type) !== 'Int') problems.push(`${path}: a connection field takes first: Int`);
  else {
    if (first.defaultValue !== DEFAULT_FIRST) {
      problems.push(`${path}(first): the default is ${DEFAULT_FIRST} (first: Int = ${DEFAULT_FIRST})`);
    }
    if (first.description !== FIRST_DESCRIPTION) {
      problems.push(`${path}(first): the description is "${FIRST_DESCRIPTION}"`);
    }
  }
  if (!after || String(after.type) !== 'String')
    problems.push(`${path}: a connection field takes after: String`);
  else if (after.description !== AFTER_DESCRIPTION) {
    problems.push(`${path}(after): the description is "${AFTER_DESCRIPTION}"`);
  }
  return problems;
}

/** Rule b: the connection types' fields. */
function connectionRule(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const type of ownTypes(schema)) {
    if (!isConnectionName(type.name)) continue;
    if (!isObjectType(type)) {
      problems.push(`${type.name}: a connection is an object type`);
      continue;
    }
    const fields = type.getFields();
    const nodes = fields.nodes;
    const nodeType = nodes ? getNamedType(nodes.type).name : '?';
    for (const [name, expected] of Object.entries(CONNECTION_FIELDS)) {
      const field = fields[name];
      if (!field) problems.push(`${type.name}: has no ${name}`);
      else if (String(field.type) !== expected(nodeType)) {
        problems.push(`${type.name}.${name}: is ${String(field.type)}, must be ${expected(nodeType)}`);
      }
    }
    for (const name of Object.keys(fields)) {
      if (!CONNECTION_FIELDS[name])
        problems.push(`${type.name}.${name}: a connection has only nodes, pageInfo and totalCount`);
    }
  }
  return problems;
}

/** Rule d: one name per concept. */
function namesRule(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const check = (path: string, name: string) => {
    for (const retired of RETIRED_NAMES) {
      if (retired.test(name)) problems.push(`${path}: named ${name}; use ${retired.use}`);
    }
  };
  for (const type of ownTypes(schema)) {
    check(type.name, type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.name);
        for (const arg of 'args' in field ? field.args : [])
          check(`${type.name}.${field.name}(${arg.name})`, arg.name);
      }
    }
  }
  return problems;
}

/**
 * Instants and calendar days are told apart by name, so a client never guesses which it holds:
 * `startedAt` is a DateTime, `startDate` and `date` are Dates (docs/architecture.md, "Time").
 */
function timeNamesRule(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const check = (path: string, name: string, type: GraphQLNamedType) => {
    if (/[a-z]At$/.test(name) && type.name !== 'DateTime') {
      problems.push(`${path}: named ${name} but a ${type.name}; an ...At field holds a DateTime`);
    }
    if ((name === 'date' || /[a-z]Date$/.test(name)) && type.name !== 'Date') {
      problems.push(`${path}: named ${name} but a ${type.name}; a ...Date field holds a Date`);
    }
  };
  for (const type of ownTypes(schema)) {
    if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      check(`${type.name}.${field.name}`, field.name, getNamedType(field.type as GraphQLType));
      for (const arg of 'args' in field ? field.args : []) {
        check(`${type.name}.${field.name}(${arg.name})`, arg.name, getNamedType(arg.type as GraphQLType));
      }
    }
  }
  return problems;
}

/** Rule e: the explorer is the documentation, so everything is described. */
function descriptionRule(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const missing = (path: string, description: string | null | undefined) => {
    if (!description?.trim()) problems.push(`${path}: has no description`);
  };
  for (const type of ownTypes(schema)) {
    if (!ROOT_TYPES.has(type.name)) missing(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        missing(`${type.name}.${field.name}`, field.description);
        for (const arg of 'args' in field ? field.args : []) {
          missing(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) missing(`${type.name}.${value.name}`, value.description);
    }
  }
  return problems;
}

/** The API schema's violations (what `npm run check` runs). */
export function lintApiSchema(path = 'schema/api.graphql'): string[] {
  return lintSchema(readFileSync(path, 'utf8'));
}
