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

/** The export operation for this supergraph, or null when it has no User type. */
export function exportQuery(schema: GraphQLSchema): string | null {
  const user = schema.getType('User');
  if (!user || !isObjectType(user)) return null;
  const selection = selectionFor(schema, user, [], 1);
  return selection ? `query ExportMyData { me ${selection} }` : null;
}

export function exportRoute(options: {
  apiSchema: GraphQLSchema;
  secret: string;
  log: Logger;
  execute: (query: string, viewer: Viewer) => Promise<{ data: unknown; errors: unknown[] }>;
}): Route {
  const query = exportQuery(options.apiSchema);
  return {
    method: 'POST',
    path: EXPORT_PATH,
    handle: async (request: RawRequest) => {
      const header = request.headers[IDENTITY_HEADER];
      const identity = verifyIdentity(Array.isArray(header) ? header[0] : header, options.secret);
      if (identity?.service !== 'identity' || !identity.viewer) {
        return jsonResponse(403, { error: 'forbidden' });
      }
      if (!query) return jsonResponse(200, { data: null, errors: [] });
      const result = await options.execute(query, identity.viewer);
      options.log.info({ userId: identity.viewer.userId, audit: 'export' }, 'personal data exported');
      return jsonResponse(200, result);
    },
  };
}
