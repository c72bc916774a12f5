import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './db.js';

/**
 * Applies each subgraph's migrations (drizzle/<name>/) in the order given. Every subgraph keeps
 * its own history table, so subgraphs migrate independently, as their owners deploy them.
 */
export async function migrateSubgraphs(database: Database, names: readonly string[], root = 'drizzle') {
  for (const name of names) {
    const config = {
      migrationsFolder: `${root}/${name}`,
      migrationsSchema: 'drizzle',
      migrationsTable: `migrations_${name}`,
    };
    if (database.kind === 'pglite') await migratePglite(database.db as any, config);
    else await migratePostgres(database.db as any, config);
  }
}
