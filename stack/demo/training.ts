/**
 * Demo data of the training domain, seeded through the public API like the rest of the demo:
 * the demo trainer is verified and publishes a plan; the demo athlete hires the trainer (so the
 * trainer's client list has someone in it) and has habits with logs.
 */

import { call, type DemoTokens } from './api.js';

const PLAN_EXERCISES = [
  { name: 'Goblet Squat', sets: 3, reps: 12, weightKg: 16 },
  { name: 'Push-Up', sets: 3, reps: 10 },
  { name: 'One-Arm Dumbbell Row', sets: 3, reps: 10, weightKg: 14 },
  { name: 'Glute Bridge', sets: 3, reps: 15 },
  { name: 'Plank', sets: 3, reps: 1, restSeconds: 45 },
];

export async function seedTrainingDemo(
  gatewayUrl: string,
  { admin, trainer, athlete }: DemoTokens,
  today: Date = new Date(),
): Promise<void> {
  const applied = await call(
    gatewayUrl,
    `mutation { applyAsTrainer(input: { specializations: ["strength", "mobility"], certificationLevel: ADVANCED }) { id } }`,
    {},
    trainer,
  );
  await call(
    gatewayUrl,
    `mutation($id: ID!) { verifyTrainer(trainerId: $id) { id } }`,
    { id: applied.applyAsTrainer.id },
    admin,
  );
  await call(
    gatewayUrl,
    `mutation($id: ID!) { hireTrainer(trainerId: $id) { id } }`,
    { id: applied.applyAsTrainer.id },
    athlete,
  );

  const plan = await call(
    gatewayUrl,
    `mutation($input: CreateWorkoutPlanInput!) { createWorkoutPlan(input: $input) { id } }`,
    {
      input: {
        name: 'Full-Body Foundations',
        description: 'Three full-body sessions a week to learn the basic movement patterns.',
        difficulty: 'BEGINNER',
        durationWeeks: 6,
        targetAudience: 'beginners',
      },
    },
    trainer,
  );
  for (const line of PLAN_EXERCISES) {
    const found = await call(
      gatewayUrl,
      `query($search: String!) { exercises(filter: { search: $search }) { nodes { id name } } }`,
      { search: line.name },
    );
    const exercise = found.exercises.nodes.find((n: { name: string }) => n.name === line.name);
    const { name: _name, ...prescription } = line;
    await call(
      gatewayUrl,
      `mutation($plan: ID!, $input: AddWorkoutPlanExerciseInput!) { addWorkoutPlanExercise(workoutPlanId: $plan, input: $input) { id } }`,
      { plan: plan.createWorkoutPlan.id, input: { exerciseId: exercise.id, ...prescription } },
      trainer,
    );
  }
  await call(
    gatewayUrl,
    `mutation($id: ID!) { publishWorkoutPlan(id: $id) { version } }`,
    { id: plan.createWorkoutPlan.id },
    trainer,
  );

  for (const [input, daysDone] of [
    [{ name: 'Drink water', category: 'nutrition', targetValue: 8, unit: 'glasses' }, [0, 1, 2, 3, 5]],
    [{ name: 'Strength training', category: 'fitness', frequencyPerWeek: 3 }, [1, 3, 6, 8, 10, 13]],
  ] as const) {
    const habit = await call(
      gatewayUrl,
      `mutation($input: CreateHabitInput!) { createHabit(input: $input) { id } }`,
      { input },
      athlete,
    );
    for (const daysAgo of daysDone) {
      const date = new Date(today.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
      await call(
        gatewayUrl,
        `mutation($input: LogHabitInput!) { logHabit(input: $input) { id } }`,
        { input: { habitId: habit.createHabit.id, date } },
        athlete,
      );
    }
  }
}
