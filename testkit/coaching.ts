import { eventually, type TestStack, type TestUser } from './stack.js';
import type { TestTrainer } from './training.js';

/** The mutation that records health samples, as the subscription tests send it. */
export const RECORD_HEALTH_METRICS = `mutation($input: [HealthMetricInput!]!) { recordHealthMetrics(input: $input) { accepted } }`;

/** A heart-rate sample `minutesAgo` minutes old (its value tells the samples apart). */
export const heartRateSample = (minutesAgo: number) => ({
  metricType: 'HEART_RATE',
  value: 60 + minutesAgo,
  unit: 'bpm',
  recordedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
});

/**
 * The athlete hires the trainer, and this waits until health has learnt of it (from training's
 * event, asynchronously with Redis): the trainer can then read the athlete's samples. Returns the
 * coaching relationship's id.
 */
export async function hireAndShare(
  stack: TestStack,
  trainer: TestTrainer,
  athlete: TestUser,
): Promise<string> {
  const hired = await stack.gql(
    `mutation($trainerId: ID!) { hireTrainer(trainerId: $trainerId) { id } }`,
    { trainerId: trainer.trainerId },
    { token: athlete.token },
  );
  if (hired.errors) throw new Error(`hireTrainer failed: ${JSON.stringify(hired.errors)}`);
  await stack.flushEvents();
  await eventually(async () => {
    const shared = await stack.gql(
      `query { myTrainerProfile { clients { nodes { latestHealthMetrics(metricTypes: [HEART_RATE]) { id } } } } }`,
      {},
      { token: trainer.token },
    );
    if (shared.errors) throw new Error(`not shared yet: ${JSON.stringify(shared.errors)}`);
  });
  return hired.data.hireTrainer.id;
}
