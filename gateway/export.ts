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

/** Connections (`nodes` + `pageInfo { hasNextPage endCursor }` with an `after` argument) are paged to the end. */
function isConnectionField(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  if (!isObjectType(type) || !field.args.some((arg) => arg.name === 'after' && !isNonNullType(arg.type)))
    return false;
  const fields = type.getFields();
  const pageInfo = fields.pageInfo && getNamedType(fields.pageInfo.type);
  return Boolean(
    fields.nodes &&
      pageInfo &&
      isObjectType(pageInfo) &&
      pageInfo.getFields().hasNextPage &&
      pageInfo.getFields().endCursor,
  );
}

export interface ExportQuery {
  /** The User field this operation reads; null for the one with all leaf fields. */
  field: string | null;
  query: string;
  /** True when the field is a connection the export pages through with $after. */
  paginated: boolean;
}

/** Pages read per connection at most; a larger list is reported as truncated, never silently cut. */
export const MAX_EXPORT_PAGES = 500;

/**
 * The export operations for this supergraph: one for User's leaf fields, one per nested field.
 * Small operations stay inside the gateway's depth and cost limits however many subgraphs add to
 * User, and a failing subgraph costs only its own fields.
 */
export function exportQueries(schema: GraphQLSchema): ExportQuery[] {
  const user = schema.getType('User');
  if (!user || !isObjectType(user)) return [];
  const leaves: string[] = [];
  const nested: ExportQuery[] = [];
  for (const field of Object.values(user.getFields())) {
    if (hasRequiredArgs(field)) continue;
    const inner = selectionFor(schema, getNamedType(field.type), ['User'], 2);
    if (inner === '') leaves.push(field.name);
    else if (inner !== null) {
      const paginated = isConnectionField(field);
      nested.push({
        field: field.name,
        paginated,
        query: paginated
          ? `query ExportMyData($after: String) { me { ${field.name}(after: $after) ${inner} } }`
          : `query ExportMyData { me { ${field.name} ${inner} } }`,
      });
    }
  }
  return [
    { field: null, paginated: false, query: `query ExportMyData { me { ${leaves.join(' ')} } }` },
    ...nested,
  ];
}

type Execute = (
  query: string,
  viewer: Viewer,
  variables?: Record<string, unknown>,
) => Promise<{ data: unknown; errors: unknown[] }>;

interface Page {
  nodes?: unknown[];
  pageInfo?: { hasNextPage?: boolean; endCursor?: string | null };
}

/** Reads a connection to its last page and returns it as one page holding every node. */
async function readAllPages(execute: Execute, item: ExportQuery, viewer: Viewer, errors: unknown[]) {
  let after: string | null = null;
  let merged = null as Page | null;
  for (let page = 0; page < MAX_EXPORT_PAGES; page++) {
    const result = await execute(item.query, viewer, { after });
    errors.push(...result.errors);
    const me = (result.data as { me?: Record<string, unknown> | null } | null)?.me;
    const current = me?.[item.field!] as Page | null | undefined;
    if (!current) return merged;
    const previous: Page | null = merged;
    merged = previous
      ? {
          ...previous,
          nodes: [...(previous.nodes ?? []), ...(current.nodes ?? [])],
          pageInfo: current.pageInfo,
        }
      : current;
    if (!current.pageInfo?.hasNextPage || !current.pageInfo.endCursor) return merged;
    after = current.pageInfo.endCursor;
  }
  errors.push({ message: `export truncated after ${MAX_EXPORT_PAGES} pages`, path: ['me', item.field] });
  return merged;
}

export function exportRoute(options: {
  apiSchema: GraphQLSchema;
  secret: string;
  log: Logger;
  execute: Execute;
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
      for (const item of queries) {
        if (item.paginated) {
          if (found) me[item.field!] = await readAllPages(options.execute, item, viewer, errors);
          continue;
        }
        const result = await options.execute(item.query, viewer);
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
