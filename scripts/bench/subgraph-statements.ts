import { createDatabase } from '../../kit/db.js';
import { loadEnv } from '../../kit/env.js';
import { createRuntime } from '../../kit/runtime.js';
import type { SubgraphName } from '../../schema/subgraphs.js';
import { SUBGRAPH_FACTORIES } from '../../stack/subgraph-registry.js';
import { identityFor } from './scale-data.js';

export interface CapturedStatement {
  query: string;
  params: unknown[];
}

/**
 * The SQL statements a subgraph sends for one GraphQL operation, with their parameters, so a
 * benchmark can EXPLAIN exactly what the subgraph runs. The subgraph is built by its public
 * factory over a database connection that records statements, and the operation is executed as
 * `userId` (with a signed identity header, as the gateway sends it); nothing of the subgraph's internals is called directly.
 */
export async function statementsOf(
  name: SubgraphName,
  databaseUrl: string,
  operation: { query: string; variables: Record<string, unknown> },
  userId: string,
): Promise<CapturedStatement[]> {
  const captured: CapturedStatement[] = [];
  let recording = false;
  const database = await createDatabase({
    url: databaseUrl,
    poolMax: 1,
    log: (query, params) => {
      if (recording) captured.push({ query, params });
    },
  });
  const runtime = await createRuntime(loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { database });
  const subgraph = (await SUBGRAPH_FACTORIES[name]())(runtime);
  try {
    const contextValue = await subgraph.contextFor({
      method: 'POST',
      path: '/graphql',
      headers: identityFor(userId, runtime.identitySecret),
      body: Buffer.alloc(0),
      remoteAddress: '127.0.0.1',
    });
    recording = true;
    const response = await subgraph.apollo.executeOperation(operation, { contextValue });
    recording = false;
    if (response.body.kind === 'single' && response.body.singleResult.errors) {
      throw new Error(`${name} answered ${JSON.stringify(response.body.singleResult.errors)}`);
    }
    return captured;
  } finally {
    await subgraph.apollo.stop();
    await runtime.close();
    await database.close();
  }
}
