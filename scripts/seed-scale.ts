import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { loadEnv } from '../kit/env.js';
import { prepareDatabase, scaleDatabaseUrl } from './bench/environment.js';
import { postgresTarget, runSeed, type TableOutcome } from './scale/core.js';
import { GENERATORS } from './scale/generators.js';
import { rebuildHealthRollup } from './scale/health-rollup.js';

export { encode } from './scale/core.js';
export { SCALE_PASSWORD } from './scale/generators.js';

/**
 * `npm run seed:scale [-- --scale 0.1 | --users 100000 --health-metrics 10000000 ... |
 *   --only identity.users,health.health_metrics | --append]`
 *
 * Realistic data at volume for benchmarks, written with COPY ... FROM STDIN, against
 * DATABASE_URL or the local fitness_scale database (created and migrated if missing; never the
 * test database). What each table holds is in scripts/scale/generators.ts; a generator whose
 * table (or one of whose columns) the database does not have is skipped with a message. Tables
 * are emptied first (TRUNCATE ... CASCADE) unless --append, which adds rows drawn with a fresh
 * random seed (new ids; users numbered on from the last). Rows with a natural key can still
 * collide with an earlier run's and fail the COPY: health samples (user, type, source, instant),
 * trainers (one per user), subscriptions (one live per user). Seeded users sign in with the
 * password `scale-password-123`.
 */

async function main() {
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    scale: { type: 'string' },
    only: { type: 'string' },
    append: { type: 'boolean' },
  };
  for (const generator of GENERATORS) options[generator.flag] = { type: 'string' };
  const { values } = parseArgs({ options });
  const counts: Record<string, number> = {};
  for (const generator of GENERATORS) {
    const value = values[generator.flag];
    if (typeof value === 'string') counts[generator.flag] = Number(value);
  }

  const url = scaleDatabaseUrl(loadEnv());
  console.log(`seed:scale into ${new URL(url).pathname.slice(1)} on ${new URL(url).host}`);
  await prepareDatabase(url);
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
  const tty = process.stderr.isTTY;
  const startedAt = Date.now();
  let lastLine = 0;
  let outcomes: TableOutcome[] = [];
  try {
    outcomes = await runSeed(postgresTarget(sql), {
      generators: GENERATORS,
      counts,
      scale: Number(values.scale ?? 1),
      only: typeof values.only === 'string' ? values.only.split(',') : null,
      append: Boolean(values.append),
      // The same seed would draw the same ids as the run whose rows are kept.
      seed: values.append ? Date.now() % 2 ** 31 : undefined,
      log: (line) => console.log(line),
      progress: (line, final) => {
        if (tty) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
        else if (final || Date.now() - lastLine > 5000) {
          lastLine = Date.now();
          console.log(line);
        }
      },
    });
    // COPY writes samples past the health subgraph: its hourly rollup is rebuilt from them.
    if (outcomes.some((o) => o.table === 'health.health_metrics' && !o.skipped)) {
      const rollupStart = Date.now();
      const hours = await rebuildHealthRollup(sql);
      // As for every seeded table (scale/core.ts): the visibility map set, so the series' scans of
      // the rollup are index-only, as autovacuum leaves them in production; without it a two-year
      // WEEK series read every one of its hours' table pages.
      await sql.unsafe('VACUUM (ANALYZE) health.health_metric_hours');
      console.log(
        `health.health_metric_hours       rebuilt from the samples: ${hours.toLocaleString('en-US')} hours in ${((Date.now() - rollupStart) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await sql.end();
  }
  const total = (Date.now() - startedAt) / 1000;
  console.log('\nsummary');
  for (const outcome of outcomes) {
    console.log(
      `  ${outcome.table.padEnd(32)} ${
        outcome.skipped
          ? `skipped (${outcome.skipped})`
          : `${outcome.rows.toLocaleString('en-US').padStart(11)} rows in ${outcome.seconds.toFixed(1).padStart(6)} s (${Math.round(
              outcome.rows / Math.max(outcome.seconds, 0.001),
            ).toLocaleString('en-US')} rows/s)`
      }`,
    );
  }
  console.log(`  ${'total'.padEnd(32)} ${total.toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
