import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, signIdentity } from '../../kit/identity-header.js';
import { startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';
import {
  gqlAs,
  setViewerExtras,
  signUpTrainer,
  signUpWithEntitlements,
  type TestTrainer,
} from '../../testkit/trainer.js';

const CREATE_ITEM = `mutation($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }`;
const PUBLISH_ITEM = `mutation($id: ID!) { publishContentItem(id: $id) { id } }`;
const CREATE_COURSE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id isFree priceCents } }`;
const ADD_LESSON = `mutation($courseId: ID!, $input: AddLessonInput!) { addLesson(courseId: $courseId, input: $input) { id } }`;
const PUBLISH_COURSE = `mutation($id: ID!) { publishCourse(id: $id) { id } }`;
const ENROLL = `mutation($courseId: ID!) { enrollInCourse(courseId: $courseId) {
  __typename
  ... on Enrollment { enrolledAt course { id } }
  ... on PurchaseRequired { message course { id priceCents } }
} }`;
const COURSE = `query($id: ID!) { course(id: $id) {
  id name isFree priceCents hasAccess isEnrolled
  lessons { sequenceNumber title durationMinutes locked contentItems { id contentUrl } }
} }`;
const ENROLLMENTS = `{ me { id enrollments(first: 10) { nodes { enrolledAt course { id name } } pageInfo { hasNextPage } } } }`;

let stack: TestStack;
let trainer: TestTrainer;
let paidCourse: string;
let freeCourse: string;
let video: string;

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await signUpTrainer(stack);
  const item = await gqlAs(stack, trainer, CREATE_ITEM, {
    input: { type: 'VIDEO', title: 'Kettlebell swing', contentUrl: 'https://cdn.example.com/swing.mp4' },
  });
  video = item.data.createContentItem.id;
  await gqlAs(stack, trainer, PUBLISH_ITEM, { id: video });
  for (const [name, priceCents] of [
    ['Kettlebell mastery', 4900],
    ['Kettlebell taster', 0],
  ] as const) {
    const course = await gqlAs(stack, trainer, CREATE_COURSE, { input: { name, priceCents } });
    const id = course.data.createCourse.id;
    await gqlAs(stack, trainer, ADD_LESSON, {
      courseId: id,
      input: { title: 'The swing', durationMinutes: 20, contentItemIds: [video] },
    });
    await gqlAs(stack, trainer, PUBLISH_COURSE, { id });
    if (priceCents > 0) paidCourse = id;
    else freeCourse = id;
  }
});
afterAll(async () => {
  await stack?.stop();
});

const outline = { sequenceNumber: 1, title: 'The swing', durationMinutes: 20 };
const opened = [
  { ...outline, locked: false, contentItems: [{ id: '', contentUrl: 'https://cdn.example.com/swing.mp4' }] },
];

describe('paid courses', () => {
  it('shows the outline to everyone but the content only with access', async () => {
    const anonymous = await stack.gql(COURSE, { id: paidCourse });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.course).toMatchObject({
      isFree: false,
      priceCents: 4900,
      hasAccess: false,
      isEnrolled: false,
    });
    expect(anonymous.data.course.lessons).toEqual([{ ...outline, locked: true, contentItems: null }]);

    const member = await stack.signUp();
    expect((await gqlAs(stack, member, COURSE, { id: paidCourse })).data.course.lessons[0]).toMatchObject({
      locked: true,
      contentItems: null,
    });

    opened[0]!.contentItems[0]!.id = video;
    expect((await stack.gql(COURSE, { id: freeCourse })).data.course.lessons).toEqual(opened);
    // The creator always sees their own course.
    expect((await gqlAs(stack, trainer, COURSE, { id: paidCourse })).data.course.lessons).toEqual(opened);
  });

  it('opens the content to viewers whose entitlements include the course', async () => {
    const buyer = await signUpWithEntitlements(stack, [`course:${paidCourse}`]);
    const course = (await gqlAs(stack, buyer, COURSE, { id: paidCourse })).data.course;
    expect(course.hasAccess).toBe(true);
    expect(course.lessons).toEqual(opened);

    const subscriber = await signUpWithEntitlements(stack, ['courses:all']);
    expect((await gqlAs(stack, subscriber, COURSE, { id: paidCourse })).data.course.hasAccess).toBe(true);

    const otherBuyer = await signUpWithEntitlements(stack, ['course:00000000-0000-4000-8000-000000000000']);
    expect((await gqlAs(stack, otherBuyer, COURSE, { id: paidCourse })).data.course.hasAccess).toBe(false);
  });

  it('asks for a purchase before enrolling; an enrollment is no purchase', async () => {
    const member = await stack.signUp();
    const refused = await gqlAs(stack, member, ENROLL, { courseId: paidCourse });
    expect(refused.data.enrollInCourse).toMatchObject({
      __typename: 'PurchaseRequired',
      course: { id: paidCourse, priceCents: 4900 },
    });
    expect((await gqlAs(stack, member, COURSE, { id: paidCourse })).data.course.isEnrolled).toBe(false);

    // After buying (billing grants the entitlement) the member enrolls ...
    const buyer = { ...member, extras: { entitlements: [`course:${paidCourse}`] } };
    const enrolled = await gqlAs(stack, buyer, ENROLL, { courseId: paidCourse });
    expect(enrolled.data.enrollInCourse.__typename).toBe('Enrollment');
    expect((await gqlAs(stack, buyer, COURSE, { id: paidCourse })).data.course.lessons).toEqual(opened);
    // ... and loses the content with the entitlement (canceled, expired, refunded): access is
    // decided on every read from the entitlements, the enrollment only records the joining.
    await setViewerExtras(stack, member, { entitlements: [] });
    const course = (await stack.gql(COURSE, { id: paidCourse }, { token: member.token })).data.course;
    expect(course).toMatchObject({ hasAccess: false, isEnrolled: true });
    expect(course.lessons).toEqual([{ ...outline, locked: true, contentItems: null }]);
    // Enrolling again changes nothing.
    const again = await stack.gql(ENROLL, { courseId: paidCourse }, { token: member.token });
    expect(again.data.enrollInCourse.__typename).toBe('Enrollment');
    expect((await stack.gql(COURSE, { id: paidCourse }, { token: member.token })).data.course.hasAccess).toBe(
      false,
    );

    // Free courses need no purchase.
    expect(
      (await gqlAs(stack, member, ENROLL, { courseId: freeCourse })).data.enrollInCourse.__typename,
    ).toBe('Enrollment');
  });

  it("opens the creator's unpublished, course-only items to buyers through the lesson only", async () => {
    const created = await gqlAs(stack, trainer, CREATE_ITEM, {
      input: {
        type: 'VIDEO',
        title: 'Bonus: the Turkish get-up',
        contentUrl: 'https://cdn.example.com/tgu.mp4',
      },
    });
    const bonus = created.data.createContentItem.id;
    const course = await gqlAs(stack, trainer, CREATE_COURSE, {
      input: { name: 'Get-up clinic', priceCents: 900 },
    });
    const courseId = course.data.createCourse.id;
    await gqlAs(stack, trainer, ADD_LESSON, {
      courseId,
      input: { title: 'Bonus', contentItemIds: [bonus, video] },
    });
    await gqlAs(stack, trainer, PUBLISH_COURSE, { id: courseId });

    const buyer = await signUpWithEntitlements(stack, [`course:${courseId}`]);
    const lesson = (await gqlAs(stack, buyer, COURSE, { id: courseId })).data.course.lessons[0];
    expect(lesson.contentItems.map((i: any) => i.contentUrl)).toEqual([
      'https://cdn.example.com/tgu.mp4',
      'https://cdn.example.com/swing.mp4',
    ]);
    // Not in the public catalogue, not by id, and not through the lesson without access.
    const ITEM = `query($id: ID!) { contentItem(id: $id) { id } }`;
    expect((await gqlAs(stack, buyer, ITEM, { id: bonus })).data.contentItem).toBeNull();
    const SEARCH = `{ searchContent(query: "get-up") { nodes { item { id } } } }`;
    expect((await gqlAs(stack, buyer, SEARCH)).data.searchContent.nodes).toEqual([]);
    expect((await stack.gql(COURSE, { id: courseId })).data.course.lessons[0].contentItems).toBeNull();
  });

  it('shows User.enrollments to the user only', async () => {
    const member: TestUser = await stack.signUp();
    await gqlAs(stack, member, ENROLL, { courseId: freeCourse });
    const mine = await gqlAs(stack, member, ENROLLMENTS);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.me.enrollments.nodes.map((n: any) => n.course.id)).toEqual([freeCourse]);

    // Reaching another user's enrollments through the entity path is refused.
    const stranger = await stack.signUp();
    const probe = await stack.gql(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { enrollments { nodes { enrolledAt } } } } }`,
      { reps: [{ __typename: 'User', id: member.id }] },
      { token: stranger.token },
    );
    expect(probe.data?._entities?.[0]?.enrollments ?? null).toBeNull();
    const direct = await fetch(stack.subgraphUrls.content, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { enrollments { nodes { enrolledAt } } } } }`,
        variables: { reps: [{ __typename: 'User', id: member.id }] },
      }),
    });
    const body = (await direct.json()) as any;
    // No identity header: no viewer, so the denied field says UNAUTHENTICATED.
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data?._entities?.[0]?.enrollments ?? null).toBeNull();
    // The same with the stranger's signed identity: still refused; the user's own identity passes.
    const asViewer = async (userId: string) => {
      const header = signIdentity(
        { viewer: { userId, sessionId: 'test', roles: ['USER'] }, service: null, ip: null },
        stack.runtime.identitySecret,
      );
      const response = await fetch(stack.subgraphUrls.content, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: header },
        body: JSON.stringify({
          query: `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { enrollments { nodes { enrolledAt } } } } }`,
          variables: { reps: [{ __typename: 'User', id: member.id }] },
        }),
      });
      return (await response.json()) as any;
    };
    expect((await asViewer(stranger.id)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await asViewer(member.id)).data._entities[0].enrollments.nodes).toHaveLength(1);
  });
});
