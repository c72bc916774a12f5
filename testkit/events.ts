import { randomUUID } from 'node:crypto';
import type { EventPayloadInput } from '../kit/events/catalogue.js';

/**
 * A workout.completed payload as training writes it, for tests that publish onto the bus
 * themselves: consumers skip an event whose payload breaks its contract (kit/events/catalogue.ts).
 */
export function workoutCompletedPayload(
  userId: string,
  completedAt: Date,
  durationSeconds = 1800,
): EventPayloadInput<'workout.completed'> {
  return {
    sessionId: randomUUID(),
    userId,
    workoutPlanId: null,
    workoutPlanVersion: null,
    startedAt: new Date(completedAt.getTime() - durationSeconds * 1000).toISOString(),
    completedAt: completedAt.toISOString(),
    durationSeconds,
    intensityLevel: 'MODERATE',
  };
}
