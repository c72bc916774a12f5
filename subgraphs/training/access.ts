import { isAdmin, requireViewer } from '../../kit/authz.js';
import { forbidden } from '../../kit/errors.js';
import type { RequestContext, SubgraphDeps } from '../../kit/subgraph.js';
import { planVersion, trainerByUserId } from './loaders.js';
import type { PlanModel } from './models.js';
import type { TrainerClientRow, TrainerRow, WorkoutPlanRow } from './tables.js';

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

/** True when the viewer wrote the plan (as its trainer) or is an admin. */
export async function canSeeDraft(ctx: RequestContext, deps: SubgraphDeps, plan: WorkoutPlanRow) {
  if (isAdmin(ctx)) return true;
  const trainer = await viewerTrainer(ctx, deps);
  return trainer?.id === plan.trainerId;
}

/** A trainer's profile is public once verified; before that only the applicant and admins see it. */
export function canSeeTrainer(ctx: RequestContext, trainer: TrainerRow): boolean {
  return trainer.verified || isAdmin(ctx) || (ctx.viewer !== null && ctx.viewer.userId === trainer.userId);
}

/** The plan as this viewer may see it, or null when they may not see it at all. */
export async function viewPlan(
  ctx: RequestContext,
  deps: SubgraphDeps,
  row: WorkoutPlanRow | null,
): Promise<PlanModel | null> {
  if (!row || row.deletedAt) return null;
  const published =
    row.version > 0
      ? await planVersion(ctx, deps.database.db).load({ planId: row.id, version: row.version })
      : null;
  if (await canSeeDraft(ctx, deps, row)) return { row, view: 'draft', published };
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
