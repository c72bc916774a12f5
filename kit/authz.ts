import { forbidden, unauthenticated } from './errors.js';
import { isUuid } from './ids.js';
import type { Viewer } from './identity-header.js';
import type { RequestContext } from './subgraph.js';

/** Authorization helpers every subgraph uses next to its data, so the rules read the same everywhere. */
export function requireViewer(ctx: RequestContext): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

export const isAdmin = (ctx: RequestContext) => ctx.viewer?.roles.includes('ADMIN') ?? false;

export function requireAdmin(ctx: RequestContext): Viewer {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('ADMIN')) throw forbidden('Only admins can do this.');
  return viewer;
}

/** True for the row's owner and for admins. */
export const isOwnerOrAdmin = (ctx: RequestContext, ownerId: string) =>
  ctx.viewer?.userId === ownerId || isAdmin(ctx);

/** Internal operations answer only the gateway's signed service identity. */
export function requireService(ctx: RequestContext, service = 'gateway'): void {
  if (ctx.service !== service) throw forbidden('This operation is internal.');
}

/** Training's coaching relationship as the subgraphs that add fields to it receive it: its `trainerId userId` key. */
export interface CoachingReference {
  trainerId: string;
  userId: string;
}

/**
 * Who may read a client's data through a coaching relationship: the client, and the trainer the
 * representation names when that is the viewer's own trainer profile. Health and billing cannot
 * see training's table; the representation is trusted because only the gateway can call a
 * subgraph (signed identity header) and it builds TrainerClient representations only from
 * training's answers, which hold only the viewer's own active relationships (SECURITY.md,
 * "Coaching"). `what` names the data in the refusal.
 */
export function requireCoachOrClient(
  reference: Partial<CoachingReference>,
  ctx: RequestContext,
  what: string,
): CoachingReference {
  const viewer = requireViewer(ctx);
  const { trainerId, userId } = reference;
  if (!isUuid(trainerId) || !isUuid(userId)) throw forbidden('Not a coaching relationship.');
  const isClient = viewer.userId === userId;
  const isCoach = typeof viewer.trainerId === 'string' && viewer.trainerId === trainerId;
  if (!isClient && !isCoach) throw forbidden(`Only the client and their trainer see the client's ${what}.`);
  return { trainerId, userId };
}
