import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kit/db.js';
import { startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';
import { gqlAs, signUpTrainer, type TestTrainer } from '../../testkit/trainer.js';
import { ViewCounterFlusher } from './workers/view-counter.js';
import { ViewMarkSweeper } from './workers/view-marks.js';

const CREATE_ITEM = `mutation($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }`;
const PUBLISH_ITEM = `mutation($id: ID!) { publishContentItem(id: $id) { id } }`;
const VIEW = `mutation($id: ID!) { recordContentView(id: $id) }`;
const ITEM = `query($id: ID!) { contentItem(id: $id) { viewCount rating ratingsCount myRating } }`;
const RATE = `mutation($id: ID!, $rating: Int!) { rateContentItem(id: $id, rating: $rating) { rating ratingsCount myRating } }`;
const CREATE_COURSE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`;
const ADD_LESSON = `mutation($courseId: ID!, $input: AddLessonInput!) { addLesson(courseId: $courseId, input: $input) { id } }`;
const PUBLISH_COURSE = `mutation($id: ID!) { publishCourse(id: $id) { id } }`;
const ENROLL = `mutation($courseId: ID!) { enrollInCourse(courseId: $courseId) { __typename ... on Enrollment { course { id enrollmentsCount isEnrolled } } } }`;
const COURSE = `query($id: ID!) { course(id: $id) { enrollmentsCount } }`;

let stack: TestStack;
let trainer: TestTrainer;

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await signUpTrainer(stack);
});
afterAll(async () => {
  await stack?.stop();
});

/**
 * Resolves each user's session once before a burst, so the burst measures content and not many
 * simultaneous first-time session lookups.
 */
async function warmViewers(users: TestUser[]) {
  for (const user of users)
    expect((await stack.gql('{ me { id } }', {}, { token: user.token })).data.me.id).toBe(user.id);
}

const flusher = () => stack.subgraphs.content.background.find((t) => t instanceof ViewCounterFlusher)!;

async function publishedItem(title = 'Plank variations'): Promise<string> {
  const created = await gqlAs(stack, trainer, CREATE_ITEM, { input: { type: 'VIDEO', title } });
  const id = created.data.createContentItem.id;
  await gqlAs(stack, trainer, PUBLISH_ITEM, { id });
  return id;
}

async function publishedCourse(): Promise<string> {
  const created = await gqlAs(stack, trainer, CREATE_COURSE, { input: { name: 'Core month' } });
  const id = created.data.createCourse.id;
  await gqlAs(stack, trainer, ADD_LESSON, { courseId: id, input: { title: 'Week 1' } });
  await gqlAs(stack, trainer, PUBLISH_COURSE, { id });
  return id;
}

/** An anonymous client of its own, as the trusted proxy in front of the gateway reports it. */
let nextClient = 1;
const anonymous = () => ({ headers: { 'x-forwarded-for': `198.51.100.${nextClient++ % 250}` } });
const anonymousAt = (address: string) => ({ headers: { 'x-forwarded-for': address } });
const viewCount = async (id: string) => (await stack.gql(ITEM, { id })).data.contentItem.viewCount;

describe('recordContentView', () => {
  it('counts 100 concurrent views by 20 viewers as 20, without writing the item row while they arrive', async () => {
    const id = await publishedItem();
    // The periodic flush is paused so that the row can be watched while views arrive.
    await flusher().stop();
    const version = async () =>
      (
        await rows<{ v: string }>(
          stack.runtime.database.db,
          sql`select xmin::text as v from content.content_items where id = ${id}`,
        )
      )[0]!.v;
    const before = await version();
    const viewers = await Promise.all(Array.from({ length: 4 }, () => stack.signUp()));
    await warmViewers(viewers);
    const clients = Array.from({ length: 16 }, anonymous);
    // Each of the 4 users and 16 anonymous clients views the item 5 times, all at once.
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        i % 5 === 4
          ? stack.gql(VIEW, { id }, { token: viewers[i % 4]!.token, ...anonymous() })
          : stack.gql(VIEW, { id }, clients[i % 16]),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(results.every((r) => r.data?.recordContentView === true)).toBe(true);
    // The item's row version is unchanged: views were appended elsewhere, no row lock was taken on it.
    expect(await version()).toBe(before);
    flusher().start();
    await flusher().flush();
    expect(await viewCount(id)).toBe(20);
    // A flush with nothing pending changes nothing; new viewers add on top, repeat viewers do not.
    await flusher().flush();
    await Promise.all(Array.from({ length: 7 }, () => stack.gql(VIEW, { id }, anonymous())));
    await Promise.all(clients.map((client) => stack.gql(VIEW, { id }, client)));
    await flusher().flush();
    expect(await viewCount(id)).toBe(27);
  });

  it('counts exactly with several flushers racing the viewers', async () => {
    const id = await publishedItem('Side plank');
    const extra = [
      new ViewCounterFlusher(stack.runtime.database),
      new ViewCounterFlusher(stack.runtime.database),
    ];
    const views = Array.from({ length: 100 }, () => stack.gql(VIEW, { id }, anonymous()));
    const flushes = Array.from({ length: 6 }, (_, i) => extra[i % 2]!.flush());
    await Promise.all([...views, ...flushes]);
    await flusher().flush();
    expect(await viewCount(id)).toBe(100);
  });

  it('counts a viewer once per item per UTC day, and again the next day', async () => {
    const [first, second] = [await publishedItem('Bird dog'), await publishedItem('Glute bridge')];
    const user = await stack.signUp();
    const address = '203.0.113.40';
    const viewAll = async () => {
      for (let i = 0; i < 3; i++) {
        for (const id of [first, second]) {
          await gqlAs(stack, user, VIEW, { id });
          await stack.gql(VIEW, { id }, anonymousAt(address));
        }
      }
      await flusher().flush();
    };
    await viewAll();
    expect([await viewCount(first), await viewCount(second)]).toEqual([2, 2]);
    // The same client after midnight UTC is a new view.
    const now = stack.clock.now();
    stack.clock.set(
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 0, 0, 1)),
    );
    try {
      await viewAll();
      expect([await viewCount(first), await viewCount(second)]).toEqual([4, 4]);
    } finally {
      stack.clock.set(new Date());
    }
  });

  it('keeps no client address, and forgets who viewed once the day is over', async () => {
    const id = await publishedItem('Farmer carry');
    const address = '203.0.113.41';
    await stack.gql(VIEW, { id }, anonymousAt(address));
    const marks = await rows<Record<string, unknown>>(
      stack.runtime.database.db,
      sql`select * from content.content_view_marks where content_item_id = ${id}`,
    );
    expect(marks).toHaveLength(1);
    expect(JSON.stringify(marks)).not.toContain(address);
    expect(JSON.stringify(marks)).not.toContain('203.0.113');

    const sweeper = stack.subgraphs.content.background.find((t) => t instanceof ViewMarkSweeper)!;
    stack.clock.advance(2 * 24 * 3600 * 1000);
    try {
      await sweeper.sweep();
    } finally {
      stack.clock.set(new Date());
    }
    const left = await rows<{ n: number }>(
      stack.runtime.database.db,
      sql`select count(*)::int as n from content.content_view_marks`,
    );
    expect(left[0]!.n).toBe(0);
  });

  it('refuses views of drafts and unknown items', async () => {
    const created = await gqlAs(stack, trainer, CREATE_ITEM, { input: { type: 'VIDEO', title: 'Draft' } });
    const draft = created.data.createContentItem.id;
    expect((await stack.gql(VIEW, { id: draft })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await stack.gql(VIEW, { id: randomUUID() })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gqlAs(stack, trainer, VIEW, { id: draft })).data.recordContentView).toBe(true);
  });
});

describe('ratings', () => {
  it('keeps the average exact under concurrent ratings, re-ratings and removals', async () => {
    const id = await publishedItem('Dead bug');
    const raters = await Promise.all(Array.from({ length: 8 }, () => stack.signUp()));
    await warmViewers(raters);
    const first = [5, 4, 3, 5, 1, 2, 4, 5];
    const rated = await Promise.all(raters.map((u, i) => gqlAs(stack, u, RATE, { id, rating: first[i] })));
    expect(rated.flatMap((r) => r.errors ?? [])).toEqual([]);
    let item = (await gqlAs(stack, raters[0]!, ITEM, { id })).data.contentItem;
    expect(item).toMatchObject({ ratingsCount: 8, rating: 3.63, myRating: 5 });
    // Everyone rates again at once, and two withdraw.
    const second = [1, 1, 1, 1, 2, 2, 2, 2];
    await Promise.all([...raters.map((u, i) => gqlAs(stack, u, RATE, { id, rating: second[i] }))]);
    await Promise.all(
      raters
        .slice(0, 2)
        .map((u) => gqlAs(stack, u, `mutation($id: ID!) { removeContentRating(id: $id) }`, { id })),
    );
    item = (await stack.gql(ITEM, { id })).data.contentItem;
    expect(item).toMatchObject({ ratingsCount: 6, rating: 1.67, myRating: null });
    const [stored] = await rows<{ rating: string; avg: string }>(
      stack.runtime.database.db,
      sql`select i.rating::text as rating, round(avg(r.rating), 2)::text as avg
            from content.content_items i join content.ratings r on r.content_item_id = i.id
           where i.id = ${id} group by i.rating`,
    );
    expect(stored!.rating).toBe(stored!.avg);
  });

  it('refuses ratings outside 1..5 and anonymous ratings', async () => {
    const id = await publishedItem('Bird dog');
    const user = await stack.signUp();
    for (const rating of [0, 6]) {
      expect((await gqlAs(stack, user, RATE, { id, rating })).errors?.[0]?.extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
    }
    expect((await stack.gql(RATE, { id, rating: 3 })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('enrollments and user.deleted', () => {
  it('keeps enrollments_count exact under concurrent enrollments', async () => {
    const course = await publishedCourse();
    const users = await Promise.all(Array.from({ length: 10 }, () => stack.signUp()));
    await warmViewers(users);
    // Each user enrolls twice at once: one enrollment per user and course.
    const results = await Promise.all(
      users.flatMap((u) => [
        gqlAs(stack, u, ENROLL, { courseId: course }),
        gqlAs(stack, u, ENROLL, { courseId: course }),
      ]),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(results.every((r) => r.data.enrollInCourse.__typename === 'Enrollment')).toBe(true);
    expect((await stack.gql(COURSE, { id: course })).data.course.enrollmentsCount).toBe(10);
    const mine = await gqlAs(stack, users[0]!, ENROLL, { courseId: course });
    expect(mine.data.enrollInCourse.course).toMatchObject({ enrollmentsCount: 10, isEnrolled: true });
    await gqlAs(stack, users[0]!, `mutation($courseId: ID!) { unenrollFromCourse(courseId: $courseId) }`, {
      courseId: course,
    });
    expect((await stack.gql(COURSE, { id: course })).data.course.enrollmentsCount).toBe(9);
  });

  it("removes a deleted user's ratings and enrollments, keeping averages and counts exact, once", async () => {
    const item = await publishedItem('Hollow hold');
    const course = await publishedCourse();
    const leaving: TestUser = await stack.signUp();
    const staying: TestUser = await stack.signUp();
    await gqlAs(stack, leaving, RATE, { id: item, rating: 1 });
    await gqlAs(stack, staying, RATE, { id: item, rating: 4 });
    await gqlAs(stack, leaving, ENROLL, { courseId: course });
    await gqlAs(stack, staying, ENROLL, { courseId: course });
    expect((await stack.gql(ITEM, { id: item })).data.contentItem).toMatchObject({
      rating: 2.5,
      ratingsCount: 2,
    });

    const event = {
      id: randomUUID(),
      type: 'user.deleted',
      source: 'identity',
      occurredAt: new Date().toISOString(),
      payload: { userId: leaving.id, deletedAt: new Date().toISOString() },
    };
    await stack.runtime.bus.publish(event);
    await stack.runtime.bus.publish(event);
    await stack.flushEvents();
    const check = async () => {
      expect((await stack.gql(ITEM, { id: item })).data.contentItem).toMatchObject({
        rating: 4,
        ratingsCount: 1,
      });
      expect((await stack.gql(COURSE, { id: course })).data.course.enrollmentsCount).toBe(1);
    };
    const { eventually } = await import('../../testkit/stack.js');
    await eventually(check);
    const [left] = await rows<{ n: number }>(
      stack.runtime.database.db,
      sql`select (select count(*) from content.ratings where user_id = ${leaving.id})::int
               + (select count(*) from content.enrollments where user_id = ${leaving.id})::int as n`,
    );
    expect(left!.n).toBe(0);
  });
});
