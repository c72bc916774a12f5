import { eq } from 'drizzle-orm';
import { integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testkit/database.js';
import type { Db } from '../kit/db.js';
import { LoaderRegistry } from '../kit/loaders.js';
import { decodeCursor, encodeCursor, type Page } from '../kit/pagination.js';
import {
  type ChildList,
  countsQuery,
  cursorValues,
  pagesPerParent,
  pagesQuery,
} from '../kit/pages-per-parent.js';
import type { RequestContext } from '../kit/subgraph.js';

/** A table of the test's own, so the helper is proven apart from any subgraph's lists. */
const scratch = pgSchema('kit_paging_test');
const children = scratch.table('children', {
  id: uuid('id').primaryKey(),
  parentId: uuid('parent_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  kind: text('kind').notNull(),
  position: integer('position').notNull(),
});
type Child = typeof children.$inferSelect;

const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const P3 = '00000000-0000-4000-8000-000000000003';
const EMPTY = '00000000-0000-4000-8000-0000000000ff';
const childId = (parent: number, n: number) =>
  `00000000-0000-4000-9000-${String(parent).padStart(4, '0')}${String(n).padStart(8, '0')}`;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute));

/** Newest first, id as the tie-breaker, optionally one kind only. */
const newestFirst: ChildList<Child, { kind: string | null }> = {
  name: 'test.children',
  table: children,
  parent: children.parentId,
  orderBy: [children.createdAt, children.id],
  direction: 'desc',
  where: ({ kind }) => (kind ? eq(children.kind, kind) : undefined),
};

let testDb: TestDatabase;
let db: Db;
const statements = () => testDb.database.stats.statements;
const context = (): RequestContext =>
  ({ viewer: null, service: null, ip: null, requestId: 'test', loaders: new LoaderRegistry() }) as never;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  await testDb.database.exec(`
    create schema kit_paging_test;
    create table kit_paging_test.children (
      id uuid primary key, parent_id uuid not null, created_at timestamptz not null,
      kind text not null, position integer not null
    );`);
  const rows: Child[] = [];
  // P1: 5 children a minute apart. P2: 4 children, all at the same instant (ties broken by id),
  // alternating kinds. P3: 1 child. EMPTY: none.
  for (let n = 1; n <= 5; n++)
    rows.push({ id: childId(1, n), parentId: P1, createdAt: at(n), kind: 'a', position: n });
  for (let n = 1; n <= 4; n++)
    rows.push({ id: childId(2, n), parentId: P2, createdAt: at(30), kind: n % 2 ? 'a' : 'b', position: n });
  rows.push({ id: childId(3, 1), parentId: P3, createdAt: at(0), kind: 'b', position: 1 });
  await db.insert(children).values(rows);
});
afterAll(async () => {
  await testDb?.dispose();
});

const ids = (page: Page<Child>) => page.nodes.map((row) => row.id);

