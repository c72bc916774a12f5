import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  type ASTNode,
  type DocumentNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { isUuid } from './ids.js';

/**
 * Refuses an operation that passes a value which is not a UUID where the schema takes an `ID`:
 * an argument, an input object field or a list item, written inline or sent as a variable. Every
 * id in the graph is a UUID, and a resolver that casts anything else to `uuid` in SQL would fail
 * as an unexpected error; refused here it is the client's mistake (400, BAD_USER_INPUT), for
 * every ID argument at once, including ones added later.
 *
 * The same holds for the entity representations a subgraph's `_entities` takes (`_Any`): their
 * fields are the entity's own, so an ID field among them must be a UUID too. The gateway only
 * sends representations built from what subgraphs answered; a malformed one comes from a caller
 * inside the network, and gets the same 400.
 *
 * Runs after the list-size guard, so an over-long list of ids gets that answer first.
 */
export function rejectMalformedIds<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) return;
          const where = malformedIdArgument(schema, document, operation, request.variables ?? {});
          if (where) {
            throw new GraphQLError(`${where} is not a valid id; ids are UUIDs.`, {
              extensions: { code: 'BAD_USER_INPUT', field: where, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** Where the operation passes an ID that is no UUID (`$ids[2]`, `user(id:)`), or null. */
export function malformedIdArgument(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): string | null {
  return (
    malformedIdInVariables(schema, operation, variables) ?? malformedIdInLiterals(schema, document, operation)
  );
}

/** An ID accepts strings and integers; only a UUID string can name anything here. */
const isMalformedId = (value: unknown) =>
  (typeof value === 'string' || typeof value === 'number') && !isUuid(value);

function malformedIdInVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): string | null {
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type || !(name in variables)) continue;
    const found = malformedIdIn(schema, type, variables[name], `$${name}`, 0);
    if (found) return found;
  }
  return null;
}

/**
 * Walks a variable's value along its declared type. Values of the wrong shape are left to input
 * coercion, which refuses them with its own message.
 */
function malformedIdIn(
  schema: GraphQLSchema,
  type: GraphQLInputType,
  value: unknown,
  path: string,
  depth: number,
): string | null {
  if (value === null || value === undefined || depth > 32) return null;
  if (isNonNullType(type)) return malformedIdIn(schema, type.ofType, value, path, depth);
  if (isListType(type)) {
    // Input coercion wraps a single value into a list of one.
    const items = Array.isArray(value) ? value : [value];
    for (let i = 0; i < items.length; i++) {
      const found = malformedIdIn(schema, type.ofType, items[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return null;
    const fields = type.getFields();
    for (const [key, item] of Object.entries(value)) {
      const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (!field) continue;
      const found = malformedIdIn(schema, field.type, item, `${path}.${key}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (type.name === '_Any' && value && typeof value === 'object') {
    const typename = (value as { __typename?: unknown }).__typename;
    const entity = typeof typename === 'string' ? schema.getType(typename) : undefined;
    return entity ? malformedIdInOutput(entity, value, path, depth) : null;
  }
  return type.name === 'ID' && isMalformedId(value) ? path : null;
}

/** An entity representation, walked along the fields of the entity's (output) type. */
function malformedIdInOutput(
  type: GraphQLNamedType,
  value: unknown,
  path: string,
  depth: number,
): string | null {
  if (value === null || value === undefined || depth > 32) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = malformedIdInOutput(type, value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (isObjectType(type) || isInterfaceType(type)) {
    if (typeof value !== 'object') return null;
    const fields = type.getFields();
    for (const [key, item] of Object.entries(value)) {
      const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (!field) continue;
      const found = malformedIdInOutput(getNamedType(field.type), item, `${path}.${key}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  return type.name === 'ID' && isMalformedId(value) ? path : null;
}

/**
 * The literal check's answer per operation node: Apollo Server hands every request with the same
 * query text the same parsed document (its document store), so a gateway's fixed set of fetch
 * documents is each walked once, not once per request. Keyed by the schema too.
 */
const literalVerdicts = new WeakMap<
  OperationDefinitionNode,
  { schema: GraphQLSchema; found: string | null }
>();

/** String and integer literals in ID positions of the operation and the fragments it spreads. */
function malformedIdInLiterals(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): string | null {
  const known = literalVerdicts.get(operation);
  if (known?.schema === schema) return known.found;
  const found = walkLiterals(schema, document, operation);
  literalVerdicts.set(operation, { schema, found });
  return found;
}

function walkLiterals(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): string | null {
  const definitions: ASTNode[] = [
    operation,
    ...document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION),
  ];
  for (const definition of definitions) {
    const typeInfo = new TypeInfo(schema);
    let found: string | null = null;
    const check = (value: string) => {
      const type = typeInfo.getInputType();
      if (found || !type || getNamedType(type).name !== 'ID' || !isMalformedId(value)) return;
      found = typeInfo.getArgument()?.name ?? 'an argument';
    };
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        StringValue: (node) => check(node.value),
        IntValue: (node) => check(node.value),
      }),
    );
    if (found) return found;
  }
  return null;
}
