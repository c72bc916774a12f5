import { runSubgraphProcess } from '../../kit/subgraph-main.js';
import { createSubgraph } from './server.js';

await runSubgraphProcess('analytics', createSubgraph);
