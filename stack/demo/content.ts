/**
 * Demo data of the content domain, through the public API: the demo trainer publishes a few
 * items (searchable, of each type, one in Russian), a free course built from them (the athlete
 * enrolls) and a paid one.
 */
import { call, type DemoTokens } from './api.js';

const ITEMS = [
  {
    type: 'VIDEO',
    title: 'Goblet squat: technique in five cues',
    description: 'Brace, sit between the hips, knees over toes, chest tall, drive through the whole foot.',
    contentUrl: 'https://cdn.demo.fitness/videos/goblet-squat.mp4',
    tags: ['strength', 'legs', 'technique'],
    difficulty: 'BEGINNER',
  },
  {
    type: 'ARTICLE',
    title: 'How to progress a beginner strength plan',
    description: 'Add reps before weight, keep two reps in reserve, and deload every sixth week.',
    contentUrl: 'https://demo.fitness/articles/progression',
    tags: ['strength', 'programming'],
    difficulty: 'BEGINNER',
  },
  {
    type: 'AUDIO',
    title: 'Ten-minute breathing cool-down',
    description: 'A guided box-breathing session to bring the heart rate down after training.',
    contentUrl: 'https://cdn.demo.fitness/audio/cool-down.mp3',
    tags: ['recovery', 'breathing'],
    difficulty: 'BEGINNER',
  },
  {
    type: 'INFOGRAPHIC',
    title: 'Mobility routine for desk workers',
    description: 'Six stretches for hips, thoracic spine and shoulders, two minutes each.',
    contentUrl: 'https://cdn.demo.fitness/images/desk-mobility.png',
    tags: ['mobility', 'recovery'],
    difficulty: 'INTERMEDIATE',
  },
  {
    // Russian, so search shows the Russian stemming (присед finds приседания).
    type: 'ARTICLE',
    title: 'Приседания: техника для начинающих',
    description: 'Спина прямая, колени над носками, вес на всей стопе: пять подсказок для первого приседа.',
    contentUrl: 'https://demo.fitness/articles/prisedaniya',
    tags: ['strength', 'legs'],
    difficulty: 'BEGINNER',
    language: 'RUSSIAN',
  },
] as const;

export async function seedContentDemo(gatewayUrl: string, { trainer, athlete }: DemoTokens): Promise<void> {
  const itemIds: string[] = [];
  for (const input of ITEMS) {
    const created = await call(
      gatewayUrl,
      `mutation($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }`,
      { input },
      trainer,
    );
    const id = created.createContentItem.id as string;
    await call(gatewayUrl, `mutation($id: ID!) { publishContentItem(id: $id) { id } }`, { id }, trainer);
    itemIds.push(id);
  }

  const course = await call(
    gatewayUrl,
    `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
    {
      input: {
        name: 'Strength Basics in Two Weeks',
        description: 'Learn the squat, how to progress, and how to recover, one lesson a day.',
        durationHours: 2,
        difficulty: 'BEGINNER',
      },
    },
    trainer,
  );
  const courseId = course.createCourse.id as string;
  const lessons = [
    { title: 'The squat', durationMinutes: 15, contentItemIds: [itemIds[0]] },
    { title: 'Progressing week to week', durationMinutes: 10, contentItemIds: [itemIds[1]] },
    { title: 'Cooling down', durationMinutes: 10, contentItemIds: [itemIds[2], itemIds[3]] },
  ];
  for (const input of lessons) {
    await call(
      gatewayUrl,
      `mutation($courseId: ID!, $input: AddLessonInput!) { addLesson(courseId: $courseId, input: $input) { id } }`,
      { courseId, input },
      trainer,
    );
  }
  await call(gatewayUrl, `mutation($id: ID!) { publishCourse(id: $id) { id } }`, { id: courseId }, trainer);
  await call(
    gatewayUrl,
    `mutation($id: ID!) { enrollInCourse(courseId: $id) { __typename } }`,
    { id: courseId },
    athlete,
  );

  // A paid course: its lessons stay locked for anyone without the course:<id> or courses:all
  // entitlement (the demo plans grant neither), as a frontend shows them.
  const paid = await call(
    gatewayUrl,
    `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
    {
      input: {
        name: 'Mobility Masterclass',
        description: 'A paid course: four weeks of mobility work for hips, spine and shoulders.',
        durationHours: 4,
        difficulty: 'INTERMEDIATE',
        priceCents: 1_900,
      },
    },
    trainer,
  );
  const paidId = paid.createCourse.id as string;
  await call(
    gatewayUrl,
    `mutation($courseId: ID!, $input: AddLessonInput!) { addLesson(courseId: $courseId, input: $input) { id } }`,
    {
      courseId: paidId,
      input: { title: 'Desk mobility', durationMinutes: 12, contentItemIds: [itemIds[3]] },
    },
    trainer,
  );
  await call(gatewayUrl, `mutation($id: ID!) { publishCourse(id: $id) { id } }`, { id: paidId }, trainer);
}
