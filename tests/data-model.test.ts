import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, rows } from '../kit/db.js';
import { migrateSubgraphs } from '../kit/migrate.js';
import {
  DEFAULT_PASSWORD,
  eventually,
  startTestStack,
  type TestStack,
  type TestUser,
} from '../testkit/stack.js';
import { gqlAs, setViewerExtras, signUpTrainer, type TestTrainer } from '../testkit/trainer.js';

/**
 * Rules of the data model that the database itself holds, against the migrated database: what
 * the migrations made must refuse bad rows whoever writes them, not only the code in front.
 */

let stack: TestStack;
let athlete: TestUser;
let trainer: TestTrainer;

beforeAll(async () => {
  stack = await startTestStack();
  athlete = await stack.signUp();
  trainer = await signUpTrainer(stack);
});
afterAll(async () => {
  await stack?.stop();
});

const db = () => stack.runtime.database.db;
const exec = (query: ReturnType<typeof sql>) => db().execute(query);

/** Runs a statement that must fail and gives the database's error (code and constraint). */
async function refusal(query: ReturnType<typeof sql>): Promise<{ code?: string; constraint?: string }> {
  try {
    await db().transaction(async (tx) => {
      await tx.execute(query);
    });
  } catch (error) {
    let current: any = error;
    while (current && typeof current.code !== 'string') current = current.cause;
    return { code: current?.code, constraint: current?.constraint_name ?? current?.constraint };
  }
  throw new Error('the database accepted it');
}

describe('country codes', () => {
  it('users.country_code takes an upper-case ISO code and nothing else', async () => {
    for (const bad of ['x', 'nl', 'N1', 'Nl']) {
      expect(
        await refusal(sql`update identity.users set country_code = ${bad} where id = ${athlete.id}::uuid`),
      ).toMatchObject({ code: '23514', constraint: 'users_country_code_iso' });
    }
    await exec(sql`update identity.users set country_code = 'NL' where id = ${athlete.id}::uuid`);
    const [row] = await rows<{ country_code: string; type: string }>(
      db(),
      sql`select country_code, pg_typeof(country_code)::text as type from identity.users where id = ${athlete.id}::uuid`,
    );
    expect(row).toEqual({ country_code: 'NL', type: 'character varying' });
  });

  it('analytics.user_profiles.country_code has the same rule', async () => {
    await exec(
      sql`insert into analytics.user_profiles (user_id, signed_up_at) values (${athlete.id}::uuid, now())
          on conflict (user_id) do nothing`,
    );
    expect(
      await refusal(
        sql`update analytics.user_profiles set country_code = 'x' where user_id = ${athlete.id}::uuid`,
      ),
    ).toMatchObject({ code: '23514', constraint: 'user_profiles_country_code_iso' });
    await exec(
      sql`update analytics.user_profiles set country_code = 'DE' where user_id = ${athlete.id}::uuid`,
    );
  });

  it('the API stores the code as the database requires it', async () => {
    const updated = await stack.gql(
      `mutation { updateProfile(input: { countryCode: "FR" }) { countryCode } }`,
      {},
      { token: athlete.token },
    );
    expect(updated.errors).toBeUndefined();
    const [row] = await rows<{ country_code: string }>(
      db(),
      sql`select country_code from identity.users where id = ${athlete.id}::uuid`,
    );
    expect(row!.country_code).toBe('FR');
  });
});

