import { forbidden, unauthenticated } from '../../../kit/errors.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { TrainerClientResolvers } from '../generated/resolvers-types.js';
import type { HealthDeps } from '../server.js';
import { healthSeriesOf, latestHealthMetricsOf } from './User.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Training's coaching relationship, as this subgraph receives it: the `trainerId userId` key. */
export interface HealthTrainerClient {
  trainerId: string;
  userId: string;
}

/**
 * Who may read a client's health summary through a relationship: the client, and the trainer the
 * representation names when that is the viewer's own trainer profile. Health cannot see training's
 * table; the representation is trusted because only the gateway can call this subgraph (signed
 * identity header) and it builds TrainerClient representations only from training's answers,
 * which hold only the viewer's own active relationships (SECURITY.md, "Coaching").
 */
export function requireCoachOrClient(reference: Partial<HealthTrainerClient>, ctx: RequestContext) {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  const { trainerId, userId } = reference;
  if (!isId(trainerId) || !isId(userId)) throw forbidden('Not a coaching relationship.');
  const isClient = viewer.userId === userId;
  const isCoach = typeof viewer.trainerId === 'string' && viewer.trainerId === trainerId;
  if (!isClient && !isCoach)
    throw forbidden("Only the client and their trainer see the client's health data.");
  return { trainerId, userId };
}

export function trainerClientResolvers(
  deps: HealthDeps,
): TrainerClientResolvers<RequestContext, HealthTrainerClient> {
  return {
    __resolveReference: (reference, ctx) => requireCoachOrClient(reference, ctx),
    healthSeries: (client, args, ctx) => healthSeriesOf(ctx, deps, client.userId, args),
    latestHealthMetrics: (client, args, ctx) => latestHealthMetricsOf(ctx, deps, client.userId, args),
  };
}
