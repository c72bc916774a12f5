import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { type ASTVisitor, GraphQLError, type ValidationContext } from 'graphql';

/**
 * Refuses an operation whose type (query, mutation, subscription) the schema has no root type for.
 * graphql-js 16 validates the fields of such an operation against nothing and lets it through, and
 * the gateway's query planner then fails on it as an unexpected error (HTTP 500). As a validation
 * error it is a 400 with GRAPHQL_VALIDATION_FAILED, over POST and GET alike; once the schema gains
 * a Subscription type, subscription operations pass this rule and meet `subscriptionsOverWebSocket`.
 */
export function supportedOperationTypes(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (context.getSchema().getRootType(node.operation)) return;
      context.reportError(
        new GraphQLError(`This API does not support ${node.operation} operations.`, { nodes: node }),
      );
    },
  };
}

/**
 * A subscription sent as an ordinary HTTP request is refused with 400 BAD_REQUEST before
 * execution: subscriptions run over graphql-ws, or as a multipart HTTP response the gateway
 * streams, on the same /graphql path (docs/subscriptions.md). Without this, the gateway's
 * executor would fail on it as an unexpected error, and a subgraph would run it as a query.
 */
export function subscriptionsOverWebSocket<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(
            'Subscriptions run over WebSocket (graphql-ws), or over HTTP with `Accept: multipart/mixed;subscriptionSpec="1.0"`, on this same /graphql path; see docs/subscriptions.md.',
            { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