describe('pagesPerParent', () => {
  it('answers many parents, empty ones included, with one statement', async () => {
    const loader = pagesPerParent(context(), db, newestFirst);
    const before = statements();
    const [p1, p2, p3, empty] = await Promise.all(
      [P1, P2, P3, EMPTY].map((parent) =>
        loader.load({ parent, limit: 2, after: null, filter: { kind: null } }),
      ),
    );
    expect(statements() - before).toBe(1);
    expect(ids(p1!)).toEqual([childId(1, 5), childId(1, 4)]);
    expect(p1!.pageInfo.hasNextPage).toBe(true);
    // All four at one instant: the id decides, descending.
    expect(ids(p2!)).toEqual([childId(2, 4), childId(2, 3)]);
    expect(ids(p3!)).toEqual([childId(3, 1)]);
    expect(p3!.pageInfo).toEqual({
      hasNextPage: false,
      endCursor: encodeCursor([at(0).toISOString(), childId(3, 1)]),
    });
    expect(empty).toMatchObject({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    // Rows come back with the table's types (dates as Date).
    expect(p1!.nodes[0]!.createdAt).toEqual(at(5));
  });

  it('never answers one viewer with a statement prepared for another (a condition that depends on who asks)', async () => {
    // As content's lists: the condition comes from the request (a viewer sees kind `b` only when
    // it is theirs), not from the filter, which is the same for both requests.
    let viewerSeesB = true;
    const byViewer: ChildList<Child, { kind: string | null }> = {
      ...newestFirst,
      name: 'test.childrenByViewer',
      where: () => (viewerSeesB ? undefined : eq(children.kind, 'a')),
    };
    const page = async () =>
      (await pagesPerParent(context(), db, byViewer).load({
        parent: P2,
        limit: 10,
        after: null,
        filter: { kind: null },
      }))!;
    expect(ids(await page())).toHaveLength(4);
    viewerSeesB = false;
    expect((await page()).nodes.map((n) => n.kind)).toEqual(['a', 'a']);
    viewerSeesB = true;
    expect(ids(await page())).toHaveLength(4);
  });

  it('counts totalCount only when asked, for every parent in one grouped statement, ignoring the cursor', async () => {
    const loader = pagesPerParent(context(), db, newestFirst);
    const first = await loader.load({ parent: P1, limit: 2, after: null, filter: { kind: null } });
    const before = statements();
    const pages = await Promise.all([
      loader.load({ parent: P1, limit: 2, after: first.pageInfo.endCursor, filter: { kind: null } }),
      ...[P2, P3, EMPTY].map((parent) =>
        loader.load({ parent, limit: 2, after: null, filter: { kind: null } }),
      ),
    ]);
    const pagesOnly = statements() - before;
    expect(pagesOnly).toBe(2);
    // Nothing is counted until a client selects totalCount.
    const counting = statements();
    const counts = await Promise.all(pages.map((page) => page.totalCount()));
    expect(counts).toEqual([5, 4, 1, 0]);
    // One statement for all four parents (P1's cursor does not split it or change its count).
    expect(statements() - counting).toBe(1);
    // Asked again: remembered, no statement.
    await Promise.all(pages.map((page) => page.totalCount()));
    expect(statements() - counting).toBe(1);
    // The filter applies to the count as to the list.
    const kindB = await Promise.all(
      [P1, P2, P3].map((parent) => loader.load({ parent, limit: 1, after: null, filter: { kind: 'b' } })),
    );
    expect(await Promise.all(kindB.map((page) => page.totalCount()))).toEqual([0, 2, 1]);
    const sql = countsQuery(db, newestFirst, [P1, P2], { kind: 'b' }).toSQL().sql;
    expect(sql).toMatch(/group by/i);
  });

  it('tells a full last page from one with more after it (limit + 1)', async () => {
    const loader = pagesPerParent(context(), db, newestFirst);
    const exact = await loader.load({ parent: P1, limit: 5, after: null, filter: { kind: null } });
    expect(exact.nodes).toHaveLength(5);
    expect(exact.pageInfo.hasNextPage).toBe(false);
    const short = await loader.load({ parent: P1, limit: 4, after: null, filter: { kind: null } });
    expect(short.nodes).toHaveLength(4);
    expect(short.pageInfo.hasNextPage).toBe(true);
  });

  it('walks each parent with its own cursor, through ties, without gaps or repeats', async () => {
    for (const [parent, expected] of [
      [P1, [5, 4, 3, 2, 1].map((n) => childId(1, n))],
      [P2, [4, 3, 2, 1].map((n) => childId(2, n))],
    ] as const) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const page: Page<Child> = await pagesPerParent(context(), db, newestFirst).load({
          parent,
          limit: 2,
          after,
          filter: { kind: null },
        });
        seen.push(...ids(page));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    }
  });

  it('runs parents sharing page arguments together and other arguments apart', async () => {
    const loader = pagesPerParent(context(), db, newestFirst);
    const first = await loader.load({ parent: P1, limit: 2, after: null, filter: { kind: null } });
    const before = statements();
    const [p1Next, p2First, p2Kind, p3Kind] = await Promise.all([
      loader.load({ parent: P1, limit: 2, after: first.pageInfo.endCursor, filter: { kind: null } }),
      loader.load({ parent: P2, limit: 2, after: null, filter: { kind: null } }),
      loader.load({ parent: P2, limit: 10, after: null, filter: { kind: 'b' } }),
      loader.load({ parent: P3, limit: 10, after: null, filter: { kind: 'b' } }),
    ]);
    // Three groups of page arguments (P1's cursor, P2's first page, kind b) make three statements.
    expect(statements() - before).toBe(3);
    expect(ids(p1Next)).toEqual([childId(1, 3), childId(1, 2)]);
    expect(ids(p2First)).toEqual([childId(2, 4), childId(2, 3)]);
    expect(ids(p2Kind)).toEqual([childId(2, 4), childId(2, 2)]);
    expect(ids(p3Kind)).toEqual([childId(3, 1)]);
    // Asked again, the same page comes from the request's cache.
    const again = statements();
    await loader.load({ parent: P2, limit: 10, after: null, filter: { kind: 'b' } });
    expect(statements()).toBe(again);
  });

  it('pages ascending with a single-column cursor and a subset of columns', async () => {
    const { parentId, position, id } = children;
    const loader = pagesPerParent<Pick<Child, 'parentId' | 'position' | 'id'>>(context(), db, {
      name: 'test.byPosition',
      table: children,
      columns: { parentId, position, id },
      parent: parentId,
      orderBy: [id],
      direction: 'asc',
    });
    const page = await loader.load({ parent: P1, limit: 3, after: encodeCursor([childId(1, 2)]) });
    expect(page.nodes).toEqual([3, 4, 5].map((n) => ({ parentId: P1, position: n, id: childId(1, n) })));
    expect(decodeCursor(page.pageInfo.endCursor, ['uuid'])).toEqual([childId(1, 5)]);
  });

  it('refuses cursors it did not give out with BAD_USER_INPUT, only for the keys that sent them', async () => {
    const loader = pagesPerParent(context(), db, newestFirst);
    const bad = [
      'not base64 json',
      encodeCursor(['2026-11-01T12:00:00.000Z']),
      encodeCursor(['yesterday', childId(1, 1)]),
      encodeCursor(['2026-11-01T12:00:00.000Z', 'not-a-uuid']),
      encodeCursor([5, childId(1, 1)]),
      encodeCursor(['1', childId(1, 1)]),
    ];
    const results = await Promise.allSettled([
      loader.load({ parent: P3, limit: 2, after: null, filter: { kind: null } }),
      ...bad.map((after) => loader.load({ parent: P1, limit: 2, after, filter: { kind: null } })),
    ]);
    expect(results[0]!.status).toBe('fulfilled');
    for (const result of results.slice(1)) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason.extensions.code).toBe('BAD_USER_INPUT');
    }
    expect(() => cursorValues(newestFirst, encodeCursor(['2026-11-01T12:00:00Z', P1]))).toThrow();
  });

  it('answers a parent that cannot be a uuid with an empty page, not a cast error, and one in upper case', async () => {
    const before = statements();
    const page = await pagesPerParent(context(), db, newestFirst).load({
      parent: 'nope',
      limit: 2,
      after: null,
      filter: { kind: null },
    });
    expect(page.nodes).toEqual([]);
    expect(statements()).toBe(before);
    const upper = await pagesPerParent(context(), db, newestFirst).load({
      parent: P3.toUpperCase(),
      limit: 2,
      after: null,
      filter: { kind: null },
    });
    expect(ids(upper)).toEqual([childId(3, 1)]);
  });

  it('is one LATERAL statement that limits each parent to limit + 1 rows', async () => {
    const query = pagesQuery(db, newestFirst, [P1, P2], { limit: 2, after: null, filter: { kind: null } });
    const rendered = query.toSQL().sql;
    expect(rendered).toMatch(/cross join lateral/i);
    expect(rendered).toMatch(/limit \$\d+/i);
    expect(rendered).not.toMatch(/row_number/i);
    // Two parents, limit + 1 rows each: the extra row is what hasNextPage is read from.
    expect(await query).toHaveLength(6);
  });
});
