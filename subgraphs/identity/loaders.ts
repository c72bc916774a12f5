import { asc } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { byKey } from '../../kit/loaders.js';
import { rowsByKeys } from '../../kit/prepared.js';
import type { RequestContext } from '../../kit/subgraph.js';
import { type OAuthConnectionRow, type UserRow, userOauthConnections, users } from './tables.js';

const usersByIds = rowsByKeys<UserRow>({ name: 'identity.userById', table: users, key: users.id });

/** Users by id, one query per batch; deleted users resolve to null. */
export function userById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, UserRow | null>('identity.userById', async (ids) => {
    const rows = await usersByIds(db, ids);
    return byKey(ids, rows, (row) => row.id).map((row) => (row && !row.deletedAt ? row : null));
  });
}

const connectionsOfUsers = rowsByKeys<OAuthConnectionRow>({
  name: 'identity.connectionsByUser',
  table: userOauthConnections,
  key: userOauthConnections.userId,
  orderBy: [asc(userOauthConnections.createdAt), asc(userOauthConnections.provider)],
});

/** Linked providers per user, one query per batch. */
export function connectionsByUser(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, OAuthConnectionRow[]>('identity.connectionsByUser', async (ids) => {
    const rows = await connectionsOfUsers(db, ids);
    return ids.map((id) => rows.filter((row) => row.userId === id));
  });
}
