import { existsSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../kit/db.js';
import { migrateSubgraphs } from '../kit/migrate.js';
import { SUBGRAPH_NAMES } from '../schema/subgraphs.js';
import { PG_BIN, PrivatePostgres } from '../testkit/private-postgres.js';
import { startTestStack, type TestStack } from '../testkit/stack.js';
import { gqlAs, signUpTrainer, type TestTrainer } from '../testkit/trainer.js';

/**
 * DATABASE_REPLICA_URL against a real streaming replica: a private PostgreSQL 15 primary and a
 * hot standby made from it with pg_basebackup, on loopback ports of their own (the shared server
 * and its configuration are left alone). Pausing WAL replay on the standby freezes what it
 * shows, so a read that reached it cannot see a later write: that is how each test tells which
 * server answered.
 */
const available = existsSync(join(PG_BIN, 'pg_basebackup')) && process.getuid?.() === 0;
// CI has PostgreSQL installed and runs as root; a missing server there is a failure, not a skip.
const run = available || process.env.CI === 'true' ? describe : describe.skip;

let primary: PrivatePostgres;
let replica: PrivatePostgres;
let database: Database;
let stack: TestStack;
let trainer: TestTrainer;
let replicaAdmin: postgres.Sql;

async function caughtUp() {
  const admin = postgres(primary.databaseUrl('fitness'), { max: 1, onnotice: () => {} });
  try {
    const [current] = await admin`select pg_current_wal_lsn()::text as lsn`;
    const lsn: string = current!.lsn;
    for (let waited = 0; waited < 20_000; waited += 50) {
      const [replay] = await replicaAdmin`
        select pg_last_wal_replay_lsn() < ${lsn}::pg_lsn as behind`;
      if (!replay!.behind) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the replica did not catch up within 20 s');
  } finally {
    await admin.end();
  }
}

const pauseReplay = async () => {
  await caughtUp();
  await replicaAdmin`select pg_wal_replay_pause()`;
};
const resumeReplay = async () => {
  await replicaAdmin`select pg_wal_replay_resume()`;
  await caughtUp();
};

const CREATE_ITEM = `mutation($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }`;
const PUBLISH_ITEM = `mutation($id: ID!) { publishContentItem(id: $id) { id } }`;
const SEARCH = `query($q: String) { searchContent(query: $q) { nodes { item { title } } } }`;

async function publish(title: string) {
  const created = await gqlAs(stack, trainer, CREATE_ITEM, { input: { type: 'ARTICLE', title } });
  expect(created.errors).toBeUndefined();
  const published = await gqlAs(stack, trainer, PUBLISH_ITEM, { id: created.data.createContentItem.id });
  expect(published.errors).toBeUndefined();
}

async function searchTitles(q: string): Promise<string[]> {
  const found = await stack.gql(SEARCH, { q });
  expect(found.errors).toBeUndefined();
  return found.data.searchContent.nodes.map((node: { item: { title: string } }) => node.item.title);
}

run('read replica (DATABASE_REPLICA_URL)', () => {
  beforeAll(async () => {
    primary = await PrivatePostgres.start(55532);
    await primary.createDatabase('fitness');
    replica = await primary.startReplica(55533);
    replicaAdmin = postgres(replica.databaseUrl('fitness'), { max: 1, onnotice: () => {} });
    database = await createDatabase({
      url: primary.databaseUrl('fitness'),
      replicaUrl: replica.databaseUrl('fitness'),
      poolMax: 4,
    });
    await migrateSubgraphs(database, SUBGRAPH_NAMES);
    stack = await startTestStack({ database });
    trainer = await signUpTrainer(stack);
    await caughtUp();
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await database?.close();
    await replicaAdmin?.end();
    await replica?.destroy();
    await primary?.destroy();
  });

  it('answers search in a query from the replica: a write it has not replayed is not found yet', async () => {
    await publish('Kettlebell swing basics');
    await caughtUp();
    expect(await searchTitles('kettlebell')).toEqual(['Kettlebell swing basics']);

    await pauseReplay();
    try {
      await publish('Kettlebell snatch progressions');
      const before = database.stats.replicaStatements;
      expect(await searchTitles('kettlebell')).toEqual(['Kettlebell swing basics']);
      expect(database.stats.replicaStatements).toBeGreaterThan(before);
    } finally {
      await resumeReplay();
    }
    expect((await searchTitles('kettlebell')).sort()).toEqual([
      'Kettlebell snatch progressions',
      'Kettlebell swing basics',
    ]);
  });

  it('reads from the primary in a mutation, whose reads may follow its own writes', async () => {
    const athlete = await stack.signUp();
    const to = new Date(Date.now() - 60_000);
    const from = new Date(to.getTime() - 3_600_000);
    const series = `healthSeries(metricType: STEPS, from: "${from.toISOString()}", to: "${new Date(
      to.getTime() + 60_000,
    ).toISOString()}", bucket: DAY) { sum }`;
    await caughtUp();
    await pauseReplay();
    try {
      const recorded = await stack.gql(
        `mutation($input: [HealthMetricInput!]!) { recordHealthMetrics(input: $input) { accepted } }`,
        {
          input: [{ metricType: 'STEPS', value: 1234, unit: 'count', recordedAt: to.toISOString() }],
        },
        { token: athlete.token },
      );
      expect(recorded.errors).toBeUndefined();
      // A query's series comes from the paused replica: the sample is not there.
      const query = await stack.gql(`{ me { ${series} } }`, {}, { token: athlete.token });
      expect(query.errors).toBeUndefined();
      expect(query.data.me.healthSeries).toEqual([]);
      // The same field in a mutation's answer is read from the primary.
      const before = database.stats.replicaStatements;
      const mutation = await stack.gql(
        `mutation { updateProfile(input: { firstName: "Ada" }) { ${series} } }`,
        {},
        { token: athlete.token },
      );
      expect(mutation.errors).toBeUndefined();
      expect(mutation.data.updateProfile.healthSeries).toEqual([{ sum: 1234 }]);
      expect(database.stats.replicaStatements).toBe(before);
    } finally {
      await resumeReplay();
    }
  });

  it('keeps reads that must be current on the primary, in queries too', async () => {
    await pauseReplay();
    try {
      const renamed = await stack.signUp();
      const before = database.stats.replicaStatements;
      const me = await stack.gql('{ me { id username } }', {}, { token: renamed.token });
      expect(me.data.me).toEqual({ id: renamed.id, username: renamed.username });
      expect(database.stats.replicaStatements).toBe(before);
    } finally {
      await resumeReplay();
    }
  });
});
