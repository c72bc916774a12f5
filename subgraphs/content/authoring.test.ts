import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kit/db.js';
import { startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';
import { gqlAs, signUpTrainer, type TestTrainer } from '../../testkit/trainer.js';

const CREATE_ITEM = `mutation($input: CreateContentItemInput!) { createContentItem(input: $input) { id title tags isPublished creator { id } } }`;
const UPDATE_ITEM = `mutation($id: ID!, $input: UpdateContentItemInput!) { updateContentItem(id: $id, input: $input) { id title description tags difficulty language } }`;
const PUBLISH_ITEM = `mutation($id: ID!) { publishContentItem(id: $id) { id isPublished } }`;
const CREATE_COURSE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id name isFree priceCents isPublished creator { id } } }`;
const UPDATE_COURSE = `mutation($id: ID!, $input: UpdateCourseInput!) { updateCourse(id: $id, input: $input) { id name } }`;
const PUBLISH_COURSE = `mutation($id: ID!) { publishCourse(id: $id) { id isPublished } }`;
const ADD_LESSON = `mutation($courseId: ID!, $input: AddLessonInput!) { addLesson(courseId: $courseId, input: $input) { id lessons { id title sequenceNumber } } }`;
const REORDER = `mutation($courseId: ID!, $lessonIds: [ID!]!) { reorderLessons(courseId: $courseId, lessonIds: $lessonIds) { lessons { id title sequenceNumber } } }`;
const REMOVE_LESSON = `mutation($id: ID!) { removeLesson(id: $id) { lessons { title sequenceNumber } } }`;
const UPDATE_LESSON = `mutation($id: ID!, $input: UpdateLessonInput!) { updateLesson(id: $id, input: $input) { id title contentItems { id } } }`;
const COURSE = `query($id: ID!) { course(id: $id) { id name isPublished lessons { id title sequenceNumber contentItems { id } } } }`;

let stack: TestStack;
let trainer: TestTrainer;
let rival: TestTrainer;
let member: TestUser;

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await signUpTrainer(stack);
  rival = await signUpTrainer(stack);
  member = await stack.signUp();
});
afterAll(async () => {
  await stack?.stop();
});

const code = (result: any) => result.errors?.[0]?.extensions?.code;

async function newItem(owner: TestTrainer, title = 'Core basics', publish = true): Promise<string> {
  const created = await gqlAs(stack, owner, CREATE_ITEM, { input: { type: 'VIDEO', title } });
  expect(created.errors).toBeUndefined();
  const id = created.data.createContentItem.id;
  if (publish) await gqlAs(stack, owner, PUBLISH_ITEM, { id });
  return id;
}

async function newCourse(owner: TestTrainer, lessons: string[] = []): Promise<string> {
  const created = await gqlAs(stack, owner, CREATE_COURSE, { input: { name: 'Twelve weeks to strength' } });
  expect(created.errors).toBeUndefined();
  const id = created.data.createCourse.id;
  for (const title of lessons) {
    const added = await gqlAs(stack, owner, ADD_LESSON, { courseId: id, input: { title } });
    expect(added.errors).toBeUndefined();
  }
  return id;
}

const titles = (course: any) => course.lessons.map((l: any) => `${l.sequenceNumber}:${l.title}`);

describe('content items', () => {
  it('lets a trainer create and edit their own items, normalizing input', async () => {
    const created = await gqlAs(stack, trainer, CREATE_ITEM, {
      input: {
        type: 'ARTICLE',
        title: '  Mobility  ',
        tags: ['Hips', 'hips', ' Yoga '],
        language: 'RUSSIAN',
      },
    });
    expect(created.data.createContentItem).toMatchObject({
      title: 'Mobility',
      tags: ['hips', 'yoga'],
      isPublished: false,
      creator: { id: trainer.trainerId },
    });
    const id = created.data.createContentItem.id;
    const updated = await gqlAs(stack, trainer, UPDATE_ITEM, {
      id,
      input: { description: 'Hip openers', difficulty: 'BEGINNER' },
    });
    expect(updated.data.updateContentItem).toMatchObject({
      title: 'Mobility',
      description: 'Hip openers',
      difficulty: 'BEGINNER',
      language: 'RUSSIAN',
    });
  });

  it('refuses authoring by non-trainers, anonymous callers and non-owners', async () => {
    const input = { type: 'VIDEO', title: 'Nope' };
    expect(code(await stack.gql(CREATE_ITEM, { input }))).toBe('UNAUTHENTICATED');
    expect(code(await gqlAs(stack, member, CREATE_ITEM, { input }))).toBe('FORBIDDEN');
    expect(code(await gqlAs(stack, member, CREATE_COURSE, { input: { name: 'x' } }))).toBe('FORBIDDEN');

    const published = await newItem(trainer, 'Published');
    const draft = await newItem(trainer, 'Draft', false);
    // A published item of someone else: FORBIDDEN. A draft of someone else does not exist for them.
    expect(code(await gqlAs(stack, rival, UPDATE_ITEM, { id: published, input: { title: 'Mine' } }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await gqlAs(stack, rival, UPDATE_ITEM, { id: draft, input: { title: 'Mine' } }))).toBe(
      'NOT_FOUND',
    );
    expect(code(await gqlAs(stack, rival, PUBLISH_ITEM, { id: draft }))).toBe('NOT_FOUND');
    expect(code(await gqlAs(stack, member, PUBLISH_ITEM, { id: draft }))).toBe('FORBIDDEN');
    const unchanged = await gqlAs(
      stack,
      trainer,
      `query($id: ID!) { contentItem(id: $id) { title isPublished } }`,
      {
        id: draft,
      },
    );
    expect(unchanged.data.contentItem).toEqual({ title: 'Draft', isPublished: false });

    const course = await newCourse(trainer, ['Intro']);
    await gqlAs(stack, trainer, PUBLISH_COURSE, { id: course });
    expect(code(await gqlAs(stack, rival, UPDATE_COURSE, { id: course, input: { name: 'Mine' } }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await gqlAs(stack, rival, ADD_LESSON, { courseId: course, input: { title: 'x' } }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await gqlAs(stack, rival, REORDER, { courseId: course, lessonIds: [] }))).toBe('FORBIDDEN');
  });

  it('rejects bad input with BAD_USER_INPUT', async () => {
    const cases = [
      { type: 'VIDEO', title: '   ' },
      { type: 'VIDEO', title: 'x'.repeat(201) },
      { type: 'VIDEO', title: 'ok', contentUrl: 'javascript:alert(1)' },
      { type: 'VIDEO', title: 'ok', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
    ];
    for (const input of cases)
      expect(code(await gqlAs(stack, trainer, CREATE_ITEM, { input }))).toBe('BAD_USER_INPUT');
    expect(code(await gqlAs(stack, trainer, UPDATE_ITEM, { id: 'not-a-uuid', input: {} }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await gqlAs(stack, trainer, CREATE_COURSE, { input: { name: 'x', priceCents: -1 } }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('courses and lessons', () => {
  it('prices a course in an ISO 4217 currency: USD unless the trainer names one', async () => {
    const PRICED = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id priceCents currency isFree } }`;
    const usd = await gqlAs(stack, trainer, PRICED, {
      input: { name: 'Priced in dollars', priceCents: 4900 },
    });
    expect(usd.data.createCourse).toMatchObject({ priceCents: 4900, currency: 'USD', isFree: false });
    const rub = await gqlAs(stack, trainer, PRICED, {
      input: { name: 'Priced in roubles', priceCents: 99_000, currency: 'RUB' },
    });
    expect(rub.data.createCourse).toMatchObject({ priceCents: 99_000, currency: 'RUB' });
    const changed = await gqlAs(
      stack,
      trainer,
      `mutation($id: ID!, $input: UpdateCourseInput!) { updateCourse(id: $id, input: $input) { currency } }`,
      { id: rub.data.createCourse.id, input: { currency: 'EUR' } },
    );
    expect(changed.data.updateCourse.currency).toBe('EUR');
    const bad = await gqlAs(stack, trainer, PRICED, { input: { name: 'No such money', currency: 'XYZW' } });
    expect(code(bad)).toBe('BAD_USER_INPUT');
  });

  it('publishes a course only with lessons, and shows drafts to the owner only', async () => {
    const course = await newCourse(trainer);
    expect(code(await gqlAs(stack, trainer, PUBLISH_COURSE, { id: course }))).toBe('BAD_USER_INPUT');
    expect((await stack.gql(COURSE, { id: course })).data.course).toBeNull();
    expect((await gqlAs(stack, trainer, COURSE, { id: course })).data.course.isPublished).toBe(false);
    await gqlAs(stack, trainer, ADD_LESSON, { courseId: course, input: { title: 'One' } });
    expect((await gqlAs(stack, trainer, PUBLISH_COURSE, { id: course })).data.publishCourse.isPublished).toBe(
      true,
    );
    expect((await stack.gql(COURSE, { id: course })).data.course.lessons).toHaveLength(1);
  });

  it('adds lessons at a position, reorders and removes them keeping 1..n', async () => {
    const course = await newCourse(trainer, ['A', 'B', 'C']);
    const inserted = await gqlAs(stack, trainer, ADD_LESSON, {
      courseId: course,
      input: { title: 'First', sequenceNumber: 1 },
    });
    expect(titles(inserted.data.addLesson)).toEqual(['1:First', '2:A', '3:B', '4:C']);

    const lessons = inserted.data.addLesson.lessons;
    const reversed = [...lessons].reverse().map((l: any) => l.id);
    const reordered = await gqlAs(stack, trainer, REORDER, { courseId: course, lessonIds: reversed });
    expect(reordered.errors).toBeUndefined();
    expect(titles(reordered.data.reorderLessons)).toEqual(['1:C', '2:B', '3:A', '4:First']);

    const b = lessons.find((l: any) => l.title === 'B').id;
    const removed = await gqlAs(stack, trainer, REMOVE_LESSON, { id: b });
    expect(titles(removed.data.removeLesson)).toEqual(['1:C', '2:A', '3:First']);
    expect(
      code(
        await gqlAs(stack, trainer, ADD_LESSON, {
          courseId: course,
          input: { title: 'x', sequenceNumber: 9 },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('refuses a reorder that is not a permutation and leaves the order as it was', async () => {
    const course = await newCourse(trainer, ['A', 'B', 'C']);
    const before = (await gqlAs(stack, trainer, COURSE, { id: course })).data.course;
    const [a, b, c] = before.lessons.map((l: any) => l.id);
    const foreign = (await gqlAs(stack, trainer, COURSE, { id: await newCourse(trainer, ['X']) })).data.course
      .lessons[0].id;
    for (const lessonIds of [
      [a, b],
      [a, a, b, c],
      [a, b, c, foreign],
      [a, b, foreign],
    ]) {
      expect(code(await gqlAs(stack, trainer, REORDER, { courseId: course, lessonIds }))).toBe(
        'BAD_USER_INPUT',
      );
    }
    expect(titles((await gqlAs(stack, trainer, COURSE, { id: course })).data.course)).toEqual([
      '1:A',
      '2:B',
      '3:C',
    ]);
  });

  it('keeps a gap-free order under concurrent reorders and additions', async () => {
    const course = await newCourse(trainer, ['A', 'B', 'C', 'D']);
    const ids = (await gqlAs(stack, trainer, COURSE, { id: course })).data.course.lessons.map(
      (l: any) => l.id,
    );
    const rotations = [0, 1, 2, 3].map((k) => [...ids.slice(k), ...ids.slice(0, k)]);
    const results = await Promise.all([
      ...rotations.map((lessonIds) => gqlAs(stack, trainer, REORDER, { courseId: course, lessonIds })),
      gqlAs(stack, trainer, ADD_LESSON, { courseId: course, input: { title: 'E', sequenceNumber: 1 } }),
      gqlAs(stack, trainer, ADD_LESSON, { courseId: course, input: { title: 'F' } }),
    ]);
    // A reorder that ran after an addition no longer lists every lesson: refused, nothing half done.
    for (const result of results) if (result.errors) expect(code(result)).toBe('BAD_USER_INPUT');
    const final = (await gqlAs(stack, trainer, COURSE, { id: course })).data.course.lessons;
    expect(final.map((l: any) => l.sequenceNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(final.map((l: any) => l.title))).toEqual(new Set(['A', 'B', 'C', 'D', 'E', 'F']));
  });

  it('accepts only existing, usable content items in lessons', async () => {
    const own = await newItem(trainer, 'Own draft', false);
    const othersPublished = await newItem(rival, 'Rival published');
    const othersDraft = await newItem(rival, 'Rival draft', false);
    const course = await newCourse(trainer);
    const ok = await gqlAs(stack, trainer, ADD_LESSON, {
      courseId: course,
      input: { title: 'Mixed', contentItemIds: [own, othersPublished] },
    });
    expect(ok.errors).toBeUndefined();
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const contentItemIds of [[missing], [othersDraft], [own, own]]) {
      const refused = await gqlAs(stack, trainer, ADD_LESSON, {
        courseId: course,
        input: { title: 'x', contentItemIds },
      });
      expect(code(refused)).toBe('BAD_USER_INPUT');
    }
    const lessonId = ok.data.addLesson.lessons[0].id;
    const updated = await gqlAs(stack, trainer, UPDATE_LESSON, {
      id: lessonId,
      input: { title: 'Renamed', contentItemIds: [othersPublished] },
    });
    expect(updated.data.updateLesson).toEqual({
      id: lessonId,
      title: 'Renamed',
      contentItems: [{ id: othersPublished }],
    });

    // The database enforces it too, whatever writes the row.
    await expect(
      stack.runtime.database.exec(
        `UPDATE content.lessons SET content_item_ids = '["${missing}"]' WHERE id = '${lessonId}'`,
      ),
    ).rejects.toThrow(/does not exist/);
    await expect(
      stack.runtime.database.exec(`DELETE FROM content.content_items WHERE id = '${othersPublished}'`),
    ).rejects.toThrow(/part of a lesson/);
  });

  it('deletes lessons with their course', async () => {
    const course = await newCourse(trainer, ['A', 'B']);
    await stack.runtime.database.exec(`DELETE FROM content.courses WHERE id = '${course}'`);
    const [left] = await rows<{ n: number }>(
      stack.runtime.database.db,
      sql`select count(*)::int as n from content.lessons where course_id = ${course}`,
    );
    const n = left!.n;
    expect(n).toBe(0);
  });

  it('lists the catalogue with filters, newest first', async () => {
    const COURSES = `query($filter: CourseFilter, $first: Int, $after: String) { courses(filter: $filter, first: $first, after: $after) { nodes { id name isFree } pageInfo { hasNextPage endCursor } } }`;
    const paid = await newCourse(rival, ['L1']);
    await gqlAs(stack, rival, UPDATE_COURSE, { id: paid, input: { priceCents: 1999 } });
    await gqlAs(stack, rival, PUBLISH_COURSE, { id: paid });
    const paidOnly = await stack.gql(COURSES, { filter: { isFree: false } });
    expect(paidOnly.data.courses.nodes.map((c: any) => c.id)).toEqual([paid]);
    const byRival = await stack.gql(COURSES, { filter: { creatorId: rival.trainerId } });
    expect(byRival.data.courses.nodes.map((c: any) => c.id)).toEqual([paid]);
    const firstPage = await stack.gql(COURSES, { first: 1 });
    expect(firstPage.data.courses.pageInfo.hasNextPage).toBe(true);
    const next = await stack.gql(COURSES, { first: 50, after: firstPage.data.courses.pageInfo.endCursor });
    expect(next.data.courses.nodes.map((c: any) => c.id)).not.toContain(firstPage.data.courses.nodes[0].id);
  });
});
