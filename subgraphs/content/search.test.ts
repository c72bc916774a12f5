import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kit/db.js';
import { startTestStack, type TestStack } from '../../testkit/stack.js';
import { gqlAs, signUpTrainer, type TestTrainer } from '../../testkit/trainer.js';
import { SearchTermsRefresher } from './workers/search-terms.js';

const CREATE = `mutation($input: CreateContentItemInput!) { createContentItem(input: $input) { id isPublished } }`;
const PUBLISH = `mutation($id: ID!) { publishContentItem(id: $id) { id isPublished } }`;
const SEARCH = `query($query: String, $type: ContentType, $difficulty: Difficulty, $tags: [String!], $first: Int, $after: String) {
  searchContent(query: $query, type: $type, difficulty: $difficulty, tags: $tags, first: $first, after: $after) {
    nodes { rank snippet item { id title language isPublished creator { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

let stack: TestStack;
let trainer: TestTrainer;
let other: TestTrainer;
const ids: Record<string, string> = {};

/**
 * The fixture corpus. Each entry is created (and published unless marked draft) by `trainer`,
 * one clock tick apart, in this order, so "newest first" is the reverse of this list.
 */
const corpus = [
  // English
  {
    key: 'squatTitle',
    title: 'Squat technique for beginners',
    description: 'Stance, depth and bracing.',
    language: 'ENGLISH',
    type: 'VIDEO',
    difficulty: 'BEGINNER',
    tags: ['legs', 'strength'],
  },
  {
    key: 'squatDesc',
    title: 'Leg day essentials',
    description: 'We cover the squat, the lunge and the deadlift.',
    language: 'ENGLISH',
    type: 'ARTICLE',
    difficulty: 'INTERMEDIATE',
    tags: ['legs'],
  },
  {
    key: 'squatBoth',
    title: 'Squats: front squat versus back squat',
    description: 'Which squat variation builds more strength? Squatting explained.',
    language: 'ENGLISH',
    type: 'VIDEO',
    difficulty: 'ADVANCED',
    tags: ['legs', 'strength'],
  },
  {
    key: 'running',
    title: 'Running for endurance',
    description: 'Easy runs, tempo runs and intervals for runners.',
    language: 'ENGLISH',
    type: 'AUDIO',
    difficulty: 'BEGINNER',
    tags: ['cardio'],
  },
  {
    key: 'yoga',
    title: 'Morning yoga flow',
    description: 'Gentle stretching & breathing <script>alert(1)</script> to start the day.',
    language: 'ENGLISH',
    type: 'VIDEO',
    difficulty: 'BEGINNER',
    tags: ['mobility'],
  },
  // Russian
  {
    key: 'ruSquatTitle',
    title: 'Приседания со штангой',
    description: 'Техника и типичные ошибки.',
    language: 'RUSSIAN',
    type: 'VIDEO',
    difficulty: 'INTERMEDIATE',
    tags: ['ноги'],
  },
  {
    key: 'ruSquatDesc',
    title: 'Тренировка ног',
    description: 'Делаем приседание, выпады и становую тягу.',
    language: 'RUSSIAN',
    type: 'ARTICLE',
    difficulty: 'BEGINNER',
    tags: ['ноги'],
  },
  {
    key: 'ruRunning',
    title: 'Бег для начинающих',
    description: 'Как начать бегать и не получить травму.',
    language: 'RUSSIAN',
    type: 'ARTICLE',
    difficulty: 'BEGINNER',
    tags: ['кардио'],
  },
  // A draft that matches "squat" better than anything: only its creator finds it.
  {
    key: 'draft',
    title: 'Squat squat squat: secret squat program',
    description: 'Squat.',
    language: 'ENGLISH',
    type: 'VIDEO',
    difficulty: 'ADVANCED',
    tags: ['legs'],
    draft: true,
  },
];

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await signUpTrainer(stack);
  other = await signUpTrainer(stack);
  for (const { key, draft, ...input } of corpus) {
    stack.clock.advance(1000);
    const created = await gqlAs(stack, trainer, CREATE, { input });
    expect(created.errors).toBeUndefined();
    ids[key] = created.data.createContentItem.id;
    if (!draft) await gqlAs(stack, trainer, PUBLISH, { id: ids[key] });
  }
});
afterAll(async () => {
  await stack?.stop();
});

const keysOf = (result: any) =>
  result.data.searchContent.nodes.map(
    (n: any) => Object.entries(ids).find(([, id]) => id === n.item.id)?.[0],
  );

describe('searchContent relevance', () => {
  it('ranks English matches with stemming, title above description', async () => {
    const result = await stack.gql(SEARCH, { query: 'squat' });
    expect(result.errors).toBeUndefined();
    // squatBoth: title and description, several forms (squats, squatting); squatTitle: title
    // only; squatDesc: description only. The draft is invisible to anyone but its creator.
    expect(keysOf(result)).toEqual(['squatBoth', 'squatTitle', 'squatDesc']);
    const ranks = result.data.searchContent.nodes.map((n: any) => n.rank);
    expect(ranks[0]).toBeGreaterThan(ranks[1]);
    expect(ranks[1]).toBeGreaterThan(ranks[2]);
  });

  it('stems English ("runners" finds "Running")', async () => {
    const result = await stack.gql(SEARCH, { query: 'runners' });
    expect(keysOf(result)).toEqual(['running']);
  });

  it('ranks Russian matches with Russian stemming', async () => {
    // "приседание" finds "Приседания" (title) above "приседание" (description).
    const result = await stack.gql(SEARCH, { query: 'приседание' });
    expect(result.errors).toBeUndefined();
    expect(keysOf(result)).toEqual(['ruSquatTitle', 'ruSquatDesc']);
    const other = await stack.gql(SEARCH, { query: 'бегать' });
    expect(keysOf(other)).toEqual(['ruRunning']);
  });

  it('highlights the matched words in the snippet', async () => {
    const result = await stack.gql(SEARCH, { query: 'deadlift' });
    expect(keysOf(result)).toEqual(['squatDesc']);
    expect(result.data.searchContent.nodes[0].snippet).toContain('<mark>deadlift</mark>');
    // The trainer's text is escaped; only the markers are markup.
    const yoga = await stack.gql(SEARCH, { query: 'stretching' });
    const snippet: string = yoga.data.searchContent.nodes[0].snippet;
    expect(snippet).toMatch(/^Gentle <mark>stretching<\/mark> &amp; breathing/);
    expect(snippet.replaceAll('<mark>', '').replaceAll('</mark>', '')).not.toMatch(/[<>]/);
    const ru = await stack.gql(SEARCH, { query: 'выпад' });
    expect(ru.data.searchContent.nodes[0].snippet).toContain('<mark>выпады</mark>');
  });

  it('lists newest first for an empty query, published only', async () => {
    const result = await stack.gql(SEARCH, { query: '  ', first: 50 });
    const published = corpus.filter((c) => !c.draft).map((c) => c.key);
    expect(keysOf(result)).toEqual([...published].reverse());
    expect(result.data.searchContent.nodes.every((n: any) => n.snippet === null && n.rank === 0)).toBe(true);
  });

  it('filters by type, difficulty and tags', async () => {
    expect(keysOf(await stack.gql(SEARCH, { query: 'squat', type: 'VIDEO' }))).toEqual([
      'squatBoth',
      'squatTitle',
    ]);
    expect(keysOf(await stack.gql(SEARCH, { query: 'squat', difficulty: 'INTERMEDIATE' }))).toEqual([
      'squatDesc',
    ]);
    expect(keysOf(await stack.gql(SEARCH, { tags: ['Legs', 'strength'] }))).toEqual([
      'squatBoth',
      'squatTitle',
    ]);
  });

  it('pages through results with cursors, in the same order', async () => {
    const all = keysOf(await stack.gql(SEARCH, { query: 'squat' }));
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: any = await stack.gql(SEARCH, { query: 'squat', first: 1, after });
      seen.push(...keysOf(page));
      if (!page.data.searchContent.pageInfo.hasNextPage) break;
      after = page.data.searchContent.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);

    const newest: string[] = [];
    after = null;
    for (let i = 0; i < 10; i++) {
      const page: any = await stack.gql(SEARCH, { first: 3, after });
      newest.push(...keysOf(page));
      if (!page.data.searchContent.pageInfo.hasNextPage) break;
      after = page.data.searchContent.pageInfo.endCursor;
    }
    expect(newest).toEqual(keysOf(await stack.gql(SEARCH, { first: 50 })));
  });

  it('refuses bad arguments with BAD_USER_INPUT', async () => {
    for (const variables of [
      { first: 0 },
      { first: 101 },
      { after: 'garbage' },
      { query: 'x'.repeat(201) },
    ]) {
      const result = await stack.gql(SEARCH, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    // One page-size rule for every list: 1-100.
    for (const first of [51, 100]) expect((await stack.gql(SEARCH, { first })).errors).toBeUndefined();
  });

  it('totalCount counts every match of the query and filters, not what is left after the cursor', async () => {
    const COUNTED = `query($query: String, $first: Int, $after: String) {
      searchContent(query: $query, first: $first, after: $after) { nodes { item { id } } pageInfo { endCursor } totalCount }
    }`;
    const all = await stack.gql(COUNTED, { first: 100 });
    expect(all.errors).toBeUndefined();
    expect(all.data.searchContent.totalCount).toBe(all.data.searchContent.nodes.length);
    const first = await stack.gql(COUNTED, { first: 1 });
    const next = await stack.gql(COUNTED, { first: 1, after: first.data.searchContent.pageInfo.endCursor });
    expect(next.data.searchContent.totalCount).toBe(all.data.searchContent.totalCount);
    const matched = await stack.gql(COUNTED, { query: 'squat', first: 100 });
    expect(matched.data.searchContent.totalCount).toBe(matched.data.searchContent.nodes.length);
    expect(matched.data.searchContent.totalCount).toBeLessThan(all.data.searchContent.totalCount);
  });
});

describe('visibility of unpublished content', () => {
  const ITEM = `query($id: ID!) { contentItem(id: $id) { id title isPublished } }`;

  it('shows a draft to its creator only', async () => {
    const own = await gqlAs(stack, trainer, SEARCH, { query: 'squat' });
    expect(keysOf(own)[0]).toBe('draft');
    expect((await gqlAs(stack, trainer, ITEM, { id: ids.draft })).data.contentItem.isPublished).toBe(false);

    expect((await stack.gql(ITEM, { id: ids.draft })).data.contentItem).toBeNull();
    expect((await gqlAs(stack, other, ITEM, { id: ids.draft })).data.contentItem).toBeNull();
    expect(keysOf(await gqlAs(stack, other, SEARCH, { query: 'squat' }))).not.toContain('draft');
  });

  it('hides an item again when its creator unpublishes it', async () => {
    const UNPUBLISH = `mutation($id: ID!) { unpublishContentItem(id: $id) { isPublished } }`;
    await gqlAs(stack, trainer, UNPUBLISH, { id: ids.yoga });
    expect((await stack.gql(ITEM, { id: ids.yoga })).data.contentItem).toBeNull();
    expect(keysOf(await stack.gql(SEARCH, { query: 'yoga' }))).toEqual([]);
    expect(keysOf(await gqlAs(stack, trainer, SEARCH, { query: 'yoga' }))).toEqual(['yoga']);
    await gqlAs(stack, trainer, PUBLISH, { id: ids.yoga });
    expect(keysOf(await stack.gql(SEARCH, { query: 'yoga' }))).toEqual(['yoga']);
  });

  it("lists a trainer's items: drafts only for the trainer", async () => {
    // The public graph reaches Trainer through ContentItem.creator.
    const q = `query($id: ID!) { contentItem(id: $id) { creator { id contentItems(first: 50) { nodes { id isPublished } } } } }`;
    const anonymous = await stack.gql(q, { id: ids.running });
    const nodes = anonymous.data.contentItem.creator.contentItems.nodes;
    expect(nodes).toHaveLength(corpus.length - 1);
    expect(nodes.every((n: any) => n.isPublished)).toBe(true);
    const own = await gqlAs(stack, trainer, q, { id: ids.running });
    expect(own.data.contentItem.creator.contentItems.nodes).toHaveLength(corpus.length);
  });
});

/**
 * Common words' rank lists (content.search_term_ranks, migration 0006): a one-word query (or one
 * word with exclusions) pages through the word's list instead of ranking every match. The answer
 * must be the one ranking every match gives, page by page, whoever asks.
 */
describe("searchContent from common words' rank lists", () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateContentItemInput!) { updateContentItem(id: $id, input: $input) { id } }`;
  // One word (with stemming), one word with exclusions, a Russian word, two common words joined
  // by "or" (merged from their two lists; "squatDesc" has both words), and queries the lists do
  // not answer (two words, "or" with a word that has no list), which must not change either.
  const QUERIES = [
    'squat',
    'squats -deadlift',
    'day -lunge',
    'приседание',
    'squat or day',
    'days OR squats',
    'squat strength',
    'squat or run',
  ];
  const exec = (text: string) => stack.runtime.database.exec(text);

  /** Every page of every query, for an anonymous visitor and for the trainer (who sees a draft). */
  async function answers() {
    const out: Record<string, unknown[]> = {};
    for (const query of QUERIES) {
      for (const [who, viewer] of [
        ['anonymous', null],
        ['trainer', trainer],
      ] as const) {
        for (const first of [1, 2, 20]) {
          const pages: unknown[] = [];
          let after: string | null = null;
          for (let i = 0; i < 20; i++) {
            const result: any = viewer
              ? await gqlAs(stack, viewer, SEARCH, { query, first, after })
              : await stack.gql(SEARCH, { query, first, after });
            expect(result.errors).toBeUndefined();
            pages.push(result.data.searchContent);
            if (!result.data.searchContent.pageInfo.hasNextPage) break;
            after = result.data.searchContent.pageInfo.endCursor;
          }
          out[`${query} / ${who} / first ${first}`] = pages;
        }
      }
    }
    return out;
  }

  afterAll(async () => {
    await exec('delete from content.search_terms');
  });

  it('pages exactly as ranking every match, with lists cut to their best items', async () => {
    await exec('delete from content.search_terms');
    const everyMatch = await answers();
    // Words in at least 2 items are common here; each list keeps its best 2 items.
    await exec('select content.refresh_search_terms(2, 2)');
    const lists = await rows<{ lexeme: string; cutoff_score: number | null }>(
      stack.runtime.database.db,
      sql`select lexeme, cutoff_score from content.search_terms order by lexeme`,
    );
    expect(lists.map((r) => r.lexeme)).toEqual(expect.arrayContaining(['squat', 'day']));
    expect(lists.find((r) => r.lexeme === 'squat')?.cutoff_score).not.toBeNull();
    expect(await answers()).toEqual(everyMatch);
  });

  it('the daily refresh keeps words in 2,000 items or more: none in this corpus', async () => {
    await exec('select content.refresh_search_terms(2, 2)');
    expect(await new SearchTermsRefresher(stack.runtime.database, undefined, 'every-replica').refresh()).toBe(
      0,
    );
    const left = await rows<{ n: number }>(
      stack.runtime.database.db,
      sql`select count(*)::int as n from content.search_term_ranks`,
    );
    expect(left[0]?.n).toBe(0);
  });

  it('answers from the list when it can: its order is the order searches see', async () => {
    await exec('select content.refresh_search_terms(2, 10)');
    const before = keysOf(await stack.gql(SEARCH, { query: 'squat', first: 1 }));
    // A deliberately wrong score for the worst "squat" item shows which path answered.
    await exec(
      `update content.search_term_ranks set score = 100 where lexeme = 'squat' and item_id = '${ids.squatDesc}'`,
    );
    expect(keysOf(await stack.gql(SEARCH, { query: 'squat', first: 1 }))).toEqual(['squatDesc']);
    // Two words are not answered from a list.
    expect(keysOf(await stack.gql(SEARCH, { query: 'squat strength', first: 1 }))).not.toEqual(['squatDesc']);
    await exec('select content.refresh_search_terms(2, 10)');
    expect(keysOf(await stack.gql(SEARCH, { query: 'squat', first: 1 }))).toEqual(before);
  });

  it('answers "a or b" from the two lists when it can', async () => {
    await exec('select content.refresh_search_terms(2, 10)');
    const before = keysOf(await stack.gql(SEARCH, { query: 'squat or day', first: 1 }));
    // The worst "squat" item without "day", given a wrong score, comes first from the merge.
    await exec(
      `update content.search_term_ranks set score = 100 where lexeme = 'squat' and item_id = '${ids.squatTitle}'`,
    );
    expect(keysOf(await stack.gql(SEARCH, { query: 'squat or day', first: 1 }))).toEqual(['squatTitle']);
    // A list cut short (a cutoff above the page) sends the query to ranking every match.
    await exec('select content.refresh_search_terms(2, 1)');
    await exec(
      `update content.search_term_ranks set score = 100 where lexeme = 'squat' and item_id = '${ids.squatTitle}'`,
    );
    expect(keysOf(await stack.gql(SEARCH, { query: 'squat or day', first: 1 }))).toEqual(before);
    await exec('select content.refresh_search_terms(2, 10)');
    expect(keysOf(await stack.gql(SEARCH, { query: 'squat or day', first: 1 }))).toEqual(before);
  });

  it('stays exact as items are created, edited and deleted', async () => {
    await exec('select content.refresh_search_terms(2, 2)');
    stack.clock.advance(1000);
    const created = await gqlAs(stack, trainer, CREATE, {
      input: {
        title: 'Squat squat: the new squat',
        description: 'Leg strength.',
        language: 'ENGLISH',
        type: 'VIDEO',
        difficulty: 'BEGINNER',
        tags: ['legs'],
      },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data.createContentItem.id;
    await gqlAs(stack, trainer, PUBLISH, { id });
    // An edit that moves an old item up, and one that takes the word out of another.
    expect(
      (await gqlAs(stack, trainer, UPDATE, { id: ids.squatDesc, input: { title: 'Squat squat squat day' } }))
        .errors,
    ).toBeUndefined();
    const withLists = await answers();
    expect(withLists['squat / anonymous / first 20']).toMatchObject([
      { nodes: expect.arrayContaining([expect.objectContaining({ item: expect.objectContaining({ id }) })]) },
    ]);
    await exec('delete from content.search_terms');
    expect(await answers()).toEqual(withLists);

    await exec('select content.refresh_search_terms(2, 2)');
    // Items are deleted with their creator's account (GDPR); the list rows go with them.
    await exec(`delete from content.content_items where id = '${id}'`);
    await gqlAs(stack, trainer, UPDATE, {
      id: ids.squatDesc,
      input: { title: 'Leg day essentials' },
    });
    const afterDelete = await answers();
    await exec('delete from content.search_terms');
    expect(await answers()).toEqual(afterDelete);
  });
});
