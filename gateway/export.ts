import {
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { jsonResponse, type RawRequest, type Route } from '../kit/http-server.js';
import { IDENTITY_HEADER, type Viewer, verifyIdentity } from '../kit/identity-header.js';
import type { Logger } from '../kit/log.js';

/**
 * exportMyData (GDPR, right of access) is built here, from the API schema, not in identity:
 * the export is `me { ... }` with every field of User that takes no required argument, followed
 * into nested object types. A subgraph that adds `User.habits` or `User.subscriptions` joins
 * the export the moment it is composed into the supergraph; identity knows no other subgraph.
 * The query runs as the viewer, so it contains exactly what that viewer may read about
 * themselves: each owner subgraph applies its own authorization, as for any other request.
 *
 * Identity owns the `exportMyData` field and calls this route with the signed identity header
 * (service "identity" plus the viewer it received), so no session token ever leaves the gateway.
 */
export const EXPORT_PATH = '/internal/export';

/** How deep nested objects are followed; cycles (User -> Trainer -> User) are cut by type. */
const MAX_DEPTH = 4;

const hasRequiredArgs = (field: GraphQLField<unknown, unknown>) =>
  field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);

function selectionFor(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  path: string[],
  depth: number,
): string | null {
  if (isAbstractType(type)) {
    const members = schema
      .getPossibleTypes(type)
      .map((member) => {
        const inner = selectionFor(schema, member, path, depth);
        return inner ? `... on ${member.name} ${inner}` : null;
      })
      .filter(Boolean);
    return `{ __typename ${members.join(' ')} }`;
  }
  if (!isObjectType(type)) return '';
  if (depth > MAX_DEPTH || path.includes(type.name)) return null;
  const fields = Object.values((type as GraphQLObjectType).getFields())
    .filter((field) => !hasRequiredArgs(field))
    .map((field) => {
      const inner = selectionFor(schema, getNamedType(field.type), [...path, type.name], depth + 1);
      if (inner === null) return null;
      return inner === '' ? field.name : `${field.name} ${inner}`;
    })
    .filter((field): field is string => Boolean(field));
  return fields.length > 0 ? `{ ${fields.join(' ')} }` : null;
}

/**
 * The export operations for this supergraph: one for User's leaf fields, one per nested field.
 * Small operations stay inside the gateway's depth and cost limits however many subgraphs add to
 * User, and a failing subgraph costs only its own fields.
 */
export function exportQueries(schema: GraphQLSchema): string[] {
  const user = schema.getType('User');
  if (!user || !isObjectType(user)) return [];
  const leaves: string[] = [];
  const nested: string[] = [];
  for (const field of Object.values(user.getFields())) {
    if (hasRequiredArgs(field)) continue;
    const inner = selectionFor(schema, getNamedType(field.type), ['User'], 2);
    if (inner === '') leaves.push(field.name);
    else if (inner !== null) nested.push(`query ExportMyData { me { ${field.name} ${inner} } }`);
  }
  return [`query ExportMyData { me { ${leaves.join(' ')} } }`, ...nested];
}

export function exportRoute(options: {
  apiSchema: GraphQLSchema;
  secret: string;
  log: Logger;
  execute: (query: string, viewer: Viewer) => Promise<{ data: unknown; errors: unknown[] }>;
}): Route {
  const queries = exportQueries(options.apiSchema);
  return {
    method: 'POST',
    path: EXPORT_PATH,
    handle: async (request: RawRequest) => {
      const header = request.headers[IDENTITY_HEADER];
      const identity = verifyIdentity(Array.isArray(header) ? header[0] : header, options.secret);
      if (identity?.service !== 'identity' || !identity.viewer) {
        return jsonResponse(403, { error: 'forbidden' });
      }
      const viewer = identity.viewer;
      const me: Record<string, unknown> = {};
      const errors: unknown[] = [];
      let found = false;
      for (const query of queries) {
        const result = await options.execute(query, viewer);
        const part = (result.data as { me?: Record<string, unknown> | null } | null)?.me;
        if (part) {
          found = true;
          Object.assign(me, part);
        }
        errors.push(...result.errors);
      }
      options.log.info(
        { userId: viewer.userId, audit: true, action: 'user.exported' },
        'personal data exported',
      );
      return jsonResponse(200, { data: { me: found ? me : null }, errors });
    },
  };
}
