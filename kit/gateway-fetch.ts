import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  NoSchemaIntrospectionCustomRule,
  type OperationDefinitionNode,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
} from 'graphql';
import type { RawRequest, RawResponse } from './http-server.js';
import { CLIENT_OPERATION_HEADER } from './identity-header.js';
import { malformedIdArgument } from './id-arguments.js';
import { hasUnstorableText } from './input-guard.js';

/**
 * The short way through a subgraph for the fetches that make up nearly all of its traffic: a
 * signed-in viewer's query, sent by the gateway with a document the subgraph has validated
 * before. Apollo Server runs the same request through its whole pipeline (a hash of the query
 * text, a dozen plugin hooks each awaited, per-field cache hints, response head merging), 6–16%
 * of a subgraph's CPU in BENCHMARKS.md; here the document is looked up by its text, the checks
 * the plugins make are plain function calls, and graphql-js executes it.
 *
 * Everything else, and anything unusual about one of these, goes to Apollo Server as before: a
 * mutation, an anonymous or service fetch (their cache hints matter), a document that does not
 * validate, an operation the input checks would refuse (Apollo Server gives the refusal its usual
 * shape and status), a request with extensions. The answer is the one Apollo Server would give:
 * the same error masking, `cache-control: no-store` (a viewer's answer is never cached, see
 * noCacheHintsForViewers in kit/subgraph.ts), the same metrics.
 */

/** What the subgraph does around execution, shared with its Apollo Server plugins. */
export interface GatewayFetchHooks<C> {
  schema: GraphQLSchema;
  /** The subgraph's own validation rules beside graphql-js's (supportedOperationTypes). */
  validationRules: ValidationRule[];
  /** Outside production introspection stays open, as in Apollo Server's configuration. */
  introspection: boolean;
  /** The request's context; null when the fetch is not a signed-in viewer's (Apollo Server takes it). */
  context(request: RawRequest): Promise<(C & { viewer: unknown; readsMayLag: boolean }) | null>;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** Headers the answer carries besides its content type (the cookies resolvers asked for). */
  responseHeaders(context: C): Record<string, string>;
  observe(operationName: string | null, seconds: number, errorCodes: string[]): void;
}

interface PreparedDocument {
  document: DocumentNode;
  /** The operation by name ('' for a document's only operation); absent: Apollo Server answers. */
  operations: Map<string, OperationDefinitionNode>;
}

/** The gateway sends each subgraph a small set of fetch documents; a cap keeps the cache bounded anyway. */
const MAX_DOCUMENTS = 1000;

/**
 * A request handler for the subgraph's HTTP server: the answer, or null for Apollo Server to
 * handle the request.
 */
export function gatewayFetches<C>(
  hooks: GatewayFetchHooks<C>,
): (request: RawRequest, body: unknown) => Promise<RawResponse | null> {
  const documents = new Map<string, PreparedDocument | null>();
  const rules = [
    ...specifiedRules,
    ...hooks.validationRules,
    ...(hooks.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];

  const prepared = (query: string): PreparedDocument | null => {
    let entry = documents.get(query);
    if (entry !== undefined) return entry;
    try {
      const document = parse(query);
      entry =
        validate(hooks.schema, document, rules).length === 0 ? { document, operations: new Map() } : null;
    } catch {
      entry = null;
    }
    if (documents.size >= MAX_DOCUMENTS) documents.clear();
    documents.set(query, entry);
    return entry;
  };

  return async (request, body) => {
    if (request.method !== 'POST' || !isPlainObject(body)) return null;
    const { query, variables = {}, operationName = null, extensions, ...rest } = body;
    if (typeof query !== 'string' || extensions !== undefined || Object.keys(rest).length > 0) return null;
    if (!isPlainObject(variables) || (operationName !== null && typeof operationName !== 'string'))
      return null;
    const entry = prepared(query);
    if (!entry) return null;
    const operation = operationOf(entry, operationName);
    if (operation?.operation !== 'query') return null;
    if (hasUnstorableText(variables, entry.document)) return null;
    if (malformedIdArgument(hooks.schema, entry.document, operation, variables)) return null;

    const context = await hooks.context(request);
    if (!context) return null;
    const client = request.headers[CLIENT_OPERATION_HEADER];
    context.readsMayLag = !client || client === 'query';

    const started = process.hrtime.bigint();
    const result = (await execute({
      schema: hooks.schema,
      document: entry.document,
      variableValues: variables,
      operationName,
      contextValue: context,
    })) as ExecutionResult;
    const answer: { errors?: GraphQLFormattedError[]; data?: unknown } = {};
    const codes: string[] = [];
    let status = 200;
    if (result.errors) {
      answer.errors = result.errors.map((error) => {
        // A status an error asks for (SERVICE_UNAVAILABLE: 503) is the answer's, as Apollo Server does it.
        const http = error.extensions?.http as { status?: unknown } | undefined;
        if (typeof http?.status === 'number') status = http.status;
        const formatted = hooks.formatError(formatAsApollo(error), error);
        codes.push(String(formatted.extensions?.code ?? 'UNKNOWN'));
        return formatted;
      });
    }
    if ('data' in result) answer.data = result.data;
    hooks.observe(operation.name?.value ?? null, Number(process.hrtime.bigint() - started) / 1e9, codes);
    return {
      status,
      headers: { 'cache-control': 'no-store', ...hooks.responseHeaders(context) },
      body: JSON.stringify(answer),
    };
  };
}

function operationOf(entry: PreparedDocument, operationName: string | null): OperationDefinitionNode | null {
  const key = operationName ?? '';
  let operation = entry.operations.get(key);
  if (operation === undefined) {
    operation = getOperationAST(entry.document, operationName) ?? undefined;
    if (!operation) return null;
    entry.operations.set(key, operation);
  }
  return operation;
}

/**
 * An execution error as Apollo Server formats it before the subgraph's formatError: a code
 * (INTERNAL_SERVER_ERROR when the error has none), no stack trace, no `http` extension.
 */
function formatAsApollo(error: GraphQLError): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.extensions ?? {};
  return {
    ...error.toJSON(),
    extensions: { ...extensions, code: extensions.code ?? 'INTERNAL_SERVER_ERROR' },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
