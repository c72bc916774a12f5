import { defineConfig } from 'drizzle-kit';

// drizzle-kit is a tool, not the application: it is pointed at one subgraph at a time, because
// each subgraph owns its schema and its own migration history (drizzle/<name>/).
// `npm run db:generate` sets SUBGRAPH for every subgraph in turn.
const subgraph = process.env.SUBGRAPH ?? 'identity';

export default defineConfig({
  dialect: 'postgresql',
  schema: `./subgraphs/${subgraph}/tables.ts`,
  out: `./drizzle/${subgraph}`,
  schemaFilter: [subgraph],
  casing: 'snake_case',
});
