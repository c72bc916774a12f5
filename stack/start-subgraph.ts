import { SUBGRAPH_NAMES, type SubgraphName } from '../schema/subgraphs.js';

/**
 * `npm run start:subgraph -- <name> [command]`: runs the subgraph's own entry,
 * `subgraphs/<name>/main.ts` (what each compose service runs), with the arguments after the name.
 */
const name = process.argv[2] as SubgraphName | undefined;
if (!name || !SUBGRAPH_NAMES.includes(name)) {
  console.error(`usage: npm run start:subgraph -- <${SUBGRAPH_NAMES.join('|')}> [command]`);
  process.exit(2);
}
process.argv.splice(2, 1);
await import(`../subgraphs/${name}/main.ts`);
