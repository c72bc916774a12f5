import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../kit/crypto.js';
import { viewerCacheKey } from '../../kit/viewer-cache.js';
import { startTestStack, type TestStack } from '../../testkit/stack.js';
import {
  adminOf,
  applyAsTrainer,
  makeTrainer,
  type TestTrainer,
  verifyTrainer,
} from '../../testkit/training.js';

const CREATE_PLAN = `mutation($input: CreateWorkoutPlanInput!) {
  createWorkoutPlan(input: $input) { id version isPublished hasUnpublishedChanges trainer { id } }
}`;
const ADD = `mutation($plan: ID!, $input: AddWorkoutPlanExerciseInput!) {
  addWorkoutPlanExercise(workoutPlanId: $plan, input: $input) {
    exercises { id sequenceNumber sets reps weightKg restSeconds exercise { id name } }
  }
}`;
const REORDER = `mutation($plan: ID!, $ids: [ID!]!) {
  reorderWorkoutPlanExercises(workoutPlanId: $plan, exerciseIds: $ids) { exercises { id sequenceNumber exercise { name } } }
}`;
const PUBLISH = `mutation($id: ID!) { publishWorkoutPlan(id: $id) { id version isPublished hasUnpublishedChanges publishedAt } }`;
const PLAN = `query($id: ID!) {
  workoutPlan(id: $id) {
    id name version isPublished hasUnpublishedChanges
    exercises { id sequenceNumber sets exercise { name } }
    publishedVersion { version name exercises { sequenceNumber sets exercise { name } } }
  }
}`;
const EXERCISES = `query($filter: ExerciseFilter, $first: Int, $after: String) {
  exercises(filter: $filter, first: $first, after: $after) {
    nodes { id name category difficulty equipment muscleGroups }
    pageInfo { hasNextPage endCursor }
  }
}`;

let stack: TestStack;
let trainer: TestTrainer;
const exerciseIds: Record<string, string> = {};

async function exerciseId(name: string): Promise<string> {
  if (!exerciseIds[name]) {
    const result = await stack.gql(EXERCISES, { filter: { search: name }, first: 5 });
    const found = result.data.exercises.nodes.find((n: { name: string }) => n.name === name);
    if (!found) throw new Error(`no exercise ${name}`);
    exerciseIds[name] = found.id;
  }
  return exerciseIds[name]!;
}

async function createPlan(owner: TestTrainer, overrides: Record<string, unknown> = {}) {
  const result = await stack.gql(
    CREATE_PLAN,
    { input: { name: 'Strength Foundations', difficulty: 'BEGINNER', durationWeeks: 8, ...overrides } },
    { token: owner.token },
  );
  if (!result.data?.createWorkoutPlan) throw new Error(JSON.stringify(result));
  return result.data.createWorkoutPlan.id as string;
}

async function add(owner: TestTrainer, plan: string, name: string, extra: Record<string, unknown> = {}) {
  return stack.gql(
    ADD,
    { plan, input: { exerciseId: await exerciseId(name), sets: 3, reps: 10, ...extra } },
    { token: owner.token },
  );
}

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await makeTrainer(stack);
});
afterAll(async () => {
  await stack?.stop();
});

