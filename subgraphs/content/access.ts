import { isAdmin, isOwnerOrAdmin, requireFieldAccess, requireViewer } from '../../kit/authz.js';
import { forbidden } from '../../kit/errors.js';
import type { RequestContext } from '../../kit/subgraph.js';

/**
 * Entitlements that open paid courses, as billing grants them: `course:<id>` for one bought
 * course, `courses:all` for a plan that includes every paid course.
 */
export const ALL_COURSES_ENTITLEMENT = 'courses:all';
export const courseEntitlement = (courseId: string) => `course:${courseId}`;

/** The viewer's trainer id, which the gateway resolves with the viewer (null for non-trainers). */
export const viewerTrainerId = (ctx: RequestContext): string | null => ctx.viewer?.trainerId ?? null;

export function requireTrainer(ctx: RequestContext): string {
  requireViewer(ctx);
  const trainerId = viewerTrainerId(ctx);
  if (!trainerId) throw forbidden('Only trainers can author content.');
  return trainerId;
}

/** Drafts are visible to their creator and to admins; published rows to everyone. */
export function isVisible(row: { creatorId: string; isPublished: boolean }, ctx: RequestContext): boolean {
  return row.isPublished || row.creatorId === viewerTrainerId(ctx) || isAdmin(ctx);
}

/**
 * Whether the viewer may open the course's lessons, decided on every read: a free course, its
 * creator, an admin, or an entitlement billing grants now (`course:<id>`, `courses:all`). The
 * entitlements come with the signed viewer, which the gateway caches for at most 30 s and drops
 * when billing reports a subscription change. An enrollment only records that the viewer joined:
 * it outlives a canceled, expired or refunded subscription, so it opens nothing by itself.
 */
export function entitledToCourse(
  course: { id: string; creatorId: string; isFree: boolean },
  ctx: RequestContext,
) {
  if (course.isFree) return true;
  if (course.creatorId === viewerTrainerId(ctx) || isAdmin(ctx)) return true;
  const entitlements = ctx.viewer?.entitlements ?? [];
  return (
    entitlements.includes(ALL_COURSES_ENTITLEMENT) || entitlements.includes(courseEntitlement(course.id))
  );
}

/**
 * What a lesson teaches, to a viewer entitled to its course: its items the viewer may see, and
 * also the course creator's unpublished ones, since a trainer keeps course-only material out of
 * the public catalogue by leaving it unpublished.
 */
export function lessonItemsFor<T extends { creatorId: string; isPublished: boolean }>(
  course: { creatorId: string },
  items: readonly (T | null | Error)[],
  ctx: RequestContext,
): T[] {
  return items.filter(
    (item): item is T =>
      !!item && !(item instanceof Error) && (item.creatorId === course.creatorId || isVisible(item, ctx)),
  );
}

/** What someone studies is theirs (and admins') to read, on every path to it. */
export function requireEnrollmentsAccess(ctx: RequestContext, userId: string): void {
  requireFieldAccess(ctx, isOwnerOrAdmin(ctx, userId), 'Only the user can read their enrollments.');
}