describe('stored enum values are lower case in every table', () => {
  it('training refuses upper-case values and stores what the API sends in lower case', async () => {
    expect(
      await refusal(
        sql`update training.trainers set certification_level = 'ADVANCED' where id = ${trainer.trainerId}::uuid`,
      ),
    ).toMatchObject({ code: '23514', constraint: 'trainers_certification_level_known' });
    const plan = await gqlAs(
      stack,
      trainer,
      `mutation { createWorkoutPlan(input: { name: "Casing", difficulty: INTERMEDIATE, durationWeeks: 4 }) { id difficulty } }`,
    );
    expect(plan.data.createWorkoutPlan.difficulty).toBe('INTERMEDIATE');
    const session = await stack.gql(
      `mutation { startWorkoutSession(input: {}) { id status } }`,
      {},
      { token: athlete.token },
    );
    expect(session.data.startWorkoutSession.status).toBe('IN_PROGRESS');
    const [stored] = await rows<{ difficulty_level: string; status: string; certification_level: string }>(
      db(),
      sql`select p.difficulty_level, s.status, t.certification_level
          from training.workout_plans p, training.workout_sessions s, training.trainers t
          where p.id = ${plan.data.createWorkoutPlan.id}::uuid and s.id = ${session.data.startWorkoutSession.id}::uuid
            and t.id = ${trainer.trainerId}::uuid`,
    );
    expect(stored).toEqual({
      difficulty_level: 'intermediate',
      status: 'in_progress',
      certification_level: 'advanced',
    });
  });

  it('every seeded exercise and every role is stored in lower case', async () => {
    const [counts] = await rows<{ upper_exercises: number; upper_roles: number }>(
      db(),
      sql`select
            (select count(*)::int from training.exercises where category <> lower(category) or difficulty <> lower(difficulty)) as upper_exercises,
            (select count(*)::int from identity.users where roles::text <> lower(roles::text)) as upper_roles`,
    );
    expect(counts).toEqual({ upper_exercises: 0, upper_roles: 0 });
    expect(
      await refusal(sql`update identity.users set roles = '{USER}' where id = ${athlete.id}::uuid`),
    ).toMatchObject({ code: '23514', constraint: 'users_roles_known' });
  });

  it('difficulty is spelled the same in training and content', async () => {
    const checks = await rows<{ name: string; def: string }>(
      db(),
      sql`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
          where conname in ('exercises_difficulty_known', 'workout_plans_difficulty_known',
                            'workout_plan_versions_difficulty_known', 'content_items_difficulty_known',
                            'courses_level_known')`,
    );
    expect(checks).toHaveLength(5);
    for (const { def } of checks) {
      expect(def).toContain("'beginner'");
      expect(def).toContain("'intermediate'");
      expect(def).toContain("'advanced'");
      expect(def).not.toMatch(/BEGINNER|INTERMEDIATE|ADVANCED/);
    }
  });
});

describe('exercise names', () => {
  it('are unique ignoring case', async () => {
    await exec(
      sql`insert into training.exercises (name, category, difficulty) values ('Zercher Squat Test', 'strength', 'advanced')`,
    );
    expect(
      await refusal(
        sql`insert into training.exercises (name, category, difficulty) values ('zercher squat test', 'strength', 'advanced')`,
      ),
    ).toMatchObject({ code: '23505', constraint: 'exercises_name_lower_key' });
  });
});

