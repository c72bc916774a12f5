import postgres from 'postgres';
import { createDatabase } from '../kit/db.js';
import { migrateSubgraphs } from '../kit/migrate.js';
import { SUBGRAPH_NAMES } from '../schema/subgraphs.js';
import { randomBytes } from 'node:crypto';
import { withDatabaseName } from './database.js';

/**
 * With DATABASE_URL: migrates one template database per run; every test file then clones it
 * (CREATE DATABASE ... TEMPLATE), which takes a fraction of a second instead of a migration.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  // Unique per run, so two runs against one server (two checkouts, CI and a developer) never
  // drop each other's template. Workers inherit it through the environment.
  const TEMPLATE_DATABASE = `fitness_template_${randomBytes(5).toString('hex')}`;
  process.env.FITNESS_TEST_TEMPLATE = TEMPLATE_DATABASE;
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
  return async function teardown() {
    const cleanup = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    } finally {
      await cleanup.end();
    }
  };
}
