import postgres from 'postgres';
import { createDatabase } from '../kit/db.js';
import { migrateSubgraphs } from '../kit/migrate.js';
import { SUBGRAPH_NAMES } from '../schema/subgraphs.js';
import { TEMPLATE_DATABASE, withDatabaseName } from './database.js';

/**
 * With DATABASE_URL: migrates one template database per run; every test file then clones it
 * (CREATE DATABASE ... TEMPLATE), which takes a fraction of a second instead of a migration.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const database = await createDatabase({ url: withDatabaseName(url, TEMPLATE_DATABASE), poolMax: 1 });
  try {
    await migrateSubgraphs(database, SUBGRAPH_NAMES);
  } finally {
    await database.close();
  }
}
