import { readFileSync } from 'node:fs';
import { eventConsumer } from '../../kit/events/consumer.js';
import { OutboxRelay } from '../../kit/events/outbox.js';
import { defineSubgraph, type Subgraph } from '../../kit/subgraph.js';
import { applyTimeZoneEvent } from '../../kit/time-zones.js';
import type { TrainingDeps } from './deps.js';
import { eraseUser } from './gdpr.js';
import { applyTrainerRating } from './trainer-rating.js';
import { exerciseResolvers } from './resolvers/Exercise.js';
import { habitResolvers } from './resolvers/Habit.js';
import { mutationResolvers } from './resolvers/Mutation.js';
import { queryResolvers } from './resolvers/Query.js';
import { subscriptionResolvers } from './resolvers/Subscription.js';
import { trainerResolvers } from './resolvers/Trainer.js';
import { trainerClientResolvers } from './resolvers/TrainerClient.js';
import { userResolvers } from './resolvers/User.js';
import {
  workoutPlanExerciseResolvers,
  workoutPlanResolvers,
  workoutPlanVersionResolvers,
} from './resolvers/WorkoutPlan.js';
import { workoutSessionResolvers } from './resolvers/WorkoutSession.js';
import { outbox, processedEvents, userTimeZones } from './tables.js';

export type { TrainingDeps } from './deps.js';

export const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

/** Trainers, exercises, workout plans and sessions, habits. */
export function createSubgraph(deps: TrainingDeps): Subgraph {
  return defineSubgraph(deps, {
    name: 'training',
    typeDefs,
    resolvers: {
      Query: queryResolvers(deps),
      Mutation: mutationResolvers(deps),
      Subscription: subscriptionResolvers(deps),
      User: userResolvers(deps),
      Trainer: trainerResolvers(deps),
      TrainerClient: trainerClientResolvers(deps),
      Exercise: exerciseResolvers(deps),
      WorkoutPlan: workoutPlanResolvers(deps),
      WorkoutPlanExercise: workoutPlanExerciseResolvers(deps),
      WorkoutPlanVersion: workoutPlanVersionResolvers(),
      WorkoutSession: workoutSessionResolvers(deps),
      Habit: habitResolvers(deps),
    },
    background: [
      new OutboxRelay(deps.database, outbox, deps.bus, 'training', deps.log),
      eventConsumer({
        group: 'training',
        database: deps.database,
        bus: deps.bus,
        processedEvents,
        log: deps.log,
        handlers: {
          'user.deleted': (tx, event) => eraseUser(tx, event.payload, deps),
          'user.profile_updated': (tx, event) =>
            applyTimeZoneEvent(tx, userTimeZones, event.payload, event.occurredAt),
          'content.trainer_rating_changed': (tx, event) => applyTrainerRating(tx, event.payload),
        },
      }),
    ],
  });
}
