import { execFileSync } from 'node:child_process';
import { SUBGRAPH_NAMES } from '../schema/subgraphs.js';

// Generates a migration for each subgraph whose tables.ts changed (drizzle-kit prints
// "No schema changes" for the others). Hand-written SQL goes in `--custom` migrations.
// Usage: npm run db:generate [-- <subgraph>... [--name <migration_name>] [--custom]]
const args = process.argv.slice(2);
const flagAt = args.findIndex((a) => a.startsWith('--'));
const names = (flagAt === -1 ? args : args.slice(0, flagAt)).filter(Boolean);
const flags = flagAt === -1 ? [] : args.slice(flagAt);
for (const name of names.length > 0 ? names : SUBGRAPH_NAMES) {
  console.log(`# ${name}`);
  execFileSync('npx', ['drizzle-kit', 'generate', '--config', 'drizzle.config.ts', ...flags], {
    stdio: 'inherit',
    env: { ...process.env, SUBGRAPH: name },
  });
}
