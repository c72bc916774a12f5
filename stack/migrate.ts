import { mkdirSync } from 'node:fs';
import { createDatabase } from '../kit/db.js';
import { loadEnv } from '../kit/env.js';
import { migrateSubgraphs } from '../kit/migrate.js';
import { SUBGRAPH_NAMES } from '../schema/subgraphs.js';

/** `npm run db:migrate [-- <subgraph>...]`: applies migrations to DATABASE_URL, or to the embedded database. */
const env = loadEnv();
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [...SUBGRAPH_NAMES];
if (!env.DATABASE_URL) mkdirSync(env.PGLITE_DIR, { recursive: true });
const database = env.DATABASE_URL
  ? await createDatabase({ url: env.DATABASE_URL, poolMax: 1 })
  : await createDatabase({ dataDir: env.PGLITE_DIR });
try {
  await migrateSubgraphs(database, names);
  console.log(`migrated: ${names.join(', ')}`);
} finally {
  await database.close();
}
