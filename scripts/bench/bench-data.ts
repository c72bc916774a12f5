import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { rebuildHealthRollup } from '../scale/health-rollup.js';

/**
 * What the throughput operations read, for every benchmark user: without it the cross-subgraph
 * and deep-nested operations would measure empty lists.
 *
 * Shared rows go through the public API, as a frontend would make them: a verified trainer, a
 * published workout plan with exercises from the catalogue, a subscription plan. The per-user
 * rows (hundreds of users times habits, logs, sessions, samples, a subscription) are bulk SQL into
 * each owning subgraph's own tables, one statement per table.
 */
export interface BenchUserData {
  /** The user's first habit (the logHabit operation logs days of it). */
  habitId: string;
}

export interface SharedBenchData {
  trainerId: string;
  workoutPlanId: string;
  workoutPlanVersion: number;
  subscriptionPlanId: string;
}

export const HABITS_PER_USER = 3;
export const HABIT_LOG_DAYS = 14;
export const SESSIONS_PER_USER = 5;
export const PLAN_EXERCISES = 6;
export const METRIC_DAYS = 7;

async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors?.length || !body.data) {
    throw new Error(`bench data set-up failed: ${JSON.stringify(body).slice(0, 1000)}`);
  }
  return body.data;
}

const SIGN_UP = `mutation($input: SignUpInput!) {
  signUp(input: $input) { __typename ... on AuthSuccess { token user { id } } }
}`;
const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) { __typename ... on AuthSuccess { token } }
}`;

async function account(url: string, label: string) {
  const run = randomBytes(3).toString('hex');
  const input = {
    email: `bench-${label}-${run}@example.com`,
    username: `bench_${label}_${run}`,
    password: 'bench-password-correct-horse',
  };
  const data = await gql(url, SIGN_UP, { input });
  if (data.signUp.__typename !== 'AuthSuccess') throw new Error(`signUp ${label}: ${JSON.stringify(data)}`);
  return { id: data.signUp.user.id as string, token: data.signUp.token as string, input };
}

/** A verified trainer with one published plan, and an active subscription plan, through the gateway. */
async function sharedData(gatewayUrl: string, sql: postgres.Sql): Promise<SharedBenchData> {
  const admin = await account(gatewayUrl, 'admin');
  // Roles are identity's column; the first admin of a deployment is made the same way.
  await sql`update identity.users set roles = '{user,admin}' where id = ${admin.id}`;
  // A new session: the gateway caches the viewer (with its roles) per session.
  const adminToken = (
    await gql(gatewayUrl, SIGN_IN, {
      input: { login: admin.input.email, password: admin.input.password },
    })
  ).signIn.token as string;

  const trainer = await account(gatewayUrl, 'trainer');
  const applied = await gql(
    gatewayUrl,
    'mutation($input: ApplyAsTrainerInput!) { applyAsTrainer(input: $input) { id } }',
    { input: { specializations: ['strength', 'conditioning'], certificationLevel: 'ADVANCED' } },
    trainer.token,
  );
  const trainerId = applied.applyAsTrainer.id as string;
  await gql(
    gatewayUrl,
    'mutation($id: ID!) { verifyTrainer(trainerId: $id) { id } }',
    { id: trainerId },
    adminToken,
  );

  const plan = await gql(
    gatewayUrl,
    'mutation($input: CreateWorkoutPlanInput!) { createWorkoutPlan(input: $input) { id } }',
    {
      input: {
        name: 'Bench full body',
        description: 'Three full-body sessions a week',
        difficulty: 'INTERMEDIATE',
        durationWeeks: 8,
        targetAudience: 'intermediate lifters',
      },
    },
    trainer.token,
  );
  const workoutPlanId = plan.createWorkoutPlan.id as string;
  const catalogue = await gql(
    gatewayUrl,
    'query($first: Int) { exercises(first: $first) { nodes { id } } }',
    { first: PLAN_EXERCISES },
    trainer.token,
  );
  const exerciseIds = (catalogue.exercises.nodes as { id: string }[]).map((node) => node.id);
  if (exerciseIds.length === 0) throw new Error('bench data set-up: the exercise catalogue is empty');
  for (const [i, exerciseId] of exerciseIds.entries()) {
    await gql(
      gatewayUrl,
      'mutation($plan: ID!, $input: AddWorkoutPlanExerciseInput!) { addWorkoutPlanExercise(workoutPlanId: $plan, input: $input) { id } }',
      {
        plan: workoutPlanId,
        input: { exerciseId, sets: 3 + (i % 3), reps: 8 + 2 * (i % 3), restSeconds: 90 },
      },
      trainer.token,
    );
  }
  const published = await gql(
    gatewayUrl,
    'mutation($id: ID!) { publishWorkoutPlan(id: $id) { id version } }',
    { id: workoutPlanId },
    trainer.token,
  );

  const subscriptionPlan = await gql(
    gatewayUrl,
    'mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { id } }',
    {
      input: {
        name: `Bench premium ${randomBytes(3).toString('hex')}`,
        description: 'Every plan and course',
        priceCents: 1499,
        currency: 'USD',
        billingPeriod: 'MONTHLY',
        features: ['premium_content', 'coaching'],
      },
    },
    adminToken,
  );
  return {
    trainerId,
    workoutPlanId,
    workoutPlanVersion: published.publishWorkoutPlan.version as number,
    subscriptionPlanId: subscriptionPlan.createSubscriptionPlan.id as string,
  };
}

/**
 * Gives every user habits with two weeks of completed logs, completed workout sessions on the
 * trainer's published plan, a week of health samples and an active subscription. Returns each
 * user's first habit id, in the order of `userIds`.
 */
export async function seedBenchData(
  gatewayUrl: string,
  databaseUrl: string,
  userIds: string[],
): Promise<{ shared: SharedBenchData; perUser: BenchUserData[] }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const shared = await sharedData(gatewayUrl, sql);
    const habits = await sql<{ id: string; user_id: string }[]>`
      insert into training.habits (user_id, name, category, target_value, unit, frequency_per_week, created_at)
      select u.id, h.name, h.category, h.target, h.unit, h.per_week, now() - interval '30 days'
      from unnest(${sql.array(userIds)}::uuid[]) with ordinality as u(id, n)
      cross join (values
        (1, 'Drink water', 'nutrition', 8, 'glasses', 7),
        (2, 'Stretch', 'mobility', 10, 'minutes', 7),
        (3, 'Read', 'sleep', 20, 'minutes', 5)
      ) as h(k, name, category, target, unit, per_week)
      order by u.n, h.k
      returning id, user_id`;
    // Today too: the running streak counts up to today.
    await sql`
      insert into training.habit_logs (habit_id, logged_date, value, completed)
      select h.id, (current_date - d)::date, 10, true
      from unnest(${sql.array(habits.map((h) => h.id))}::uuid[]) as h(id)
      cross join generate_series(0, ${HABIT_LOG_DAYS - 1}) as d`;
    await sql`
      insert into training.workout_sessions
        (user_id, workout_plan_id, workout_plan_version, started_at, completed_at, status, duration_seconds, intensity_level)
      select u.id, ${shared.workoutPlanId}, ${shared.workoutPlanVersion},
        now() - make_interval(days => 2 * s, hours => 1), now() - make_interval(days => 2 * s),
        'completed', 3600, 'moderate'
      from unnest(${sql.array(userIds)}::uuid[]) as u(id)
      cross join generate_series(0, ${SESSIONS_PER_USER - 1}) as s`;
    await sql`
      insert into health.health_metrics (user_id, metric_type, value, unit, source, source_device, recorded_date)
      select u.id, m.metric_type, m.base + d * m.step, m.unit, 'apple_health', 'Bench Watch',
        date_trunc('day', now()) - make_interval(days => d) + interval '20 hours'
      from unnest(${sql.array(userIds)}::uuid[]) as u(id)
      cross join (values
        ('steps', 'count', 8000, 150), ('heart_rate', 'bpm', 58, 1), ('sleep', 'min', 420, 5),
        ('weight', 'kg', 75, 0.1), ('active_minutes', 'min', 45, 2)
      ) as m(metric_type, unit, base, step)
      cross join generate_series(0, ${METRIC_DAYS - 1}) as d
      on conflict do nothing`;
    // Written past the health subgraph: its hourly rollup follows from the samples.
    await rebuildHealthRollup(sql, userIds);
    await sql`
      insert into billing.subscriptions
        (user_id, plan_id, status, start_date, end_date, renewal_date, auto_renewal, payment_gateway, payment_method)
      select u.id, ${shared.subscriptionPlanId}, 'active', current_date - 10, current_date + 20,
        current_date + 20, true, 'stripe', 'pm_bench_visa'
      from unnest(${sql.array(userIds)}::uuid[]) as u(id)`;
    const firstHabit = new Map<string, string>();
    for (const habit of habits) if (!firstHabit.has(habit.user_id)) firstHabit.set(habit.user_id, habit.id);
    return {
      shared,
      perUser: userIds.map((id) => {
        const habitId = firstHabit.get(id);
        if (!habitId) throw new Error(`no habit seeded for ${id}`);
        return { habitId };
      }),
    };
  } finally {
    await sql.end();
  }
}