describe('trainers.rating', () => {
  const CREATE_ITEM = `mutation($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }`;
  const PUBLISH_ITEM = `mutation($id: ID!) { publishContentItem(id: $id) { id } }`;
  const UNPUBLISH_ITEM = `mutation($id: ID!) { unpublishContentItem(id: $id) { id } }`;
  const RATE = `mutation($id: ID!, $rating: Int!) { rateContentItem(id: $id, rating: $rating) { rating } }`;
  const UNRATE = `mutation($id: ID!) { removeContentRating(id: $id) }`;
  const TRAINER_RATING = `query($id: ID!) { trainer(id: $id) { rating } }`;

  async function publishedItem(title: string): Promise<string> {
    const created = await gqlAs(stack, trainer, CREATE_ITEM, { input: { type: 'VIDEO', title } });
    const id = created.data.createContentItem.id;
    await gqlAs(stack, trainer, PUBLISH_ITEM, { id });
    return id;
  }
  const stored = async () =>
    (
      await rows<{ rating: string | null; ratings_count: number }>(
        db(),
        sql`select rating::text, ratings_count from training.trainers where id = ${trainer.trainerId}::uuid`,
      )
    )[0];
  const apiRating = async () =>
    (await stack.gql(TRAINER_RATING, { id: trainer.trainerId })).data.trainer.rating as number | null;

  it('is the average of the ratings on the trainer published items, with their count, kept current', async () => {
    const first = await publishedItem('Rating one');
    const second = await publishedItem('Rating two');
    const fans = [athlete, await stack.signUp(), await stack.signUp()];
    await stack.gql(RATE, { id: first, rating: 5 }, { token: fans[0]!.token });
    await stack.gql(RATE, { id: first, rating: 4 }, { token: fans[1]!.token });
    await stack.gql(RATE, { id: second, rating: 2 }, { token: fans[2]!.token });
    await stack.flushEvents();
    await eventually(async () => expect(await stored()).toEqual({ rating: '3.67', ratings_count: 3 }));
    expect(await apiRating()).toBe(3.67);

    // A changed rating, a withdrawn one, and an unpublished item all move it.
    await stack.gql(RATE, { id: second, rating: 5 }, { token: fans[2]!.token });
    await stack.gql(UNRATE, { id: first }, { token: fans[1]!.token });
    await stack.flushEvents();
    await eventually(async () => expect(await stored()).toEqual({ rating: '5.00', ratings_count: 2 }));
    await gqlAs(stack, trainer, UNPUBLISH_ITEM, { id: second });
    await stack.flushEvents();
    await eventually(async () => expect(await stored()).toEqual({ rating: '5.00', ratings_count: 1 }));
    await gqlAs(stack, trainer, UNPUBLISH_ITEM, { id: first });
    await stack.flushEvents();
    await eventually(async () => expect(await stored()).toEqual({ rating: null, ratings_count: 0 }));
    expect(await apiRating()).toBeNull();
  });

  it("follows a rater's account deletion", async () => {
    const item = await publishedItem('Rating three');
    const stayer = await stack.signUp();
    const leaver = await stack.signUp();
    await stack.gql(RATE, { id: item, rating: 4 }, { token: stayer.token });
    await stack.gql(RATE, { id: item, rating: 2 }, { token: leaver.token });
    await stack.flushEvents();
    await eventually(async () => expect(await stored()).toEqual({ rating: '3.00', ratings_count: 2 }));
    const deleted = await stack.gql(
      `mutation($password: String!) { deleteMyAccount(password: $password) { __typename } }`,
      { password: DEFAULT_PASSWORD },
      { token: leaver.token },
    );
    expect(deleted.data.deleteMyAccount.__typename).toBe('AccountDeleted');
    // user.deleted reaches content, whose erasure reports the trainer's rating to training.
    await eventually(async () => {
      await stack.flushEvents();
      expect(await stored()).toEqual({ rating: '4.00', ratings_count: 1 });
    });
    await gqlAs(stack, trainer, UNPUBLISH_ITEM, { id: item });
    await stack.flushEvents();
    await eventually(async () => expect(await stored()).toEqual({ rating: null, ratings_count: 0 }));
  });

  it('needs its count: a rating without ratings is refused', async () => {
    expect(
      await refusal(
        sql`update training.trainers set rating = 4.5, ratings_count = 0 where id = ${trainer.trainerId}::uuid`,
      ),
    ).toMatchObject({ code: '23514', constraint: 'trainers_rating_count_consistent' });
  });

  it('an older report never replaces a newer one', async () => {
    await exec(
      sql`update training.trainers set rating = 4.00, ratings_count = 2, rating_updated_at = '2030-01-01T00:00:00Z'
          where id = ${trainer.trainerId}::uuid`,
    );
    await stack.runtime.bus.publish({
      id: crypto.randomUUID(),
      type: 'content.trainer_rating_changed',
      source: 'content',
      occurredAt: '2029-12-31T00:00:00.000Z',
      payload: { trainerId: trainer.trainerId, average: 1, count: 1, computedAt: '2029-12-31T00:00:00.000Z' },
    });
    await stack.flushEvents();
    expect(await stored()).toEqual({ rating: '4.00', ratings_count: 2 });
  });

  it('a trainer cannot rate their own content, through the API or in the database', async () => {
    const own = await publishedItem('Mine');
    const answer = await gqlAs(stack, trainer, RATE, { id: own, rating: 5 });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      await refusal(
        sql`insert into content.ratings (user_id, content_item_id, rating) values (${trainer.id}::uuid, ${own}::uuid, 5)`,
      ),
    ).toMatchObject({ code: '23514', constraint: 'ratings_not_own_content' });
    // Even when the viewer carries no trainer id (the gateway's cached viewer may lag behind).
    await setViewerExtras(stack, trainer, { trainerId: null });
    const stale = await stack.gql(RATE, { id: own, rating: 5 }, { token: trainer.token });
    expect(stale.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('subscriptions.canceled_at', () => {
  it('is set once: the database refuses to move or clear it', async () => {
    const [plan] = await rows<{ id: string }>(
      db(),
      sql`insert into billing.subscription_plans (name, price_cents, billing_period)
          values ('Data model plan', 1000, 'monthly') returning id`,
    );
    const [subscription] = await rows<{ id: string }>(
      db(),
      sql`insert into billing.subscriptions (user_id, plan_id, status, start_date, end_date, payment_gateway, payment_method)
          values (${athlete.id}::uuid, ${plan!.id}::uuid, 'active', '2026-01-01', '2026-02-01', 'stripe', 'pm_card_visa')
          returning id`,
    );
    const id = subscription!.id;
    // The first cancellation sets it.
    await exec(
      sql`update billing.subscriptions set canceled_at = '2026-01-10T10:00:00Z', auto_renewal = false where id = ${id}::uuid`,
    );
    for (const change of [sql`'2026-01-20T10:00:00Z'::timestamptz`, sql`null`]) {
      expect(
        await refusal(
          sql`update billing.subscriptions set status = 'canceled', canceled_at = ${change} where id = ${id}::uuid`,
        ),
      ).toMatchObject({ code: '23514', constraint: 'subscriptions_canceled_at_set_once' });
    }
    // Ending it now without touching canceled_at is fine, and keeps the first time.
    await exec(
      sql`update billing.subscriptions set status = 'canceled', renewal_date = null where id = ${id}::uuid`,
    );
    const [row] = await rows<{ canceled_at: Date }>(
      db(),
      sql`select canceled_at from billing.subscriptions where id = ${id}::uuid`,
    );
    expect(new Date(row!.canceled_at).toISOString()).toBe('2026-01-10T10:00:00.000Z');
  });
});

describe('monthly partitions', () => {
  const children = async (parent: string) =>
    (
      await rows<{ name: string }>(
        db(),
        sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
            where i.inhparent = ${parent}::regclass order by 1`,
      )
    ).map((r) => r.name);

  it('are named <table>_YYYY_MM in every subgraph, beside one default partition', async () => {
    for (const [parent, table] of [
      ['health.health_metrics', 'health_metrics'],
      ['analytics.analytics_events', 'analytics_events'],
    ] as const) {
      const names = await children(parent);
      expect(names).toContain(`${table}_default`);
      for (const name of names.filter((n) => !n.endsWith('_default'))) {
        expect(name).toMatch(new RegExp(`^${table}_\\d{4}_\\d{2}$`));
      }
    }
  });

  it('a row older than every partition gets its month at the next maintenance run', async () => {
    const id = crypto.randomUUID();
    await exec(
      sql`insert into analytics.analytics_events (id, event_type, source, created_at)
          values (${id}::uuid, 'data_model_probe', 'server', '2003-02-10T12:00:00Z')`,
    );
    const home = async () =>
      (
        await rows<{ t: string }>(
          db(),
          sql`select tableoid::regclass::text as t from analytics.analytics_events where id = ${id}::uuid`,
        )
      )[0]?.t;
    expect(await home()).toBe('analytics.analytics_events_default');
    await exec(
      sql`select analytics.ensure_event_partitions(${stack.clock.now().toISOString()}::timestamptz, 1, 3)`,
    );
    expect(await home()).toBe('analytics.analytics_events_2003_02');

    await exec(
      sql`insert into health.health_metrics (user_id, metric_type, value, unit, source, recorded_date)
          values (${athlete.id}::uuid, 'steps', 10, 'count', 'manual', '2003-02-10T12:00:00Z')`,
    );
    await exec(
      sql`select health.ensure_health_metric_partitions(${stack.clock.now().toISOString()}::timestamptz, 0, 3)`,
    );
    const [metric] = await rows<{ t: string }>(
      db(),
      sql`select tableoid::regclass::text as t from health.health_metrics where user_id = ${athlete.id}::uuid`,
    );
    expect(metric!.t).toBe('health.health_metrics_2003_02');
  });
});

describe('the migrations, applied to rows written before them', () => {
  /** A copy of drizzle/ whose journals stop before the given migrations (identity's and training's 5th by default). */
  function migrationsBefore(
    stops: ReadonlyArray<readonly [string, number]> = [
      ['identity', 5],
      ['training', 5],
    ],
  ): string {
    const root = mkdtempSync(join(tmpdir(), 'fitness-migrations-'));
    for (const [name, keep] of stops) {
      cpSync(join('drizzle', name), join(root, name), { recursive: true });
      const journalPath = join(root, name, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
      journal.entries = journal.entries.filter((entry: { idx: number }) => entry.idx < keep);
      writeFileSync(journalPath, JSON.stringify(journal));
    }
    return root;
  }

  it('lowers stored enums and roles, fixes country codes and tells exercise names apart', async () => {
    const pglite = await PGlite.create();
    const root = migrationsBefore();
    try {
      const database = await createDatabase({ pglite });
      await migrateSubgraphs(database, ['identity', 'training'], root);
      const old = database.db;
      await old.execute(sql`
        insert into identity.users (id, email, username, country_code, roles) values
          ('00000000-0000-4000-8000-000000000001', 'a@example.com', 'a', 'x', '{USER,ADMIN}'),
          ('00000000-0000-4000-8000-000000000002', 'b@example.com', 'b', 'nl', '{USER}'),
          ('00000000-0000-4000-8000-000000000003', 'c@example.com', 'c', 'DE', '{USER}')`);
      await old.execute(sql`
        insert into training.trainers (id, user_id, certification_level, rating) values
          ('00000000-0000-4000-8000-0000000000aa', '00000000-0000-4000-8000-000000000001', 'MASTER', 4.5)`);
      await old.execute(sql`
        insert into training.exercises (name, category, difficulty, created_at) values
          ('Data Model Squat', 'STRENGTH', 'BEGINNER', '2020-01-01'),
          ('data model squat', 'STRENGTH', 'BEGINNER', '2020-01-02'),
          ('DATA MODEL SQUAT (2)', 'CORE', 'ADVANCED', '2020-01-03')`);
      await old.execute(sql`
        insert into training.workout_sessions (user_id, status, completed_at, duration_seconds, intensity_level) values
          ('00000000-0000-4000-8000-000000000003', 'COMPLETED', now(), 60, 'HIGH')`);

      await migrateSubgraphs(database, ['identity', 'training']);

      const users = await rows<{ username: string; country_code: string | null; roles: string[] }>(
        old,
        sql`select username, country_code, roles from identity.users order by username`,
      );
      expect(users).toEqual([
        { username: 'a', country_code: null, roles: ['user', 'admin'] },
        { username: 'b', country_code: 'NL', roles: ['user'] },
        { username: 'c', country_code: 'DE', roles: ['user'] },
      ]);
      const [trainerRow] = await rows<{
        certification_level: string;
        rating: string | null;
        ratings_count: number;
      }>(old, sql`select certification_level, rating, ratings_count from training.trainers`);
      // A rating with no count behind it is cleared; content's report brings the real one.
      expect(trainerRow).toEqual({ certification_level: 'master', rating: null, ratings_count: 0 });
      const names = await rows<{ name: string; category: string; difficulty: string }>(
        old,
        sql`select name, category, difficulty from training.exercises where lower(name) like 'data model squat%' order by created_at`,
      );
      expect(names).toEqual([
        { name: 'Data Model Squat', category: 'strength', difficulty: 'beginner' },
        { name: 'data model squat (3)', category: 'strength', difficulty: 'beginner' },
        { name: 'DATA MODEL SQUAT (2)', category: 'core', difficulty: 'advanced' },
      ]);
      const [session] = await rows<{ status: string; intensity_level: string }>(
        old,
        sql`select status, intensity_level from training.workout_sessions`,
      );
      expect(session).toEqual({ status: 'completed', intensity_level: 'high' });
    } finally {
      await pglite.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps whole goal targets when target_value becomes numeric, and then holds 72.5', async () => {
    const pglite = await PGlite.create();
    const root = migrationsBefore([['health', 7]]);
    try {
      const database = await createDatabase({ pglite });
      await migrateSubgraphs(database, ['identity']);
      await migrateSubgraphs(database, ['health'], root);
      const old = database.db;
      await old.execute(sql`
        insert into identity.users (id, email, username) values
          ('00000000-0000-4000-8000-000000000001', 'goal@example.com', 'goal')`);
      await old.execute(sql`
        insert into health.health_goals (user_id, metric_type, target_value, unit, start_date) values
          ('00000000-0000-4000-8000-000000000001', 'steps', 1000000000, 'count', '2026-01-01'),
          ('00000000-0000-4000-8000-000000000001', 'weight', 75, 'kg', '2026-01-01')`);

      await migrateSubgraphs(database, ['health']);

      const before = await rows<{ metric_type: string; target_value: string }>(
        old,
        sql`select metric_type, target_value::text from health.health_goals order by metric_type`,
      );
      expect(before).toEqual([
        { metric_type: 'steps', target_value: '1000000000.00' },
        { metric_type: 'weight', target_value: '75.00' },
      ]);
      await old.execute(sql`
        insert into health.health_goals (user_id, metric_type, target_value, unit, start_date) values
          ('00000000-0000-4000-8000-000000000001', 'weight', 72.5, 'kg', '2026-02-01')`);
      const [fractional] = await rows<{ target_value: string }>(
        old,
        sql`select target_value::text from health.health_goals where start_date = '2026-02-01'`,
      );
      expect(fractional!.target_value).toBe('72.50');
    } finally {
      await pglite.close();
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('one clock', () => {
  /** Every non-test TypeScript file of the subgraphs. */
  function subgraphSources(dir = 'subgraphs'): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'generated' ? [] : subgraphSources(path);
      // Tests and the fakes of outside services (a payment gateway keeps its own time) aside.
      return entry.name.endsWith('.ts') && !/\.test\.ts$|test-fakes\.ts$/.test(entry.name) ? [path] : [];
    });
  }

  it("no subgraph's code asks the database or the system for the time: times come from the injected clock", () => {
    const offenders = subgraphSources().flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path}:${i + 1}` }))
        .filter(({ line }) =>
          /(?<![.\w])now\(\)|\bcurrent_(timestamp|date|time)\b|\blocaltimestamp\b|\bclock_timestamp\(|new Date\(\)|Date\.now\(\)/i.test(
            line,
          ),
        )
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
  });
});
