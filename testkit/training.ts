import type { TestStack, TestUser } from './stack.js';

/** A verified trainer: a user who applied and whom an admin verified, all through the public API. */
export interface TestTrainer extends TestUser {
  trainerId: string;
}

const admins = new WeakMap<TestStack, Promise<TestUser>>();

/** One admin per stack, made on first use. */
export function adminOf(stack: TestStack): Promise<TestUser> {
  let admin = admins.get(stack);
  if (!admin) {
    admin = stack.signUp().then((user) => stack.makeAdmin(user));
    admins.set(stack, admin);
  }
  return admin;
}

export async function applyAsTrainer(stack: TestStack, user: TestUser): Promise<string> {
  const applied = await stack.gql(
    `mutation($input: ApplyAsTrainerInput!) { applyAsTrainer(input: $input) { id } }`,
    { input: { specializations: ['strength', 'mobility'], certificationLevel: 'ADVANCED' } },
    { token: user.token },
  );
  const id = applied.data?.applyAsTrainer?.id;
  if (!id) throw new Error(`applyAsTrainer failed: ${JSON.stringify(applied)}`);
  return id;
}

export async function verifyTrainer(stack: TestStack, trainerId: string): Promise<void> {
  const admin = await adminOf(stack);
  const verified = await stack.gql(
    `mutation($id: ID!) { verifyTrainer(trainerId: $id) { id verified } }`,
    { id: trainerId },
    { token: admin.token },
  );
  if (!verified.data?.verifyTrainer?.verified)
    throw new Error(`verifyTrainer failed: ${JSON.stringify(verified)}`);
}

/** Signs up a user (or takes the one given), applies as trainer and has an admin verify them. */
export async function makeTrainer(stack: TestStack, user?: TestUser): Promise<TestTrainer> {
  const person = user ?? (await stack.signUp());
  const trainerId = await applyAsTrainer(stack, person);
  await verifyTrainer(stack, trainerId);
  return { ...person, trainerId };
}
