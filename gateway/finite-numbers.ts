import { GraphQLError, type ValidationContext, type ASTVisitor } from 'graphql';

/**
 * Refuses number literals that overflow a double (`1e400`). graphql-js parses such a Float literal
 * to Infinity without complaint, and the query planner then fails on it with an internal error;
 * as a variable the same value is already refused by input coercion.
 */
export function finiteNumberLiterals(context: ValidationContext): ASTVisitor {
  return {
    FloatValue(node) {
      if (!Number.isFinite(Number(node.value))) {
        context.reportError(
          new GraphQLError(`The number ${node.value.slice(0, 40)} is out of range.`, { nodes: node }),
        );
      }
    },
  };
}
