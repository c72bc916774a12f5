import { sql } from 'drizzle-orm';
import { rows } from '../kit/db.js';
import type { Runtime } from '../kit/runtime.js';
import { type Env, loadEnv } from '../kit/env.js';
import { signIn } from './demo/api.js';
import { seedBillingDemo } from './demo/billing.js';
import { seedContentDemo } from './demo/content.js';
import { seedHealthDemo } from './demo/health.js';
import { seedTrainingDemo } from './demo/training.js';
import { startStack } from './stack.js';

/** The demo accounts `npm start` creates on an empty database; printed at start. */
export const DEMO_USERS = [
  { email: 'admin@demo.fitness', username: 'demo_admin', password: 'demo-admin-password', admin: true },
  {
    email: 'trainer@demo.fitness',
    username: 'demo_trainer',
    password: 'demo-trainer-password',
    admin: false,
  },
  {
    email: 'athlete@demo.fitness',
    username: 'demo_athlete',
    password: 'demo-athlete-password',
    admin: false,
  },
] as const;

async function signUpThroughGateway(gatewayUrl: string, user: (typeof DEMO_USERS)[number]) {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on AuthSuccess { user { id } } } }`,
      variables: { input: { email: user.email, username: user.username, password: user.password } },
    }),
  });
  const body = (await response.json()) as {
    data?: { signUp: { __typename: string; user?: { id: string } } };
  };
  if (body.data?.signUp.__typename !== 'AuthSuccess')
    throw new Error(`demo sign-up failed: ${JSON.stringify(body)}`);
  return body.data.signUp.user!.id;
}

/**
 * Seeds the demo data set of every domain (scripts/demo/) through the public API (as a frontend
 * would), once: an empty users
 * table is the sign of a first start. Granting ADMIN has no public API, so that one is SQL.
 */
export async function seedDemo(runtime: Runtime, gatewayUrl: string, force = false): Promise<boolean> {
  // Anyone with the repository knows these passwords, an admin's among them.
  if (runtime.production)
    throw new Error('Demo data is never seeded in production: its passwords are public.');
  const [existing] = await rows<{ count: number }>(
    runtime.database.db,
    sql`select count(*)::int as count from identity.users`,
  );
  if (!force && (existing?.count ?? 0) > 0) return false;
  for (const user of DEMO_USERS) {
    const id = await signUpThroughGateway(gatewayUrl, user);
    if (user.admin) {
      await runtime.database.db.execute(
        sql`update identity.users set roles = '{user,admin}' where id = ${id}`,
      );
    }
  }
  const [admin, trainer, athlete] = await Promise.all(DEMO_USERS.map((user) => signIn(gatewayUrl, user)));
  const tokens = { admin: admin!, trainer: trainer!, athlete: athlete! };
  // Training first: content needs the demo trainer verified.
  await seedTrainingDemo(gatewayUrl, tokens);
  // The gateway caches a token's viewer (trainer id included) for up to 30 s: a new session sees
  // the trainer verified at once.
  tokens.trainer = await signIn(gatewayUrl, DEMO_USERS[1]);
  await seedContentDemo(gatewayUrl, tokens);
  await seedBillingDemo(gatewayUrl, tokens);
  await seedHealthDemo(gatewayUrl, tokens);
  return true;
}

/** Whether `npm start` seeds the demo on an empty database: SEED_DEMO, and never in production. */
export function seedsDemoOnStart(env: Env): boolean {
  if (env.NODE_ENV === 'production') return false;
  return env.SEED_DEMO !== 'never';
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  // `npm run seed`: starts the stack on free ports against the configured database and seeds it.
  const env = loadEnv();
  const stack = await startStack({ env, ephemeralPorts: true });
  try {
    const seeded = await seedDemo(stack.runtime, stack.gatewayUrl, process.argv.includes('--force'));
    console.log(seeded ? 'Demo data seeded.' : 'Database already has users; nothing seeded (use --force).');
  } finally {
    await stack.stop();
  }
}
