import { type ASTVisitor, GraphQLError, type ValidationContext } from 'graphql';

/**
 * Refuses an operation whose type (query, mutation, subscription) the schema has no root type for.
 * graphql-js 16 validates the fields of such an operation against nothing and lets it through, and
 * the gateway's query planner then fails on it as an unexpected error (HTTP 500). As a validation
 * error it is a 400 with GRAPHQL_VALIDATION_FAILED, over POST and GET alike; once the schema gains
 * a Subscription type, subscription operations pass this rule and are handled like any other.
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
