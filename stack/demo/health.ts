/**
 * Demo data of the health domain: 30 days of the athlete's steps, resting heart rate, sleep and
 * weight (one write: recordHealthMetrics takes up to 5,000 samples), and a daily steps goal.
 */
import { call, type DemoTokens } from './api.js';

const DAY_MS = 86_400_000;

/** A repeatable wobble in [-1, 1], so the demo series look alive and are the same every time. */
const wobble = (day: number, salt: number) => Math.sin(day * 12.9898 + salt * 78.233);

export function demoHealthSamples(today: Date, days = 30) {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const samples: Record<string, unknown>[] = [];
  for (let day = days; day >= 1; day--) {
    const date = midnight - day * DAY_MS;
    const at = (hour: number) => new Date(date + hour * 3_600_000).toISOString();
    const sample = (metricType: string, value: number, unit: string, hour: number) =>
      samples.push({ metricType, value, unit, recordedAt: at(hour), source: 'APPLE_HEALTH' });
    // Steps arrive in three chunks a day, as phones sync them.
    for (const [hour, share] of [
      [9, 0.3],
      [14, 0.3],
      [20, 0.4],
    ] as const) {
      sample('STEPS', Math.round((8_000 + 2_500 * wobble(day, 1)) * share), 'count', hour);
    }
    sample('HEART_RATE', Math.round(62 + 4 * wobble(day, 2)), 'bpm', 7);
    sample('SLEEP', Math.round(430 + 40 * wobble(day, 3)), 'min', 6);
    if (day % 7 === 0)
      sample('WEIGHT', Math.round((78 - day * 0.02 + 0.3 * wobble(day, 4)) * 10) / 10, 'kg', 7);
  }
  return samples;
}

export async function seedHealthDemo(gatewayUrl: string, { athlete }: DemoTokens, today = new Date()) {
  await call(
    gatewayUrl,
    `mutation($input: [HealthMetricInput!]!) { recordHealthMetrics(input: $input) { __typename } }`,
    { input: demoHealthSamples(today) },
    athlete,
  );
  await call(
    gatewayUrl,
    `mutation($input: CreateHealthGoalInput!) { createHealthGoal(input: $input) { id } }`,
    {
      input: {
        metricType: 'STEPS',
        targetValue: 10_000,
        unit: 'count',
        startDate: new Date(today.getTime() - 30 * DAY_MS).toISOString().slice(0, 10),
      },
    },
    athlete,
  );
}
