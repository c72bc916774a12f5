import { SUBGRAPH_NAMES, type SubgraphName } from '../schema/subgraphs.js';
import { runSubgraphProcess } from '../kit/subgraph-main.js';
import { SUBGRAPH_FACTORIES } from './subgraph-registry.js';

/** `npm run start:subgraph -- <name>`: one subgraph as its own process (what each compose service runs). */
const name = process.argv[2] as SubgraphName | undefined;
if (!name || !SUBGRAPH_NAMES.includes(name)) {
  console.error(`usage: npm run start:subgraph -- <${SUBGRAPH_NAMES.join('|')}>`);
  process.exit(2);
}
await runSubgraphProcess(name, await SUBGRAPH_FACTORIES[name]());