describe('exercise catalogue', () => {
  it('is seeded with at least 80 real exercises', async () => {
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await stack.gql(EXERCISES, { first: 100, after });
      names.push(...page.data.exercises.nodes.map((n: { name: string }) => n.name));
      if (!page.data.exercises.pageInfo.hasNextPage) break;
      after = page.data.exercises.pageInfo.endCursor;
    }
    expect(names.length).toBeGreaterThanOrEqual(80);
    expect(names).toContain('Barbell Back Squat');
    expect(names).toContain('Romanian Deadlift');
    expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names);
  });

  it('filters by category, difficulty, equipment, muscle group and name', async () => {
    const result = await stack.gql(EXERCISES, {
      filter: {
        category: 'STRENGTH',
        equipment: 'Barbell',
        muscleGroup: 'hamstrings',
        difficulty: 'INTERMEDIATE',
      },
      first: 50,
    });
    const nodes = result.data.exercises.nodes;
    expect(nodes.map((n: { name: string }) => n.name)).toEqual(
      expect.arrayContaining(['Barbell Back Squat', 'Conventional Deadlift', 'Romanian Deadlift']),
    );
    for (const node of nodes) {
      expect(node.category).toBe('STRENGTH');
      expect(node.difficulty).toBe('INTERMEDIATE');
      expect(node.equipment).toContain('barbell');
      expect(node.muscleGroups).toContain('hamstrings');
    }
    const search = await stack.gql(EXERCISES, { filter: { search: 'pull-up' } });
    expect(search.data.exercises.nodes.map((n: { name: string }) => n.name)).toEqual(['Pull-Up']);
    const wildcard = await stack.gql(EXERCISES, { filter: { search: '%' } });
    expect(wildcard.data.exercises.nodes).toEqual([]);
  });

  it('pages with a cursor and bounds the page size', async () => {
    const first = await stack.gql(EXERCISES, { filter: { category: 'CORE' }, first: 3 });
    expect(first.data.exercises.nodes).toHaveLength(3);
    expect(first.data.exercises.pageInfo.hasNextPage).toBe(true);
    const second = await stack.gql(EXERCISES, {
      filter: { category: 'CORE' },
      first: 3,
      after: first.data.exercises.pageInfo.endCursor,
    });
    const firstIds = first.data.exercises.nodes.map((n: { id: string }) => n.id);
    for (const node of second.data.exercises.nodes) expect(firstIds).not.toContain(node.id);
    expect((await stack.gql(EXERCISES, { first: 101 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await stack.gql(EXERCISES, { after: 'garbage' })).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('trainers', () => {
  it('only a verified trainer creates plans', async () => {
    const athlete = await stack.signUp();
    const input = { name: 'Nope', difficulty: 'BEGINNER', durationWeeks: 4 };
    const anonymous = await stack.gql(CREATE_PLAN, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const plain = await stack.gql(CREATE_PLAN, { input }, { token: athlete.token });
    expect(plain.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(plain.errors?.[0]?.message).toMatch(/trainers/);

    const trainerId = await applyAsTrainer(stack, athlete);
    const pending = await stack.gql(CREATE_PLAN, { input }, { token: athlete.token });
    expect(pending.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The viewer was cached before the verification; trainer rights are read from the trainers
    // table, so the very next request (same session, cached viewer) may create a plan.
    await verifyTrainer(stack, trainerId);
    const cached = JSON.parse((await stack.runtime.kv.get(viewerCacheKey(sha256Hex(athlete.token))))!);
    expect(cached.trainerId).toBeNull();
    const now = await stack.gql(CREATE_PLAN, { input }, { token: athlete.token });
    expect(now.errors).toBeUndefined();
    expect(now.data.createWorkoutPlan.trainer.id).toBe(trainerId);
  });

  it("puts a verified trainer's id into the gateway's viewer", async () => {
    const user = await stack.signUp();
    await stack.gql('{ me { id } }', {}, { token: user.token });
    const before = JSON.parse((await stack.runtime.kv.get(viewerCacheKey(sha256Hex(user.token))))!);
    expect(before.trainerId).toBeNull();

    const trainerId = await applyAsTrainer(stack, user);
    await verifyTrainer(stack, trainerId);
    // A new session resolves a fresh viewer, enriched through the graph with me { trainer { id } }.
    const signedIn = await stack.gql(
      `mutation($input: SignInInput!) { signIn(input: $input) { ... on AuthSuccess { token } } }`,
      { input: { login: user.email, password: user.password } },
    );
    const token = signedIn.data.signIn.token;
    const me = await stack.gql('{ me { id trainer { id verified } } }', {}, { token });
    expect(me.data.me.trainer).toEqual({ id: trainerId, verified: true });
    const viewer = JSON.parse((await stack.runtime.kv.get(viewerCacheKey(sha256Hex(token))))!);
    expect(viewer.trainerId).toBe(trainerId);
  });

  it('lets a user apply once; only admins verify and list applications', async () => {
    const user = await stack.signUp();
    const trainerId = await applyAsTrainer(stack, user);
    const again = await stack.gql(
      `mutation { applyAsTrainer(input: { specializations: ["yoga"], certificationLevel: BASIC }) { id } }`,
      {},
      { token: user.token },
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const selfVerify = await stack.gql(
      `mutation($id: ID!) { verifyTrainer(trainerId: $id) { id } }`,
      { id: trainerId },
      {
        token: user.token,
      },
    );
    expect(selfVerify.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const listing = await stack.gql('{ trainerApplications { nodes { id } } }', {}, { token: user.token });
    expect(listing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const admin = await adminOf(stack);
    const applications = await stack.gql(
      '{ trainerApplications(first: 100) { nodes { id verified } } }',
      {},
      {
        token: admin.token,
      },
    );
    expect(applications.data.trainerApplications.nodes.map((n: { id: string }) => n.id)).toContain(trainerId);
    // Unverified: invisible to others, visible to the applicant.
    expect(
      (await stack.gql(`query($id: ID!) { trainer(id: $id) { id } }`, { id: trainerId })).data.trainer,
    ).toBeNull();
    const mine = await stack.gql(
      '{ myTrainerProfile { id verified specializations } me { trainer { id } } }',
      {},
      {
        token: user.token,
      },
    );
    expect(mine.data.myTrainerProfile).toEqual({
      id: trainerId,
      verified: false,
      specializations: ['strength', 'mobility'],
    });
    expect(mine.data.me.trainer).toBeNull();
  });

  it('resolves Trainer.user through identity', async () => {
    const result = await stack.gql(`query($id: ID!) { trainer(id: $id) { user { id username } } }`, {
      id: trainer.trainerId,
    });
    expect(result.data.trainer.user).toEqual({ id: trainer.id, username: trainer.username });
  });
});

describe('workout plans', () => {
  it("refuses a trainer editing another trainer's plan", async () => {
    const plan = await createPlan(trainer);
    const other = await makeTrainer(stack);
    const edit = await stack.gql(
      `mutation($id: ID!) { updateWorkoutPlan(id: $id, input: { name: "Mine now" }) { id } }`,
      { id: plan },
      { token: other.token },
    );
    expect(edit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await add(other, plan, 'Push-Up')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const publish = await stack.gql(PUBLISH, { id: plan }, { token: other.token });
    expect(publish.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const remove = await stack.gql(
      `mutation($id: ID!) { deleteWorkoutPlan(id: $id) }`,
      { id: plan },
      {
        token: other.token,
      },
    );
    expect(remove.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The draft is invisible to the other trainer.
    expect((await stack.gql(PLAN, { id: plan }, { token: other.token })).data.workoutPlan).toBeNull();
  });

  it('appends exercises and refuses a duplicate sequence number', async () => {
    const plan = await createPlan(trainer);
    await add(trainer, plan, 'Barbell Back Squat', { weightKg: 60.5 });
    await add(trainer, plan, 'Push-Up');
    const explicit = await add(trainer, plan, 'Plank', { sequenceNumber: 5 });
    expect(
      explicit.data.addWorkoutPlanExercise.exercises.map((e: any) => [e.sequenceNumber, e.exercise.name]),
    ).toEqual([
      [1, 'Barbell Back Squat'],
      [2, 'Push-Up'],
      [5, 'Plank'],
    ]);
    expect(explicit.data.addWorkoutPlanExercise.exercises[0].weightKg).toBe(60.5);
    const duplicate = await add(trainer, plan, 'Burpee', { sequenceNumber: 2 });
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(duplicate.errors?.[0]?.extensions?.reason).toBe('SEQUENCE_TAKEN');
    expect(JSON.stringify(duplicate.errors)).not.toMatch(/workout_plan_exercises|constraint|sql/i);
    const bad = await add(trainer, plan, 'Burpee', { sets: 0 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await stack.gql(
      ADD,
      { plan, input: { exerciseId: '00000000-0000-4000-8000-000000000000', sets: 3, reps: 10 } },
      { token: trainer.token },
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('reorders atomically, numbering 1..n, and refuses partial lists', async () => {
    const plan = await createPlan(trainer);
    for (const name of ['Goblet Squat', 'Push-Up', 'Plank', 'Burpee']) await add(trainer, plan, name);
    const current = (await stack.gql(PLAN, { id: plan }, { token: trainer.token })).data.workoutPlan
      .exercises;
    const ids = current.map((e: { id: string }) => e.id);
    const reversed = [...ids].reverse();
    const result = await stack.gql(REORDER, { plan, ids: reversed }, { token: trainer.token });
    expect(result.errors).toBeUndefined();
    expect(
      result.data.reorderWorkoutPlanExercises.exercises.map((e: any) => [e.id, e.sequenceNumber]),
    ).toEqual(reversed.map((id: string, i: number) => [id, i + 1]));

    const partial = await stack.gql(REORDER, { plan, ids: reversed.slice(1) }, { token: trainer.token });
    expect(partial.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const twice = await stack.gql(
      REORDER,
      { plan, ids: [reversed[0], ...reversed.slice(0, 3)] },
      { token: trainer.token },
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A failed reorder leaves the order as it was.
    const after = (await stack.gql(PLAN, { id: plan }, { token: trainer.token })).data.workoutPlan.exercises;
    expect(after.map((e: { id: string }) => e.id)).toEqual(reversed);

    // Concurrent reorders of one plan serialize: the result is one of the orders, never a mix.
    const orders = [ids, reversed, [ids[1], ids[0], ids[3], ids[2]]];
    const outcomes = await Promise.all(
      orders.map((o) => stack.gql(REORDER, { plan, ids: o }, { token: trainer.token })),
    );
    for (const outcome of outcomes) expect(outcome.errors).toBeUndefined();
    const final = (await stack.gql(PLAN, { id: plan }, { token: trainer.token })).data.workoutPlan.exercises;
    expect(final.map((e: { sequenceNumber: number }) => e.sequenceNumber)).toEqual([1, 2, 3, 4]);
    expect(orders.map((o) => o.join())).toContain(final.map((e: { id: string }) => e.id).join());
  });

  it('bumps the version on each publish; athletes follow the published version while the trainer edits a draft', async () => {
    const plan = await createPlan(trainer, { name: 'Run Club', targetAudience: 'runners' });
    const empty = await stack.gql(PUBLISH, { id: plan }, { token: trainer.token });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const athlete = await stack.signUp();
    expect((await stack.gql(PLAN, { id: plan }, { token: athlete.token })).data.workoutPlan).toBeNull();

    await add(trainer, plan, 'Treadmill Run', { sets: 1, reps: 1 });
    const v1 = await stack.gql(PUBLISH, { id: plan }, { token: trainer.token });
    expect(v1.data.publishWorkoutPlan).toMatchObject({
      version: 1,
      isPublished: true,
      hasUnpublishedChanges: false,
    });
    const unchanged = await stack.gql(PUBLISH, { id: plan }, { token: trainer.token });
    expect(unchanged.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    // Editing the published plan changes the draft only.
    await stack.gql(
      `mutation($id: ID!) { updateWorkoutPlan(id: $id, input: { name: "Run Club II" }) { id } }`,
      { id: plan },
      {
        token: trainer.token,
      },
    );
    await add(trainer, plan, 'Jump Rope');
    const asAthlete = (await stack.gql(PLAN, { id: plan }, { token: athlete.token })).data.workoutPlan;
    expect(asAthlete).toMatchObject({ name: 'Run Club', version: 1, hasUnpublishedChanges: null });
    expect(asAthlete.exercises.map((e: any) => e.exercise.name)).toEqual(['Treadmill Run']);
    const asTrainer = (await stack.gql(PLAN, { id: plan }, { token: trainer.token })).data.workoutPlan;
    expect(asTrainer).toMatchObject({ name: 'Run Club II', version: 1, hasUnpublishedChanges: true });
    expect(asTrainer.exercises.map((e: any) => e.exercise.name)).toEqual(['Treadmill Run', 'Jump Rope']);
    expect(asTrainer.publishedVersion.name).toBe('Run Club');

    // A session started now follows version 1.
    const started = await stack.gql(
      `mutation($plan: ID!) { startWorkoutSession(input: { workoutPlanId: $plan }) { id workoutPlanVersion { version name exercises { exercise { name } } } } }`,
      { plan },
      { token: athlete.token },
    );
    expect(started.data.startWorkoutSession.workoutPlanVersion).toEqual({
      version: 1,
      name: 'Run Club',
      exercises: [{ exercise: { name: 'Treadmill Run' } }],
    });

    const v2 = await stack.gql(PUBLISH, { id: plan }, { token: trainer.token });
    expect(v2.data.publishWorkoutPlan.version).toBe(2);
    const now = (await stack.gql(PLAN, { id: plan }, { token: athlete.token })).data.workoutPlan;
    expect(now).toMatchObject({ name: 'Run Club II', version: 2 });
    expect(now.exercises).toHaveLength(2);
    // The earlier session still says what it followed.
    const session = await stack.gql(
      `query($id: ID!) { workoutSession(id: $id) { workoutPlanVersion { version name } workoutPlan { version } } }`,
      { id: started.data.startWorkoutSession.id },
      { token: athlete.token },
    );
    expect(session.data.workoutSession).toEqual({
      workoutPlanVersion: { version: 1, name: 'Run Club' },
      workoutPlan: { version: 2 },
    });
  });

  it("reads a session's plan with its published version, and the plan's trainer once for both the draft check and the field", async () => {
    const plan = await createPlan(trainer, { name: 'Row Club' });
    await add(trainer, plan, 'Burpee');
    await add(trainer, plan, 'Plank');
    await stack.gql(PUBLISH, { id: plan }, { token: trainer.token });
    const athlete = await stack.signUp();
    for (let i = 0; i < 3; i++) {
      stack.clock.advance(1000);
      const started = await stack.gql(
        `mutation($plan: ID!) { startWorkoutSession(input: { workoutPlanId: $plan }) { id } }`,
        { plan },
        { token: athlete.token },
      );
      expect(started.errors).toBeUndefined();
    }
    const query = `{ me { workoutSessions(first: 5) { nodes { id workoutPlan {
      id name trainer { id } exercises { sequenceNumber exercise { name } } } } } } }`;
    const { used, sessions } = await stack.quiet(async () => {
      await stack.gql(query, {}, { token: athlete.token });
      const before = stack.statements();
      const result = await stack.gql(query, {}, { token: athlete.token });
      return { used: stack.statements() - before, sessions: result.data.me.workoutSessions.nodes };
    });
    expect(sessions).toHaveLength(3);
    for (const session of sessions) {
      expect(session.workoutPlan).toMatchObject({
        id: plan,
        name: 'Row Club',
        trainer: { id: trainer.trainerId },
      });
      expect(session.workoutPlan.exercises.map((line: any) => line.exercise.name)).toEqual([
        'Burpee',
        'Plank',
      ]);
    }
    // identity's user; training's sessions, plans joined with their versions, trainers, exercises.
    expect(used).toBe(5);
  });

  it('lists published plans in the catalogue with filters, and hides soft-deleted plans', async () => {
    const other = await makeTrainer(stack);
    const made: Record<string, string> = {};
    for (const [key, owner, input] of [
      [
        'easy',
        other,
        { name: 'Easy Start', difficulty: 'BEGINNER', durationWeeks: 4, targetAudience: 'Seniors' },
      ],
      [
        'hard',
        other,
        { name: 'Hard Block', difficulty: 'ADVANCED', durationWeeks: 12, targetAudience: 'athletes' },
      ],
      [
        'draft',
        other,
        { name: 'Not Yet', difficulty: 'BEGINNER', durationWeeks: 4, targetAudience: 'seniors' },
      ],
    ] as const) {
      stack.clock.advance(1000);
      made[key] = await createPlan(owner, input);
      await add(owner, made[key]!, 'Plank');
      if (key !== 'draft') await stack.gql(PUBLISH, { id: made[key] }, { token: owner.token });
    }
    const CATALOGUE = `query($filter: WorkoutPlanFilter) { workoutPlans(filter: $filter, first: 100) { nodes { id name trainer { id } } } }`;
    const ids = async (filter: Record<string, unknown>) =>
      (await stack.gql(CATALOGUE, { filter })).data.workoutPlans.nodes.map((n: { id: string }) => n.id);
    expect(await ids({ trainerId: other.trainerId })).toEqual([made.hard, made.easy]);
    expect(await ids({ trainerId: other.trainerId, difficulty: 'BEGINNER' })).toEqual([made.easy]);
    expect(await ids({ trainerId: other.trainerId, targetAudience: 'seniors' })).toEqual([made.easy]);
    expect(await ids({ trainerId: other.trainerId, minDurationWeeks: 8 })).toEqual([made.hard]);
    expect(await ids({ trainerId: other.trainerId, maxDurationWeeks: 8 })).toEqual([made.easy]);

    const TRAINER_PLANS = `query($id: ID!) { trainer(id: $id) { workoutPlans { nodes { id } } } }`;
    const publicList = await stack.gql(TRAINER_PLANS, { id: other.trainerId });
    expect(publicList.data.trainer.workoutPlans.nodes.map((n: { id: string }) => n.id)).toEqual([
      made.hard,
      made.easy,
    ]);
    const ownList = await stack.gql(TRAINER_PLANS, { id: other.trainerId }, { token: other.token });
    expect(ownList.data.trainer.workoutPlans.nodes.map((n: { id: string }) => n.id)).toEqual([
      made.draft,
      made.hard,
      made.easy,
    ]);

    const deleted = await stack.gql(
      `mutation($id: ID!) { deleteWorkoutPlan(id: $id) }`,
      { id: made.easy },
      {
        token: other.token,
      },
    );
    expect(deleted.data.deleteWorkoutPlan).toBe(true);
    expect(await ids({ trainerId: other.trainerId })).toEqual([made.hard]);
    expect((await stack.gql(PLAN, { id: made.easy }, { token: other.token })).data.workoutPlan).toBeNull();
    const start = await stack.gql(
      `mutation($plan: ID!) { startWorkoutSession(input: { workoutPlanId: $plan }) { id } }`,
      { plan: made.easy },
      { token: trainer.token },
    );
    expect(start.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const draftStart = await stack.gql(
      `mutation($plan: ID!) { startWorkoutSession(input: { workoutPlanId: $plan }) { id } }`,
      { plan: made.draft },
      { token: trainer.token },
    );
    expect(draftStart.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('rejects malformed ids as bad input, not as server errors', async () => {
    const result = await stack.gql(PLAN, { id: 'not-a-uuid' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
