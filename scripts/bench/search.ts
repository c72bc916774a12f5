import { IDENTITY_HEADER } from '../../kit/identity-header.js';
import type { ContentType, Difficulty } from '../../clients/typescript/src/generated/graphql.js';
import { statementsOf } from './subgraph-statements.js';
import { type BenchContext, type BenchResult, latencySummary, skipped, timeSamples } from './report.js';
import {
  callSubgraph,
  estimatedRows,
  executionMs,
  explain,
  planSummary,
  scaleClient,
  unseededReason,
} from './scale-data.js';

/**
 * searchContent on the content items seed:scale wrote (100k by default), at the content
 * subgraph, as a signed-in user who is not a trainer (published items only): a mix of queries
 * as people type them, each timed after a warm-up, and the plans of the statements the
 * subgraph sends for a common word, a rare one and a tag filter without words.
 */
/** searchContent's arguments, as the public API takes them. */
interface SearchArgs {
  query?: string;
  type?: ContentType;
  difficulty?: Difficulty;
  tags?: string[];
}

export const MIN_SEEDED_ITEMS = 50_000;
const ITERATIONS = 30;
const WARMUP = 5;

export const SEARCH_QUERIES: { kind: string; args: SearchArgs }[] = [
  { kind: 'common word', args: { query: 'workout' } },
  { kind: 'common word', args: { query: 'beginners' } },
  { kind: 'activity', args: { query: 'yoga' } },
  { kind: 'rare word', args: { query: 'proprioception' } },
  { kind: 'rare word', args: { query: 'supercompensation' } },
  { kind: 'multi-word', args: { query: 'kettlebell swing for beginners' } },
  { kind: 'multi-word', args: { query: 'core strength posture' } },
  { kind: 'phrase', args: { query: '"zone 2" running' } },
  { kind: 'exclusion', args: { query: 'running -treadmill' } },
  { kind: 'or', args: { query: 'pilates or barre' } },
  { kind: 'words + type', args: { query: 'hiit', type: 'VIDEO' } },
  { kind: 'words + difficulty', args: { query: 'stretching', difficulty: 'BEGINNER' } },
  { kind: 'words + tag', args: { query: 'morning', tags: ['yoga'] } },
  { kind: 'Russian', args: { query: 'растяжка' } },
  { kind: 'tag, no words', args: { tags: ['mobility'] } },
];

const SEARCH = `query BenchSearch($query: String, $type: ContentType, $difficulty: Difficulty, $tags: [String!]) {
  searchContent(query: $query, type: $type, difficulty: $difficulty, tags: $tags) {
    nodes { rank snippet item { id title type tags createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const describe = (args: SearchArgs) =>
  [
    args.query ? JSON.stringify(args.query) : null,
    args.type ? `type ${args.type}` : null,
    args.difficulty ? `difficulty ${args.difficulty}` : null,
    args.tags ? `tags ${args.tags.join(',')}` : null,
  ]
    .filter(Boolean)
    .join(', ');

export async function measureSearch(context: BenchContext): Promise<BenchResult> {
  const name = 'search';
  const title = 'Content search';
  const environment = await context.environment();
  const sql = scaleClient(environment.databaseUrl);
  try {
    const reason = await unseededReason(sql, 'content.content_items', MIN_SEEDED_ITEMS);
    if (reason) return skipped(name, title, reason);
    const user = environment.users[0];
    if (!user) return skipped(name, title, 'needs a signed-up bench user');
    const url = environment.subgraphUrls.content as string;
    const headers = { [IDENTITY_HEADER]: user.identityHeader };
    const all: number[] = [];
    const rows: (string | number | null)[][] = [];
    for (const { kind, args } of SEARCH_QUERIES) {
      let hits = 0;
      const samples = await timeSamples(
        async () => {
          const data = await callSubgraph(url, SEARCH, { ...args }, headers);
          hits = data.searchContent.nodes.length;
        },
        { iterations: ITERATIONS, warmup: WARMUP },
      );
      all.push(...samples);
      const summary = latencySummary(samples);
      const [matching] = args.query
        ? await sql<{ n: number }[]>`
            select count(*)::int as n from content.content_items
             where is_published and ((language = 'english' and search_vector @@ websearch_to_tsquery('english', ${args.query}))
                or (language = 'russian' and search_vector @@ websearch_to_tsquery('russian', ${args.query})))`
        : [null];
      rows.push([kind, describe(args), matching?.n ?? null, hits, summary.p50Ms, summary.p99Ms]);
    }
    const overall = latencySummary(all);
    rows.push([
      'all',
      `${SEARCH_QUERIES.length} queries x ${ITERATIONS}`,
      null,
      null,
      overall.p50Ms,
      overall.p99Ms,
    ]);

    // The statements the subgraph sends, captured from the real searchContent and explained.
    const notes: string[] = [];
    for (const args of [
      { query: 'workout' },
      { query: 'proprioception' },
      { tags: ['mobility'] },
    ] as SearchArgs[]) {
      const captured = await statementsOf(
        'content',
        environment.databaseUrl,
        { query: SEARCH, variables: { ...args } },
        user.id,
      );
      const statement = captured[0];
      if (!statement) continue;
      for (const generic of [false, true]) {
        const plan = await explain(sql, { sql: statement.query, params: statement.params }, generic);
        const shape = planSummary(plan);
        notes.push(
          `EXPLAIN ${describe(args)} (${generic ? 'generic' : 'custom'} plan): ${shape.nodes.join(' + ')} on ${
            shape.indexes.join(', ') || shape.relations.join(', ')
          }; execution ${executionMs(plan)} ms`,
        );
      }
    }
    notes.push(
      `at the content subgraph over HTTP as a signed-in non-trainer (published items only), first page (20); ${WARMUP} warm-up and ${ITERATIONS} timed calls per query; content.content_items holds about ${(await estimatedRows(sql, 'content.content_items')).toLocaleString('en-US')} items`,
    );
    return {
      name,
      title,
      columns: ['kind', 'query', 'matching items', 'hits on page', 'p50 ms', 'p99 ms'],
      rows,
      ratios: [
        { label: 'searchContent p50 ms, all queries', value: overall.p50Ms, goal: { op: '<=', target: 20 } },
        { label: 'searchContent p99 ms, all queries', value: overall.p99Ms, goal: { op: '<=', target: 30 } },
      ],
      notes,
    };
  } finally {
    await sql.end();
  }
}
