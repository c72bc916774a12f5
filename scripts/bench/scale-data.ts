import postgres from 'postgres';
import { IDENTITY_HEADER, signIdentity } from '../../kit/identity-header.js';
import { postJson } from './environment.js';

/**
 * What the domain benchmarks share: a client on the scale database, row counts that tell a
 * seeded database from an empty one, calls straight to a subgraph as a given user, and the
 * partitions and indexes an EXPLAIN plan names.
 */
export function scaleClient(url: string) {
  // The subgraphs' connection settings (kit/db.ts), so EXPLAIN shows the plans they run.
  return postgres(url, { max: 2, onnotice: () => {}, connection: { TimeZone: 'UTC', jit: 'off' } });
}

/** Rows of a table as the planner's statistics have them (partitions summed): instant at any size. */
export async function estimatedRows(sql: postgres.Sql, table: string): Promise<number> {
  // A partitioned table's own reltuples already totals its partitions; a plain table has no partitions.
  const [row] = await sql`
    select coalesce((select sum(greatest(c.reltuples, 0)) from pg_inherits i join pg_class c on c.oid = i.inhrelid
                      where i.inhparent = ${table}::regclass),
                    (select greatest(reltuples, 0) from pg_class where oid = ${table}::regclass))::float8 as n`;
  return Math.round(Number(row?.n ?? 0));
}

/** Null when the table holds at least `min` rows; otherwise why the benchmark cannot measure. */
export async function unseededReason(sql: postgres.Sql, table: string, min: number): Promise<string | null> {
  const rows = await estimatedRows(sql, table);
  if (rows >= min) return null;
  return `${table} holds about ${rows.toLocaleString('en-US')} rows; this benchmark needs at least ${min.toLocaleString(
    'en-US',
  )} (run \`npm run seed:scale\` against the same database first)`;
}

/** A signed identity header for `userId`, as the gateway would send it. */
export function identityFor(userId: string, secret: string): Record<string, string> {
  return {
    [IDENTITY_HEADER]: signIdentity(
      { viewer: { userId, sessionId: 'bench', roles: ['USER'] }, service: null, ip: '127.0.0.1' },
      secret,
      { ttlSeconds: 6 * 3600 },
    ),
  };
}

/** One GraphQL call straight to a subgraph; GraphQL errors throw. */
export async function callSubgraph(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<any> {
  const body = await postJson(url, { query, variables }, headers);
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 1000));
  return body.data;
}

/** The relations an EXPLAIN plan scans (partitions, tables) and the indexes it uses, in plan order. */
export function planSummary(plan: string[]): { relations: string[]; indexes: string[]; nodes: string[] } {
  const relations = new Set<string>();
  const indexes = new Set<string>();
  const nodes = new Set<string>();
  for (const line of plan) {
    const scan =
      /(Seq Scan|Bitmap Heap Scan|Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)?(?: using (\S+))? on (\S+)/.exec(
        line,
      );
    if (!scan) continue;
    nodes.add(scan[1] as string);
    if (scan[1] === 'Bitmap Index Scan') indexes.add(scan[3] as string);
    else {
      relations.add(scan[3] as string);
      if (scan[2]) indexes.add(scan[2]);
    }
  }
  return { relations: [...relations], indexes: [...indexes], nodes: [...nodes] };
}

export function executionMs(plan: string[]): number | null {
  for (const line of plan) {
    const match = /Execution Time: ([\d.]+) ms/.exec(line);
    if (match) return Number(match[1]);
  }
  return null;
}

/** A bound parameter as an SQL literal, for EXECUTE. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return `'${value.toISOString()}'`;
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * EXPLAIN ANALYZE of a statement as a subgraph runs it: postgres.js prepares every statement, and
 * after five executions PostgreSQL may keep a generic plan, which cannot fold parameters into
 * constants or prune partitions at plan time. `generic` forces that plan; otherwise the plan
 * for these values (a custom plan).
 */
export async function explain(
  sql: postgres.Sql,
  statement: { sql: string; params: unknown[] },
  generic: boolean,
): Promise<string[]> {
  const lines: string[] = [];
  await sql.begin(async (tx) => {
    await tx.unsafe(`SET LOCAL plan_cache_mode = ${generic ? 'force_generic_plan' : 'force_custom_plan'}`);
    await tx.unsafe(`PREPARE bench_explained AS ${statement.sql}`);
    const plan = await tx.unsafe(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE bench_explained(${statement.params.map(literal).join(', ')})`,
    );
    for (const row of plan) lines.push(String((row as Record<string, unknown>)['QUERY PLAN']));
    await tx.unsafe('DEALLOCATE bench_explained');
  });
  return lines;
}
