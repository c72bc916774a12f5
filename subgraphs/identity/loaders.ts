import { asc, inArray } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { byKey } from '../../kit/loaders.js';
import type { RequestContext } from '../../kit/subgraph.js';
import { type OAuthConnectionRow, type UserRow, userOauthConnections, users } from './tables.js';

/** Users by id, one query per batch; deleted users resolve to null. */
export function userById(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, UserRow | null>('identity.userById', async (ids) => {
    const rows = await db
      .select()
      .from(users)
      .where(inArray(users.id, [...ids]));
    return byKey(ids, rows, (row) => row.id).map((row) => (row && !row.deletedAt ? row : null));
  });
}

/** Linked providers per user, one query per batch. */
export function connectionsByUser(ctx: RequestContext, db: Executor) {
  return ctx.loaders.get<string, OAuthConnectionRow[]>('identity.connectionsByUser', async (ids) => {
    const rows = await db
      .select()
      .from(userOauthConnections)
      .where(inArray(userOauthConnections.userId, [...ids]))
      .orderBy(asc(userOauthConnections.createdAt), asc(userOauthConnections.provider));
    return ids.map((id) => rows.filter((row) => row.userId === id));
  });
}
