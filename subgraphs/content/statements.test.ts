import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../testkit/stack.js';
import { gqlAs, signUpTrainer, type TestTrainer } from '../../testkit/trainer.js';

const CREATE_ITEM = `mutation($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }`;
const PUBLISH_ITEM = `mutation($id: ID!) { publishContentItem(id: $id) { id } }`;
const CREATE_COURSE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`;
const ADD_LESSON = `mutation($courseId: ID!, $input: AddLessonInput!) { addLesson(courseId: $courseId, input: $input) { id } }`;
const PUBLISH_COURSE = `mutation($id: ID!) { publishCourse(id: $id) { id } }`;

/** A results page as a catalogue screen asks for it: each hit with its trainer and courses. */
const PAGE = `query($query: String, $first: Int) {
  searchContent(query: $query, first: $first) {
    nodes {
      rank snippet
      item {
        id title viewCount rating myRating
        creator {
          id
          contentItems(first: 3) { nodes { id title } totalCount }
          courses(first: 3) { nodes { id name enrollmentsCount } totalCount }
        }
        courses { id name isEnrolled hasAccess lessons { id title locked } }
      }
    }
    totalCount
  }
}`;

let stack: TestStack;
const trainers: TestTrainer[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  for (let t = 0; t < 5; t++) trainers.push(await signUpTrainer(stack));
  // 30 items over 5 trainers; each trainer has a free and a paid course using some of their items.
  for (const [t, trainer] of trainers.entries()) {
    const items: string[] = [];
    for (let i = 0; i < 6; i++) {
      stack.clock.advance(1000);
      const created = await gqlAs(stack, trainer, CREATE_ITEM, {
        input: {
          type: 'VIDEO',
          title: `Strength workout ${t}-${i}`,
          description: 'Squats and presses for strength.',
        },
      });
      items.push(created.data.createContentItem.id);
      await gqlAs(stack, trainer, PUBLISH_ITEM, { id: items[i] });
    }
    for (const priceCents of [0, 2500]) {
      const course = await gqlAs(stack, trainer, CREATE_COURSE, {
        input: { name: `Course ${t}-${priceCents}`, priceCents },
      });
      const id = course.data.createCourse.id;
      await gqlAs(stack, trainer, ADD_LESSON, {
        courseId: id,
        input: { title: 'Part 1', contentItemIds: items.slice(0, 3) },
      });
      await gqlAs(stack, trainer, ADD_LESSON, {
        courseId: id,
        input: { title: 'Part 2', contentItemIds: items.slice(3) },
      });
      await gqlAs(stack, trainer, PUBLISH_COURSE, { id });
    }
  }
  // Background pollers (outbox relays, the view flusher) would add statements of their own; the
  // events publishing wrote (trainer ratings) are delivered first, so no consumer is still busy.
  await stack.flushEvents();
  for (const subgraph of Object.values(stack.subgraphs))
    for (const task of subgraph.background) await task.stop();
});
afterAll(async () => {
  await stack?.stop();
});

async function statementsFor(variables: Record<string, unknown>, actor: TestTrainer | null) {
  const before = stack.statements();
  const result = await gqlAs(stack, actor, PAGE, variables);
  const used = stack.statements() - before;
  expect(result.errors).toBeUndefined();
  return { used, nodes: result.data.searchContent.nodes };
}

describe('a page of search results with trainers and courses', () => {
  it('runs a constant number of SQL statements, whatever the page size', async () => {
    for (const [query, actor] of [
      ['strength', null],
      ['', null],
      ['strength', trainers[0]!],
    ] as const) {
      const small = await statementsFor({ query, first: 5 }, actor);
      const full = await statementsFor({ query, first: 20 }, actor);
      expect(small.nodes).toHaveLength(5);
      expect(full.nodes).toHaveLength(20);
      expect(full.nodes.every((n: any) => n.item.courses.length === 2)).toBe(true);
      expect(full.nodes.every((n: any) => n.item.creator.courses.nodes.length === 2)).toBe(true);
      // Each trainer has 6 items and 2 courses, counted for all trainers of the page at once.
      expect(full.nodes.every((n: any) => n.item.creator.contentItems.totalCount === 6)).toBe(true);
      expect(full.nodes.every((n: any) => n.item.creator.courses.totalCount === 2)).toBe(true);
      // search and its count, Trainer.contentItems and Trainer.courses with one grouped count each,
      // ContentItem.courses, Course.lessons, and for a signed-in viewer ContentItem.myRating and
      // Course.isEnrolled / hasAccess (one enrollment lookup). A one-word text search asks its
      // word's rank list and ranks every match when the list does not fill the page in the same
      // statement (no word is common in this corpus).
      expect(full.used).toBe(small.used);
      expect(full.used).toBeLessThanOrEqual(actor ? 10 : 8);
      console.log(
        `searchContent page of 20 (${query || 'empty query'}, ${actor ? 'trainer' : 'anonymous'}): ${full.used} statements`,
      );
    }
  });
});
