/**
 * Every `extensions.code` the gateway answers with, and when. A client can switch on `ErrorCode`
 * exhaustively; the server's tests fail when it uses a code this list lacks.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: 'An argument or variable is invalid; `field` names it when one field is at fault.',
  UNAUTHENTICATED:
    'No session where one is needed, or the session sent is invalid, expired or revoked (`reason`: INVALID_TOKEN or SESSION_ENDED): send the user to sign in.',
  FORBIDDEN: 'Signed in, but not allowed to do this or see this field.',
  NOT_FOUND: 'The object or route does not exist (or is not visible to the viewer).',
  CONFLICT: 'The change clashes with the current state (a duplicate, a transition that is not allowed).',
  RATE_LIMITED: 'Too many attempts; retry after `retryAfterSeconds`.',
  SERVICE_UNAVAILABLE: 'A service is down or the gateway is busy; retry shortly (HTTP 503, Retry-After).',
  INTERNAL_SERVER_ERROR: 'An unexpected failure; nothing of it is shown. Quote the x-request-id header.',
  GRAPHQL_PARSE_FAILED: 'The document is not valid GraphQL syntax (or exceeds the token limit).',
  GRAPHQL_VALIDATION_FAILED:
    'The document does not fit the schema or exceeds the query limits (depth, aliases, cost).',
  BAD_REQUEST: 'The HTTP request is malformed (not JSON, a persisted hash that does not match its query).',
  PAYLOAD_TOO_LARGE: 'The request body exceeds the size limit (HTTP 413).',
  OPERATION_RESOLUTION_FAILURE:
    'The document has several operations and names none (or an unknown one) to run.',
  PERSISTED_QUERY_NOT_FOUND:
    'The hash is unknown: send the query text with it once (automatic persisted queries).',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Persisted queries are switched off on this server.',
  PERSISTED_QUERY_NOT_IN_LIST:
    'The gateway runs trusted documents only and this hash is not in its manifest: regenerate the client and deploy its manifest.',
  PERSISTED_QUERY_ID_REQUIRED:
    'The gateway runs trusted documents only: send the document’s hash, not free query text.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}
