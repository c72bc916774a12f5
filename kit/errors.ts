import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The error codes a client can switch on; every GraphQLError we raise carries one. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function appError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (message: string, extensions?: Record<string, unknown>) =>
  appError(ErrorCode.BAD_USER_INPUT, message, extensions);
export const unauthenticated = (message = 'Sign in to do this.') =>
  appError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this.') =>
  appError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string) => appError(ErrorCode.NOT_FOUND, `${what} not found.`);
export const conflict = (message: string, extensions?: Record<string, unknown>) =>
  appError(ErrorCode.CONFLICT, message, extensions);
/**
 * A change the current state does not allow, in one shape everywhere: CONFLICT with
 * `reason: INVALID_TRANSITION`, the state it is in (`from`) and the state or action asked for
 * (`to`), both as the API spells them (upper case).
 */
export const invalidTransition = (message: string, from: string, to: string) =>
  conflict(message, { reason: 'INVALID_TRANSITION', from: screaming(from), to: screaming(to) });

/** `firstPaymentSucceeded`, `in_progress` or `COMPLETED` -> FIRST_PAYMENT_SUCCEEDED, IN_PROGRESS, COMPLETED. */
function screaming(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export const serviceUnavailable = (message: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } } });
export const rateLimited = (retryAfterSeconds: number) =>
  appError(ErrorCode.RATE_LIMITED, 'Too many requests; try again later.', { retryAfterSeconds });

/** Codes that are safe to show as they are; anything else is masked. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_IN_LIST',
  'PERSISTED_QUERY_ID_REQUIRED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Apollo's formatError for every server: known codes pass with their message; everything else
 * (a thrown Error, a driver error with SQL in it) becomes a generic INTERNAL_SERVER_ERROR that
 * carries only the request id, so nothing of the stack, SQL or constraint names reaches a client.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onUnexpected?: (error: unknown) => void,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const {
      stacktrace: _stack,
      exception: _exception,
      http: _http,
      ...extensions
    } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Errors relayed from a subgraph by the gateway were already masked there; keep their
  // public shape instead of wrapping them twice.
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (!isAlreadyMasked(formatted)) onUnexpected?.(original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

function isAlreadyMasked(formatted: GraphQLFormattedError): boolean {
  return formatted.message === 'Internal server error';
}
