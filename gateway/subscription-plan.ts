import type { ApolloServerPlugin } from '@apollo/server';
import { operationFromDocument, type Schema, type Supergraph } from '@apollo/federation-internals';
import { type QueryPlan, QueryPlanner, type SubscriptionNode } from '@apollo/query-planner';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
} from 'graphql';
import { admitTrustedDocument, type TrustedDocuments } from './trusted-documents.js';

/** A client's subscription, checked and planned: what its events run. */
export interface PlannedSubscription {
  plan: QueryPlan & { node: SubscriptionNode };
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

/** The request fields a client sends, over graphql-ws (`subscribe` payload) and HTTP alike. */
export interface SubscriptionRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
  documentId?: unknown;
}

export const refuse = (message: string, code: string, extensions: Record<string, unknown> = {}) => [
  new GraphQLError(message, { extensions: { ...extensions, code } }),
];

/**
 * Checks a subscription request like an HTTP operation (trusted documents, token limit,
 * validation with the query limits and the gateway's own rules) and plans it with the federation
 * query planner into a Subscription node (`primary` fetch + `rest`). Returns the errors that
 * refuse it otherwise; every transport answers them before anything runs.
 */
export function subscriptionPlanner(options: {
  supergraph: Supergraph;
  apiSchema: GraphQLSchema;
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  trustedDocuments?: TrustedDocuments;
  /**
   * The input guards HTTP operations pass at didResolveOperation (unstorable text, huge lists,
   * malformed ids, page sizes in the cost): the same plugins, run on the subscription.
   */
  operationGuards?: readonly ApolloServerPlugin<any>[];
  /** How the refusal of a query or mutation names the transport (`over WebSocket`). */
  transport: string;
}) {
  const fedApiSchema: Schema = options.supergraph.apiSchema();
  const planner = new QueryPlanner(options.supergraph);
  const rules = [...specifiedRules, ...options.validationRules];

  async function guard(
    document: DocumentNode,
    operation: NonNullable<ReturnType<typeof getOperationAST>>,
    operationName: string | undefined,
    variables: Record<string, unknown>,
  ): Promise<GraphQLError[] | null> {
    for (const plugin of options.operationGuards ?? []) {
      const listener = await plugin.requestDidStart?.({} as never);
      try {
        await listener?.didResolveOperation?.({
          request: { variables, operationName },
          document,
          operation,
          operationName: operationName ?? null,
          schema: options.apiSchema,
        } as never);
      } catch (error) {
        if (error instanceof GraphQLError) {
          const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
          return [new GraphQLError(error.message, { extensions })];
        }
        throw error;
      }
    }
    return null;
  }

  return async function plan(
    payload: SubscriptionRequest | unknown,
  ): Promise<PlannedSubscription | GraphQLError[]> {
    if (!payload || typeof payload !== 'object' || Array.isArray(payload))
      return refuse('Send the subscription as a JSON object with `query`.', 'BAD_REQUEST');
    let fields: Record<string, unknown> = { ...payload };
    if (options.trustedDocuments) {
      const admitted = admitTrustedDocument(options.trustedDocuments, {
        method: 'POST',
        search: '',
        body: fields,
      });
      if ('status' in admitted) {
        const body = JSON.parse(admitted.body) as {
          errors: { message: string; extensions: { code: string } }[];
        };
        const first = body.errors[0]!;
        return refuse(first.message, first.extensions.code);
      }
      fields = admitted.body as Record<string, unknown>;
    }
    if (typeof fields.query !== 'string' || fields.query.trim() === '') {
      // A hash this gateway does not hold as a trusted document: send the text with it (no
      // automatic persisted queries for subscriptions, so the text goes along each time).
      const extensions = fields.extensions as { persistedQuery?: unknown } | undefined;
      if (extensions && typeof extensions === 'object' && extensions.persistedQuery)
        return refuse(
          'This gateway does not hold the document by its hash; send its text as `query`.',
          'PERSISTED_QUERY_NOT_FOUND',
        );
      return refuse('Send the subscription document as `query`.', 'BAD_REQUEST');
    }
    if (fields.operationName != null && typeof fields.operationName !== 'string')
      return refuse('`operationName` must be a string.', 'BAD_REQUEST');
    if (fields.variables != null && (typeof fields.variables !== 'object' || Array.isArray(fields.variables)))
      return refuse('`variables` must be a JSON object.', 'BAD_REQUEST');
    let document: DocumentNode;
    try {
      document = parse(fields.query, { maxTokens: options.maxTokens });
    } catch (error) {
      return refuse((error as Error).message, 'GRAPHQL_PARSE_FAILED');
    }
    const operationName = typeof fields.operationName === 'string' ? fields.operationName : undefined;
    const validationErrors = validate(options.apiSchema, document, rules);
    if (validationErrors.length > 0)
      return validationErrors.map(
        (error) =>
          new GraphQLError(error.message, {
            nodes: error.nodes,
            extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
      );
    const operation = getOperationAST(document, operationName);
    if (!operation)
      return refuse(
        operationName
          ? `Unknown operation named "${operationName.slice(0, 100)}".`
          : 'Must provide operation name if query contains multiple operations.',
        'OPERATION_RESOLUTION_FAILURE',
      );
    if (operation.operation !== 'subscription')
      return refuse(
        `Only subscriptions run ${options.transport}; send queries and mutations as ordinary HTTP requests.`,
        'BAD_REQUEST',
      );
    const variables = (fields.variables as Record<string, unknown> | null | undefined) ?? {};
    // Variables are checked against their types here, as Apollo Server checks a query's.
    const coerced = getVariableValues(options.apiSchema, operation.variableDefinitions ?? [], variables, {
      maxErrors: 5,
    });
    if (coerced.errors)
      return coerced.errors.map(
        (error) => new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } }),
      );
    const guarded = await guard(document, operation, operationName, variables);
    if (guarded) return guarded;
    let planned: QueryPlan;
    try {
      planned = planner.buildQueryPlan(operationFromDocument(fedApiSchema, document, { operationName }));
    } catch (error) {
      // A document that validated but cannot be planned is the gateway's failure: masked as internal.
      return [new GraphQLError('Planning failed.', { originalError: error as Error })];
    }
    if (planned.node?.kind !== 'Subscription')
      return refuse('This subscription selects nothing a subgraph publishes.', 'BAD_REQUEST');
    return { plan: planned as PlannedSubscription['plan'], document, operationName, variables };
  };
}
