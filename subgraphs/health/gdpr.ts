import { eq, sql } from 'drizzle-orm';
import type { UserErasure } from '../../kit/events/consumer.js';
import { eraseTimeZone } from '../../kit/time-zones.js';
import { coaching } from './coaching.js';
import { removeIntegrations } from './integrations.js';
import type { HealthDeps } from './deps.js';
import { oauthFlows, userTimeZones } from './tables.js';

/**
 * user.deleted: every sample (with its on-device record ids and retractions), goal, integration and connection under way of the user goes, and their time zone, (tokens to the revocation
 * queue), and their coaching relationships end in health's copy (training's coaching.ended events
 * for them follow; this does not wait for them). Running it again changes nothing.
 *
 * The data export (gateway/export.ts, `me { ... }`) reads User.healthMetrics, which leaves out
 * samples an on-device source deleted (health_metric_retractions), like every other reader.
 */
export const eraseUser: UserErasure<HealthDeps> = async (tx, { userId, deletedAt }) => {
  await tx.execute(sql`DELETE FROM health.health_metrics WHERE user_id = ${userId}::uuid`);
  await tx.execute(sql`DELETE FROM health.health_goals WHERE user_id = ${userId}::uuid`);
  // The hourly rollup, the on-device sync's record ids, retractions and anchors, and the source orders.
  for (const table of [
    'health_metric_hours',
    'device_samples',
    'health_metric_retractions',
    'device_sync_state',
    'source_priorities',
  ]) {
    await tx.execute(sql`DELETE FROM ${sql.raw(`health.${table}`)} WHERE user_id = ${userId}::uuid`);
  }
  await eraseTimeZone(tx, userTimeZones, userId);
  await removeIntegrations(tx, userId);
  await tx.delete(oauthFlows).where(eq(oauthFlows.userId, userId));
  await coaching.endAllOf(tx, userId, new Date(deletedAt));
};
