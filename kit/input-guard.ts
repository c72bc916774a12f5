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

/**
 * Twice the longest list any argument of the API takes (recordHealthMetrics: 5,000 samples), so
 * that a list just over an argument's own limit still gets that argument's precise answer (which
 * item, which field) from its subgraph.
 */
export const MAX_LIST_ITEMS = 10_000;

/**
 * Refuses an operation whose variables hold a list longer than MAX_LIST_ITEMS, before the
 * gateway coerces them against the schema and sends them on: a 20,000-item list costs the
 * gateway and the subgraph half a second of CPU each only to be refused by the subgraph's own
 * limit. (Inline list literals are bounded by the token limit already.)
 */
export function rejectHugeLists<C extends BaseContext>(maxItems = MAX_LIST_ITEMS): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          if (longestList(request.variables) > maxItems) {
            throw new GraphQLError(`Lists may hold at most ${maxItems.toLocaleString('en')} items.`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

function longestList(value: unknown, depth = 0): number {
  if (depth > 64 || !value || typeof value !== 'object') return 0;
  const items = Array.isArray(value) ? value : Object.values(value);
  let longest = Array.isArray(value) ? value.length : 0;
  for (const item of items) {
    if (longest > MAX_LIST_ITEMS) break;
    if (item && typeof item === 'object') longest = Math.max(longest, longestList(item, depth + 1));
  }
  return longest;
}
