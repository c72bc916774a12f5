import { lt } from 'drizzle-orm';
import { clientKey } from '../../kit/client-address.js';
import { hmacSha256 } from '../../kit/crypto.js';
import type { RequestContext, SubgraphDeps } from '../../kit/subgraph.js';
import { contentViewMarks } from './tables.js';

/**
 * Who is viewing, for counting each viewer once per item per UTC day: the signed-in user, or an
 * anonymous client by its address (IPv6 by its /64, which one subscriber holds whole). Kept only
 * as a keyed hash, so the marks hold no address or user id.
 */
export function viewerKey(deps: SubgraphDeps, ctx: RequestContext): string {
  const viewer = ctx.viewer ? `user:${ctx.viewer.userId}` : `client:${clientKey(ctx.ip)}`;
  return hmacSha256(deps.identitySecret, `content-view\n${viewer}`).subarray(0, 16).toString('base64url');
}

/** The UTC day a view at `at` counts for. */
export const viewDay = (at: Date) => at.toISOString().slice(0, 10);

/** Deletes the marks of days before today (UTC): they decide nothing any more. */
export async function deleteOldViewMarks(deps: SubgraphDeps): Promise<number> {
  const deleted = await deps.database.db
    .delete(contentViewMarks)
    .where(lt(contentViewMarks.day, viewDay(deps.clock.now())))
    .returning({ day: contentViewMarks.day });
  return deleted.length;
}
