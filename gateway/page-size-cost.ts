import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  type ArgumentNode,
  type DocumentNode,
  GraphQLError,
  Kind,
  type ValidationContext,
  validate,
  visit,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../kit/pagination.js';

/**
 * The cost model of the query limits (graphql-armor's), shared by the validation rule and the
 * plugin below. A trainer's dashboard page of 100 clients (username, steps series, heart rate,
 * plan, habits, five sessions each) costs about 37,000; two nested lists of 100 and 50 items
 * about 200,000; a document of 1,200 spreads of one fragment about 64,000.
 */
export const COST_LIMIT = { maxCost: 50_000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 };

/**
 * graphql-armor's cost limit multiplies a selection by its `first`/`last` only when the page size
 * is written inline: `clients(first: 100)` costs 100 times its selection, `clients(first: $n)` costs
 * it once, so nesting connections with page sizes in variables would slip past the limit. Once the
 * variables are known, this re-runs the same rule on the operation with each page-size variable
 * written in as its value (capped at the largest page a list serves: a larger one is the list's own
 * BAD_USER_INPUT to give).
 */
export function pageSizeVariablesCost<C extends BaseContext>(): ApolloServerPlugin<C> {
  // Apollo Server hands out one parsed document per distinct query string, so whether a document
  // passes page sizes in variables is worked out once per document, not per request.
  const pageSizeVariables = new WeakMap<DocumentNode, boolean>();
  const usesPageSizeVariables = (document: DocumentNode) => {
    let uses = pageSizeVariables.get(document);
    if (uses === undefined) {
      uses = false;
      visit(document, {
        Argument(node) {
          if (
            (node.name.value === 'first' || node.name.value === 'last') &&
            node.value.kind === Kind.VARIABLE
          )
            uses = true;
        },
      });
      pageSizeVariables.set(document, uses);
    }
    return uses;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          if (!usesPageSizeVariables(document)) return;
          const values: Record<string, unknown> = { ...request.variables };
          for (const definition of operation?.variableDefinitions ?? []) {
            const name = definition.variable.name.value;
            if (values[name] === undefined && definition.defaultValue?.kind === Kind.INT) {
              values[name] = Number(definition.defaultValue.value);
            }
          }
          const inlined = visit(document, {
            Argument(node: ArgumentNode) {
              if (node.name.value !== 'first' && node.name.value !== 'last') return undefined;
              if (node.value.kind !== Kind.VARIABLE) return undefined;
              const value = values[node.value.name.value];
              const size = typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 1;
              return { ...node, value: { kind: Kind.INT, value: String(Math.min(size, MAX_PAGE_SIZE)) } };
            },
          });
          const errors = validate(schema, inlined, [
            costLimitRule({
              ...COST_LIMIT,
              propagateOnRejection: false,
              onReject: [(context, error) => (context as ValidationContext).reportError(error)],
            }),
          ]);
          if (errors.length > 0) {
            throw new GraphQLError(errors[0]!.message, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
