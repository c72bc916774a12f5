import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { rows } from '../../kit/db.js';
import { unpackStoredPayload } from '../../kit/events/outbox.js';
import { republishCoachingEvents } from './coaching-events.js';
import {
  eventually,
  type GraphQLResponse,
  startTestStack,
  type TestStack,
  type TestUser,
} from '../../testkit/stack.js';
import { adminOf, applyAsTrainer, makeTrainer, type TestTrainer } from '../../testkit/training.js';

const HIRE = `mutation($trainerId: ID!) {
  hireTrainer(trainerId: $trainerId) { id startedAt endedAt trainer { id } user { id } }
}`;
const END = `mutation($id: ID!) { endCoaching(id: $id) { id endedAt } }`;
const CLIENTS = `query($first: Int, $after: String) {
  myTrainerProfile {
    clients(first: $first, after: $after) {
      nodes { id startedAt user { id username } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
const CLIENT_DATA = `query {
  myTrainerProfile {
    clients {
      nodes {
        id
        user { id }
        habits { nodes { id name currentStreak } }
        workoutSessions(first: 5) { nodes { id status } pageInfo { hasNextPage } }
      }
    }
  }
}`;
const COACHES = `query { me { coaches { nodes { id trainer { id } startedAt } } } }`;

let stack: TestStack;

async function hire(client: TestUser, trainerId: string) {
  return stack.gql(HIRE, { trainerId }, { token: client.token });
}

async function hired(client: TestUser, trainer: TestTrainer): Promise<string> {
  const result = await hire(client, trainer.trainerId);
  expect(result.errors).toBeUndefined();
  return result.data.hireTrainer.id;
}

async function clientData(trainer: TestUser) {
  const result = await stack.gql(CLIENT_DATA, {}, { token: trainer.token });
  expect(result.errors).toBeUndefined();
  return result.data.myTrainerProfile.clients.nodes as {
    id: string;
    user: { id: string };
    habits: { nodes: { id: string; name: string; currentStreak: number }[] } | null;
    workoutSessions: { nodes: { id: string }[] } | null;
  }[];
}

beforeAll(async () => {
  stack = await startTestStack();
  stack.clock.set(new Date('2026-11-27T12:00:00Z'));
});
afterAll(async () => {
  await stack?.stop();
});

describe('hiring a trainer', () => {
  it('starts a relationship both sides see, and is idempotent while it is active', async () => {
    const trainer = await makeTrainer(stack);
    const client = await stack.signUp();
    const first = await hire(client, trainer.trainerId);
    expect(first.errors).toBeUndefined();
    expect(first.data.hireTrainer).toMatchObject({
      trainer: { id: trainer.trainerId },
      user: { id: client.id },
      startedAt: '2026-11-27T12:00:00.000Z',
      endedAt: null,
    });
    stack.clock.advance(60_000);
    const again = await hire(client, trainer.trainerId);
    expect(again.data.hireTrainer.id).toBe(first.data.hireTrainer.id);
    expect(again.data.hireTrainer.startedAt).toBe('2026-11-27T12:00:00.000Z');

    const coaches = await stack.gql(COACHES, {}, { token: client.token });
    expect(coaches.data.me.coaches.nodes).toEqual([
      {
        id: first.data.hireTrainer.id,
        trainer: { id: trainer.trainerId },
        startedAt: '2026-11-27T12:00:00.000Z',
      },
    ]);
    const clients = await stack.gql(CLIENTS, {}, { token: trainer.token });
    expect(clients.data.myTrainerProfile.clients.nodes).toEqual([
      {
        id: first.data.hireTrainer.id,
        startedAt: '2026-11-27T12:00:00.000Z',
        user: { id: client.id, username: client.username },
      },
    ]);
  });

  it('refuses bad ids, unknown and unverified trainers, self-coaching and anonymous callers', async () => {
    const client = await stack.signUp();
    const codeOf = (result: Awaited<ReturnType<typeof hire>>) => ({
      code: result.errors?.[0]?.extensions?.code,
      reason: result.errors?.[0]?.extensions?.reason,
    });
    expect(codeOf(await hire(client, 'not-an-id'))).toEqual({ code: 'BAD_USER_INPUT', reason: undefined });
    expect(codeOf(await hire(client, randomUUID()))).toEqual({ code: 'NOT_FOUND', reason: undefined });

    const applicant = await stack.signUp();
    const unverified = await applyAsTrainer(stack, applicant);
    expect(codeOf(await hire(client, unverified))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'TRAINER_NOT_VERIFIED',
    });

    const trainer = await makeTrainer(stack);
    expect(codeOf(await hire(trainer, trainer.trainerId))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'SELF_COACHING',
    });

    const anonymous = await stack.gql(HIRE, { trainerId: trainer.trainerId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const [{ n }] = (await rows<{ n: number }>(
      stack.runtime.database.db,
      sql`select count(*)::int as n from training.trainer_clients where trainer_id in (${unverified}, ${trainer.trainerId})`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('the database refuses self-coaching and unverified trainers whoever writes', async () => {
    const trainer = await makeTrainer(stack);
    const applicant = await stack.signUp();
    const unverified = await applyAsTrainer(stack, applicant);
    const client = await stack.signUp();
    await expect(
      stack.runtime.database.exec(
        `insert into training.trainer_clients (trainer_id, user_id) values ('${trainer.trainerId}', '${trainer.id}')`,
      ),
    ).rejects.toThrow(/coach themself/);
    await expect(
      stack.runtime.database.exec(
        `insert into training.trainer_clients (trainer_id, user_id) values ('${unverified}', '${client.id}')`,
      ),
    ).rejects.toThrow(/verified trainer/);
  });
});

describe('a trainer’s clients', () => {
  it('pages newest first and only to the trainer themself (admins and other trainers get FORBIDDEN)', async () => {
    const trainer = await makeTrainer(stack);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      stack.clock.advance(60_000);
      ids.push(await hired(await stack.signUp(), trainer));
    }
    const newestFirst = [...ids].reverse();
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const result: GraphQLResponse = await stack.gql(CLIENTS, { first: 2, after }, { token: trainer.token });
      expect(result.errors).toBeUndefined();
      const { nodes, pageInfo } = result.data.myTrainerProfile.clients as {
        nodes: { id: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      seen.push(...nodes.map((n) => n.id));
      expect(pageInfo.hasNextPage).toBe(page < 2);
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(newestFirst);

    const tooMany = await stack.gql(CLIENTS, { first: 101 }, { token: trainer.token });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await stack.gql(CLIENTS, { first: 2, after: 'nope' }, { token: trainer.token });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const query = `query($id: ID!) { trainer(id: $id) { id clients { nodes { id } } } }`;
    const admin = await adminOf(stack);
    const otherTrainer = await makeTrainer(stack);
    for (const viewer of [admin, otherTrainer, await stack.signUp()]) {
      const result = await stack.gql(query, { id: trainer.trainerId }, { token: viewer.token });
      expect(result.data.trainer).toEqual({ id: trainer.trainerId, clients: null });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const anonymous = await stack.gql(query, { id: trainer.trainerId });
    expect(anonymous.data.trainer.clients).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows the client’s habits and sessions only while the relationship is active', async () => {
    const trainer = await makeTrainer(stack);
    const client = await stack.signUp();
    const habit = await stack.gql(
      'mutation { createHabit(input: { name: "Walk", frequencyPerWeek: 7 }) { id } }',
      {},
      { token: client.token },
    );
    for (const date of ['2026-11-26', '2026-11-27']) {
      await stack.gql(
        'mutation($input: LogHabitInput!) { logHabit(input: $input) { id } }',
        { input: { habitId: habit.data.createHabit.id, date } },
        { token: client.token },
      );
    }
    const session = await stack.gql(
      'mutation { startWorkoutSession(input: {}) { id } }',
      {},
      {
        token: client.token,
      },
    );

    // Before hiring: nothing to see.
    expect(await clientData(trainer)).toEqual([]);

    const id = await hired(client, trainer);
    const [shared] = await clientData(trainer);
    expect(shared).toMatchObject({
      id,
      user: { id: client.id },
      habits: { nodes: [{ id: habit.data.createHabit.id, name: 'Walk', currentStreak: 2 }] },
      workoutSessions: { nodes: [{ id: session.data.startWorkoutSession.id }] },
    });

    // The trainer ends it; the very next request sees nothing, by every path.
    stack.clock.advance(60_000);
    const ended = await stack.gql(END, { id }, { token: trainer.token });
    expect(ended.errors).toBeUndefined();
    expect(ended.data.endCoaching.endedAt).toBe(stack.clock.now().toISOString());
    expect(await clientData(trainer)).toEqual([]);
    const coaches = await stack.gql(COACHES, {}, { token: client.token });
    expect(coaches.data.me.coaches.nodes).toEqual([]);
    // Ending it again is a conflict, and does not hand the former coach the relationship back.
    const twice = await stack.gql(
      `mutation($id: ID!) { endCoaching(id: $id) { id habits { nodes { id } } workoutSessions { nodes { id } } } }`,
      { id },
      { token: trainer.token },
    );
    expect(twice.data).toBeNull();
    expect(twice.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      from: 'ENDED',
    });

    // Hiring again starts a new relationship; the old one stays as history.
    const again = await hired(client, trainer);
    expect(again).not.toBe(id);
    expect((await clientData(trainer)).map((c) => c.id)).toEqual([again]);
  });

  it('either side ends it; nobody else can, and to them it does not exist', async () => {
    const trainer = await makeTrainer(stack);
    const client = await stack.signUp();
    const id = await hired(client, trainer);
    for (const outsider of [await stack.signUp(), await makeTrainer(stack), await adminOf(stack)]) {
      const result = await stack.gql(END, { id }, { token: outsider.token });
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const unknown = await stack.gql(END, { id: randomUUID() }, { token: client.token });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badId = await stack.gql(END, { id: 'x' }, { token: client.token });
    expect(badId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const ended = await stack.gql(END, { id }, { token: client.token });
    expect(ended.errors).toBeUndefined();
    expect(ended.data.endCoaching.endedAt).not.toBeNull();
    expect(await clientData(trainer)).toEqual([]);
  });

  it('User.coaches is the user’s own: null for anyone else', async () => {
    const trainer = await makeTrainer(stack);
    const client = await stack.signUp();
    await hired(client, trainer);
    const asTrainer = await stack.gql(
      'query { myTrainerProfile { clients { nodes { user { id coaches { nodes { id } } } } } } }',
      {},
      { token: trainer.token },
    );
    expect(asTrainer.data.myTrainerProfile.clients.nodes).toEqual([
      { user: { id: client.id, coaches: null } },
    ]);
    const admin = await adminOf(stack);
    const asAdmin = await stack.gql(
      'query($p: String!) { searchUsers(prefix: $p) { nodes { id coaches { nodes { id } } } } }',
      { p: client.username },
      { token: admin.token },
    );
    expect(asAdmin.data.searchUsers.nodes).toEqual([{ id: client.id, coaches: null }]);
  });
});

describe('account deletion', () => {
  it('deletes the relationships of a deleted client and of a deleted trainer', async () => {
    const trainer = await makeTrainer(stack);
    const [gone, kept] = [await stack.signUp(), await stack.signUp()];
    await hired(gone, trainer);
    await hired(kept, trainer);
    const otherTrainer = await makeTrainer(stack);
    await hired(kept, otherTrainer);

    const count = async (where: ReturnType<typeof sql>) =>
      (
        await rows<{ n: number }>(
          stack.runtime.database.db,
          sql`select count(*)::int as n from training.trainer_clients where ${where}`,
        )
      )[0]!.n;

    const deleteAccount = async (user: TestUser) => {
      const deleted = await stack.gql(
        'mutation($p: String!) { deleteMyAccount(password: $p) { __typename } }',
        { p: user.password },
        { token: user.token },
      );
      expect(deleted.data.deleteMyAccount.__typename).toBe('AccountDeleted');
      await stack.flushEvents();
    };

    await deleteAccount(gone);
    await eventually(async () => expect(await count(sql`user_id = ${gone.id}`)).toBe(0));
    expect(await count(sql`trainer_id = ${trainer.trainerId}`)).toBe(1);

    await deleteAccount(trainer);
    await eventually(async () => expect(await count(sql`trainer_id = ${trainer.trainerId}`)).toBe(0));
    // The client's relationship with another trainer stays.
    expect(await count(sql`user_id = ${kept.id}`)).toBe(1);
    const coaches = await stack.gql(COACHES, {}, { token: kept.token });
    expect(coaches.data.me.coaches.nodes.map((c: { trainer: { id: string } }) => c.trainer.id)).toEqual([
      otherTrainer.trainerId,
    ]);
  });
});

/**
 * Health and billing keep their own copy of who coaches whom from training's coaching events, and
 * check it before they serve a client's data to a trainer (SECURITY.md, "Coaching").
 */
describe('coaching events', () => {
  interface CopyRow {
    id: string;
    trainer_id: string;
    trainer_user_id: string;
    user_id: string;
    ended_at: string | Date | null;
  }
  /** The relationship's outbox rows, each with the payload consumers receive (the version goes to the envelope). */
  const eventsOf = async (relationshipId: string) =>
    (
      await rows<{ type: string; payload: Record<string, unknown> }>(
        stack.runtime.database.db,
        sql`select type, payload from training.outbox where payload->>'relationshipId' = ${relationshipId} order by occurred_at, type desc`,
      )
    ).map(({ type, payload }) => ({ type, payload: unpackStoredPayload(payload).payload }));
  /** The relationship in health's and billing's copies (the same, once the events are through). */
  const copies = async (relationshipId: string) => {
    const db = stack.runtime.database.db;
    const health = await rows<CopyRow>(
      db,
      sql`select * from health.coaching_relationships where id = ${relationshipId}`,
    );
    const billing = await rows<CopyRow>(
      db,
      sql`select * from billing.coaching_relationships where id = ${relationshipId}`,
    );
    expect(
      billing.map((r) => ({ ...r, ended_at: r.ended_at && new Date(r.ended_at).toISOString() })),
    ).toEqual(health.map((r) => ({ ...r, ended_at: r.ended_at && new Date(r.ended_at).toISOString() })));
    return health;
  };
  const active = async (relationshipId: string) => {
    const [row] = await copies(relationshipId);
    return row ? row.ended_at === null : null;
  };

  it('hire and end write coaching.started and coaching.ended with the change; health and billing follow', async () => {
    const trainer = await makeTrainer(stack);
    const client = await stack.signUp();
    const id = await hired(client, trainer);
    await hired(client, trainer); // idempotent: no second relationship, no second event
    expect(await eventsOf(id)).toEqual([
      {
        type: 'coaching.started',
        payload: {
          relationshipId: id,
          trainerId: trainer.trainerId,
          trainerUserId: trainer.id,
          userId: client.id,
          startedAt: stack.clock.now().toISOString(),
          endedAt: null,
        },
      },
    ]);
    await stack.flushEvents();
    await eventually(async () => expect(await copies(id)).toHaveLength(1));
    expect(await copies(id)).toEqual([
      {
        id,
        trainer_id: trainer.trainerId,
        trainer_user_id: trainer.id,
        user_id: client.id,
        started_at: expect.anything(),
        ended_at: null,
      },
    ]);

    stack.clock.advance(60_000);
    expect((await stack.gql(END, { id }, { token: client.token })).errors).toBeUndefined();
    // Ending it twice is a CONFLICT and announces nothing more.
    expect((await stack.gql(END, { id }, { token: client.token })).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual(['coaching.started', 'coaching.ended']);
    expect(events[1]?.payload).toMatchObject({ endedAt: stack.clock.now().toISOString(), reason: 'ended' });
    await stack.flushEvents();
    await eventually(async () => expect(await active(id)).toBe(false));
  });

  it('account deletion announces the end of each active relationship of the client and of the trainer', async () => {
    const trainer = await makeTrainer(stack);
    const otherTrainer = await makeTrainer(stack);
    const [client, other] = [await stack.signUp(), await stack.signUp()];
    const clientsCoach = await hired(client, otherTrainer);
    const trainersClient = await hired(other, trainer);
    // The trainer is also someone's client.
    const trainerAsClient = await hired(trainer, otherTrainer);
    await stack.flushEvents();
    await eventually(async () => {
      for (const id of [clientsCoach, trainersClient, trainerAsClient]) expect(await active(id)).toBe(true);
    });

    for (const user of [client, trainer]) {
      const deleted = await stack.gql(
        'mutation($p: String!) { deleteMyAccount(password: $p) { __typename } }',
        { p: user.password },
        { token: user.token },
      );
      expect(deleted.data.deleteMyAccount.__typename).toBe('AccountDeleted');
    }
    await stack.flushEvents();
    await eventually(async () => {
      for (const id of [clientsCoach, trainersClient, trainerAsClient]) {
        expect(await active(id)).toBe(false);
        expect((await eventsOf(id)).at(-1)).toMatchObject({
          type: 'coaching.ended',
          payload: { reason: 'account_deleted' },
        });
      }
    });
    expect((await eventsOf(trainersClient)).at(-1)?.payload).toMatchObject({
      trainerId: trainer.trainerId,
      trainerUserId: trainer.id,
      userId: other.id,
    });
    expect((await eventsOf(clientsCoach)).at(-1)?.payload).toMatchObject({ trainerUserId: otherTrainer.id });
  });

  it('relationships from before coaching events reach the copies through the backfill migration', async () => {
    const trainer = await makeTrainer(stack);
    const client = await stack.signUp();
    // A relationship written before training announced any (as a migrated database holds them).
    const [row] = await rows<{ id: string }>(
      stack.runtime.database.db,
      sql`insert into training.trainer_clients (trainer_id, user_id) values (${trainer.trainerId}, ${client.id}) returning id`,
    );
    const id = row!.id;
    await stack.flushEvents();
    expect(await active(id)).toBeNull();
    const migration = readFileSync(
      new URL('../../drizzle/training/0004_coaching_events_backfill.sql', import.meta.url),
      'utf8',
    );
    await stack.runtime.database.exec(migration);
    await stack.flushEvents();
    await eventually(async () => expect(await active(id)).toBe(true));
  });

  it('republishing rebuilds a lost copy: active relationships active, ended ones ended', async () => {
    const trainer = await makeTrainer(stack);
    const [stays, leaves] = [await stack.signUp(), await stack.signUp()];
    const activeId = await hired(stays, trainer);
    const endedId = await hired(leaves, trainer);
    expect((await stack.gql(END, { id: endedId }, { token: leaves.token })).errors).toBeUndefined();
    await stack.flushEvents();
    await eventually(async () => expect(await active(endedId)).toBe(false));
    // Both copies lost (a restore from an old backup, say), and the end's event long gone.
    await stack.runtime.database.exec(`
      delete from health.coaching_relationships where id in ('${activeId}', '${endedId}');
      delete from billing.coaching_relationships where id in ('${activeId}', '${endedId}');
    `);
    const written = await republishCoachingEvents(stack.runtime.database.db, stack.clock.now());
    expect(written).toBeGreaterThanOrEqual(2);
    await stack.flushEvents();
    await eventually(async () => {
      expect(await active(activeId)).toBe(true);
      expect(await active(endedId)).toBe(false);
    });
    // Running it again changes nothing.
    await republishCoachingEvents(stack.runtime.database.db, stack.clock.now());
    await stack.flushEvents();
    expect(await active(activeId)).toBe(true);
    expect(await active(endedId)).toBe(false);
  });
});
