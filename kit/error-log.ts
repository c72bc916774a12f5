import { createHash } from 'node:crypto';

/**
 * What of an error may be logged. Errors carry more than their cause: Drizzle's "Failed query"
 * message and its `params` hold every value the statement was sent (health samples, event data,
 * email addresses, password hashes), PostgreSQL's `detail` repeats the failing row ("Failing row
 * contains (...)", "Key (email)=(...)"), its message may quote an input value ("invalid input
 * syntax for type uuid: "..."") and driver or SDK errors carry the request they were sending.
 * So an error is logged by a list of what is safe, never by copying it:
 *   - its type, a message with quoted values and email addresses masked, and its stack frames;
 *   - for a failed statement: a hash of the SQL text (the same statement always hashes the same)
 *     and its shape with every literal masked, never the parameters;
 *   - for a database error: the SQLSTATE code, severity, routine and the schema, table, column,
 *     constraint and data type it names;
 *   - `code`, `status`, `statusCode`, `errno`, `syscall` of other errors, and the cause chain.
 */
export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  [field: string]: unknown;
}

const MAX_DEPTH = 5;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const SQLSTATE = /^[0-9A-Z]{5}$/;
/** Identifier fields PostgreSQL (postgres.js and PGlite spell them differently) attaches to an error. */
const DATABASE_FIELDS: Record<string, string> = {
  severity: 'severity',
  routine: 'routine',
  schema: 'schema',
  schema_name: 'schema',
  table: 'table',
  table_name: 'table',
  column: 'column',
  column_name: 'column',
  constraint: 'constraint',
  constraint_name: 'constraint',
  dataType: 'dataType',
  data_type: 'dataType',
};
const PLAIN_FIELDS = ['code', 'status', 'statusCode', 'errno', 'syscall'];

const isErrorLike = (value: unknown): value is Error =>
  value instanceof Error ||
  (typeof value === 'object' &&
    value !== null &&
    typeof (value as Error).message === 'string' &&
    'stack' in value);

/** A statement's SQL as Drizzle reports it ("Failed query: <sql>\nparams: ..."), or undefined. */
function failedStatement(error: Error): string | undefined {
  const query = (error as { query?: unknown }).query;
  if (typeof query === 'string' && 'params' in error) return query;
  const match = /^Failed query: ([\s\S]*?)(?:\nparams: [\s\S]*)?$/.exec(error.message);
  return match?.[1];
}

function isDatabaseError(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && SQLSTATE.test(code) && ('severity' in error || 'routine' in error);
}

/** SQL with every string and number literal masked; placeholders ($1) and identifiers stay. */
export function statementShape(sql: string): string {
  const masked = sql
    .replace(/'(?:[^']|'')*'/g, "'?'")
    .replace(/(?<![$\w])\d+(?:\.\d+)?(?![\w])/g, '?')
    .replace(/\s+/g, ' ')
    .trim();
  return masked.length > 200 ? `${masked.slice(0, 200)}…` : masked;
}

export const statementHash = (sql: string) => createHash('sha256').update(sql).digest('hex').slice(0, 12);

/** Quoted parts of a message ("...", '...') masked unless they are identifiers the error names. */
function maskMessage(message: string, identifiers: Set<string>): string {
  return message
    .replace(/\nparams: [\s\S]*/, '')
    .replace(/"([^"]*)"/g, (quoted, inner: string) => (identifiers.has(inner) ? quoted : '"…"'))
    .replace(/'([^']*)'/g, (quoted, inner: string) => (identifiers.has(inner) ? quoted : "'…'"))
    .replace(EMAIL, '[email]')
    .slice(0, 1000);
}

/** Only the frames of a stack: its first lines repeat the message, with whatever it held. */
function framesOf(error: Error): string[] {
  return (typeof error.stack === 'string' ? error.stack.split('\n') : []).filter((line) =>
    /^\s+at /.test(line),
  );
}

export function errorForLog(error: unknown, depth = 0): unknown {
  if (!isErrorLike(error)) return error;
  // Minified libraries (PGlite) leave one-letter class names; their `name` says more.
  const constructorName = typeof error.constructor === 'function' ? error.constructor.name : '';
  const type = constructorName.length > 2 ? constructorName : String(error.name || 'Error');
  const logged: LoggedError = { type, message: '' };
  const identifiers = new Set<string>();
  const statement = failedStatement(error);

  if (statement !== undefined) {
    logged.statement = statementHash(statement);
    logged.sql = statementShape(statement);
  }
  if (isDatabaseError(error)) {
    for (const [field, name] of Object.entries(DATABASE_FIELDS)) {
      const value = (error as unknown as Record<string, unknown>)[field];
      if (typeof value === 'string' && value) {
        logged[name] = value;
        identifiers.add(value);
      }
    }
  }
  logged.message = error.message.startsWith('Failed query: ')
    ? 'database statement failed'
    : maskMessage(error.message, identifiers);
  for (const field of PLAIN_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'number' || (typeof value === 'string' && value.length <= 64)) logged[field] = value;
  }
  logged.stack = [`${type}: ${logged.message}`, ...framesOf(error)].join('\n');

  if (depth < MAX_DEPTH) {
    // A GraphQLError wraps what a resolver threw in originalError.
    const cause =
      (error as { cause?: unknown }).cause ?? (error as { originalError?: unknown }).originalError;
    if (cause !== undefined)
      logged.cause = isErrorLike(cause) ? errorForLog(cause, depth + 1) : '[not an error]';
    const errors = (error as { errors?: unknown }).errors;
    if (Array.isArray(errors))
      logged.errors = errors.slice(0, 10).map((inner) => errorForLog(inner, depth + 1));
  }
  return logged;
}
