import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';

/** Half of a UTF-16 surrogate pair with no other half: a string no UTF-8 text can hold. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * True when the text can be stored exactly as sent. PostgreSQL text cannot hold U+0000; a lone
 * surrogate has no UTF-8 form, so the driver would store U+FFFD in its place (silently changing
 * the text) and PostgreSQL refuses it inside JSON (`\ud800`) as an unexpected error.
 */
export const isStorableText = (text: string): boolean =>
  !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/**
 * Refuses an operation with text isStorableText refuses anywhere in its variables (values and
 * object keys, at any depth: nested input objects, lists, JSON scalars) or its string literals,
 * so such a value is the client's mistake (400) instead of reaching the database.
 */
export function rejectUnstorableText<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          if (hasUnstorableText(request.variables, document)) {
            throw new GraphQLError(
              'Text must not contain NUL (U+0000) characters or unpaired UTF-16 surrogates.',
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}

/** True when the variables or the document's string literals hold text isStorableText refuses. */
export function hasUnstorableText(variables: unknown, document: DocumentNode): boolean {
  return containsUnstorable(variables) || hasUnstorableLiteral(document);
}

/**
 * Per document: Apollo Server hands every request with the same query text the same parsed
 * document from its document store, and a gateway sends a subgraph a small fixed set of them, so
 * each is walked once rather than once per request.
 */
const literalVerdicts = new WeakMap<DocumentNode, boolean>();

function hasUnstorableLiteral(document: DocumentNode): boolean {
  let found = literalVerdicts.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      [Kind.STRING]: (node) => {
        if (!isStorableText(node.value)) found = true;
      },
    });
    literalVerdicts.set(document, found);
  }
  return found;
}

function containsUnstorable(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === 'string') return !isStorableText(value);
  if (Array.isArray(value)) return value.some((item) => containsUnstorable(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(
      ([key, item]) => !isStorableText(key) || containsUnstorable(item, depth + 1),
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
