import { isAdmin, isOwnerOrAdmin, requireFieldAccess, requireViewer } from '../../kit/authz.js';
import { forbidden } from '../../kit/errors.js';
import type { RequestContext, SubgraphDeps } from '../../kit/subgraph.js';
import { planVersion, trainerById, trainerByUserId } from './loaders.js';
import type { PlanModel } from './models.js';
import { and, eq, isNull } from 'drizzle-orm';
import {
  type TrainerClientRow,
  type TrainerRow,
  trainerClients,
  trainers,
  type WorkoutPlanRow,
} from './tables.js';

/**
 * Trainer rights come from this subgraph's own trainers table, looked up by the viewer's user id,
 * not from the gateway's cached viewer.trainerId: a trainer an admin has just verified can act at
 * once, instead of waiting up to the viewer cache's 30 s.
 */
export async function viewerTrainer(ctx: RequestContext, deps: SubgraphDeps): Promise<TrainerRow | null> {
  if (!ctx.viewer) return null;
  return trainerByUserId(ctx, deps.database.db).load(ctx.viewer.userId);
}

export async function requireVerifiedTrainer(ctx: RequestContext, deps: SubgraphDeps): Promise<TrainerRow> {
  requireViewer(ctx);
  const trainer = await viewerTrainer(ctx, deps);
  if (!trainer?.verified) throw forbidden('Only verified trainers can create and edit workout plans.');
  return trainer;
}

/**
 * True when the viewer is this trainer or an admin: they read the trainer's drafts. Asked from the
 * trainer's row (whose user it is: one trainer profile per user, a unique index) rather than from
 * the viewer's profile: the same answer, and the row a plan's `trainer` field loads anyway, so a
 * page of plans costs no statement of its own for it.
 */
export async function canSeeDraftsOf(ctx: RequestContext, deps: SubgraphDeps, trainerId: string) {
  if (isAdmin(ctx)) return true;
  if (!ctx.viewer) return false;
  const trainer = await trainerById(ctx, deps.database.db).load(trainerId);
  return trainer !== null && trainer.userId === ctx.viewer.userId;
}

/** True when the viewer wrote the plan (as its trainer) or is an admin. */
export const canSeeDraft = (ctx: RequestContext, deps: SubgraphDeps, plan: WorkoutPlanRow) =>
  canSeeDraftsOf(ctx, deps, plan.trainerId);

/** The profile User.trainer shows anyone (and the gateway reads into viewer.trainerId): a verified one. */
export const publicTrainer = (trainer: TrainerRow | null): TrainerRow | null =>
  trainer?.verified ? trainer : null;

/** The trainer's client list leads to health data, which is never an admin's: the trainer alone reads it. */
export async function requireOwnClientList(ctx: RequestContext, deps: SubgraphDeps, trainerId: string) {
  const own = ctx.viewer !== null && (await viewerTrainer(ctx, deps))?.id === trainerId;
  requireFieldAccess(ctx, own, 'Only the trainer sees their clients.');
}

/** A user's workouts and habits: the user and admins read them. */
export function requireOwnRecords(ctx: RequestContext, userId: string): void {
  requireFieldAccess(
    ctx,
    isOwnerOrAdmin(ctx, userId),
    'Only the user and admins see their workouts and habits.',
  );
}

/** Who can see my data through coaching (User.coaches): the user themself only, not admins, as for health data. */
export function requireOwnCoaches(ctx: RequestContext, userId: string): void {
  requireFieldAccess(ctx, ctx.viewer?.userId === userId, 'Only the user sees their coaches.');
}

/** A trainer's profile is public once verified; before that only the applicant and admins see it. */
export function canSeeTrainer(ctx: RequestContext, trainer: TrainerRow): boolean {
  return trainer.verified || isAdmin(ctx) || (ctx.viewer !== null && ctx.viewer.userId === trainer.userId);
}

/** A plan its own trainer just changed: they see the working copy, and its latest published version. */
export async function draftView(
  ctx: RequestContext,
  deps: SubgraphDeps,
  row: WorkoutPlanRow,
): Promise<PlanModel> {
  const published =
    row.version > 0
      ? await planVersion(ctx, deps.database.db).load({ planId: row.id, version: row.version })
      : null;
  return { row, view: 'draft', published };
}

/** The plan as this viewer may see it, or null when they may not see it at all. */
export async function viewPlan(
  ctx: RequestContext,
  deps: SubgraphDeps,
  row: WorkoutPlanRow | null,
): Promise<PlanModel | null> {
  if (!row || row.deletedAt) return null;
  // Both asked at once: their statements go out together instead of one after the other.
  const [published, draft] = await Promise.all([
    row.version > 0
      ? planVersion(ctx, deps.database.db).load({ planId: row.id, version: row.version })
      : null,
    canSeeDraft(ctx, deps, row),
  ]);
  if (draft) return { row, view: 'draft', published };
  if (!row.isPublished || !published) return null;
  return { row, view: 'published', published };
}

/** A coaching relationship is visible to its two parties only (not to admins: it leads to health data). */
export async function isCoachingParty(
  ctx: RequestContext,
  deps: SubgraphDeps,
  row: TrainerClientRow,
): Promise<boolean> {
  if (!ctx.viewer) return false;
  if (ctx.viewer.userId === row.userId) return true;
  return (await viewerTrainer(ctx, deps))?.id === row.trainerId;
}

/**
 * What the client shares through a relationship: the client always sees their own data; the
 * trainer only while the relationship is active, so ending it ends the trainer's access at once.
 */
export async function canReadClientData(
  ctx: RequestContext,
  deps: SubgraphDeps,
  row: TrainerClientRow,
): Promise<boolean> {
  if (!ctx.viewer) return false;
  if (ctx.viewer.userId === row.userId) return true;
  return row.endedAt === null && (await viewerTrainer(ctx, deps))?.id === row.trainerId;
}

/** The client's habits and sessions through the relationship: canReadClientData, or a denied field. */
export async function requireClientData(
  ctx: RequestContext,
  deps: SubgraphDeps,
  row: TrainerClientRow,
): Promise<void> {
  requireFieldAccess(
    ctx,
    await canReadClientData(ctx, deps, row),
    "Only the client and their active coach see the client's habits and workouts.",
  );
}

/**
 * Who may follow a user's workout sessions live: the user, and their active coach, read from
 * this subgraph's own relationships at the moment of asking (no loader cache), so a subscription
 * checks it again for every event and a coach whose relationship ended receives nothing more.
 */
export async function canFollowSessionsOf(
  viewer: { userId: string } | null,
  deps: SubgraphDeps,
  userId: string,
): Promise<boolean> {
  if (!viewer) return false;
  if (viewer.userId === userId) return true;
  const [active] = await deps.database.db
    .select({ id: trainerClients.id })
    .from(trainerClients)
    .innerJoin(trainers, eq(trainers.id, trainerClients.trainerId))
    .where(
      and(
        eq(trainers.userId, viewer.userId),
        eq(trainerClients.userId, userId),
        isNull(trainerClients.endedAt),
      ),
    )
    .limit(1);
  return active !== undefined;
}
