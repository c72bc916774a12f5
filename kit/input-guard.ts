import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, visit } from 'graphql';

/**
 * Refuses text that contains a NUL character anywhere in an operation's variables or string
 * literals. PostgreSQL text cannot hold U+0000, so such a value would otherwise reach the database
 * and fail there as an unexpected error; refusing it up front makes it the client's mistake (400).
 */
export function rejectNulCharacters<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let found = containsNul(request.variables);
          if (!found) {
            visit(document, {
              [Kind.STRING]: (node) => {
                if (node.value.includes('\u0000')) found = true;
              },
            });
          }
          if (found) {
            throw new GraphQLError('Text must not contain NUL (U+0000) characters.', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

function containsNul(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(
      ([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1),
    );
  }
  return false;
}
