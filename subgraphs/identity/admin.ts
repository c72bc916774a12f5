import { and, asc, eq, isNull, like, or, sql } from 'drizzle-orm';
import { badInput, notFound } from '../../kit/errors.js';
import type { Viewer } from '../../kit/identity-header.js';
import type { Logger } from '../../kit/log.js';
import { decodeCursor, pageSize, toPage } from '../../kit/pagination.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { endAllSessions, forgetViewers } from './sessions.js';
import { auditLog, users } from './tables.js';

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Accounts whose email or username starts with the prefix (case-insensitive), oldest first. */
export async function searchUsers(
  deps: SubgraphDeps,
  args: { prefix?: string | null; first?: number | null; after?: string | null },
) {
  const limit = pageSize(args.first);
  const cursor = decodeCursor(args.after, ['timestamp', 'uuid']);
  const prefix = args.prefix?.trim().toLowerCase() ?? '';
  if (prefix.length > 320) throw badInput('prefix must be at most 320 characters.', { field: 'prefix' });
  const pattern = `${escapeLike(prefix)}%`;
  const conditions = [isNull(users.deletedAt)];
  if (prefix) conditions.push(or(like(users.email, pattern), like(sql`lower(${users.username})`, pattern))!);
  const filter = and(...conditions);
  if (cursor) {
    const [createdAt, id] = cursor;
    conditions.push(sql`(${users.createdAt}, ${users.id}) > (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  const rows = await deps.database.db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.createdAt.toISOString(), row.id],
    () => deps.database.db.$count(users, filter),
  );
}

/** Deactivates or reactivates an account; deactivation ends its sessions. Audited in the log. */
export async function setUserActive(
  deps: SubgraphDeps,
  log: Logger,
  admin: Viewer,
  userId: string,
  active: boolean,
  reason: string | null | undefined,
) {
  if (!active && admin.userId === userId)
    throw badInput('Admins cannot deactivate themselves.', { field: 'userId' });
  if (reason && reason.length > 500)
    throw badInput('reason must be at most 500 characters.', { field: 'reason' });
  const changed = await deps.database.db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ isActive: active, updatedAt: deps.clock.now() })
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .returning();
    if (!user) throw notFound('User');
    const ended = active ? [] : await endAllSessions(tx, userId);
    const revokedSessions = ended.length;
    const action = active ? 'user.reactivated' : 'user.deactivated';
    await tx.insert(auditLog).values({
      actorId: admin.userId,
      action,
      targetId: userId,
      reason: reason ?? null,
      createdAt: deps.clock.now(),
    });
    log.info(
      {
        audit: true,
        action,
        actorId: admin.userId,
        targetId: userId,
        reason: reason ?? null,
        revokedSessions,
      },
      active ? 'admin reactivated a user' : 'admin deactivated a user',
    );
    return { user, ended };
  });
  // After the commit: dropped earlier, a request in between could cache a session again.
  await forgetViewers(deps.kv, changed.ended);
  return changed.user;
}
