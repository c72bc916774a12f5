import type { Sql } from 'postgres';

/**
 * Rebuilds the health subgraph's hourly rollup from the samples (the SQL function its migrations
 * define, which `npm run health:rollup` calls too) for scripts that write samples in bulk (COPY,
 * INSERT ... SELECT) past the subgraph: of the given users, or of everyone. Returns the hours written.
 */
export async function rebuildHealthRollup(
  sql: Sql,
  userIds: readonly string[] | null = null,
): Promise<number> {
  const [row] =
    userIds === null
      ? await sql`select health.rebuild_metric_hours(null) as n`
      : await sql`select health.rebuild_metric_hours(${sql.array([...userIds])}::uuid[]) as n`;
  return Number(row?.n ?? 0);
}
