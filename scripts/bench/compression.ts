import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { getIntrospectionQuery } from 'graphql';
import { loadEnv } from '../../kit/env.js';
import { createRuntime } from '../../kit/runtime.js';
import { createGateway } from '../../gateway/server.js';
import { SUPERGRAPH_PATH } from './environment.js';
import type { Benchmark, Cell } from './report.js';
import { SUBGRAPH_NAMES } from '../../schema/subgraphs.js';

/**
 * Response compression at the gateway: CPU per request and bytes on the wire for a large
 * response (the introspection result, the largest the supergraph can produce without data),
 * with compression off and on. Decides the gateway's `compressAbove` threshold.
 */
export const compressionBenchmark: Benchmark = {
  name: 'compression',
  title: 'Gateway response compression',
  async run() {
    const env = loadEnv({ NODE_ENV: 'development', LOG_LEVEL: 'silent' });
    const runtime = await createRuntime(env, { withDatabase: false });
    const query = getIntrospectionQuery();
    const rows: Cell[][] = [];
    try {
      for (const compressAbove of [0, 1024, 16 * 1024]) {
        const gateway = createGateway({
          supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
          // Introspection is answered by the gateway alone: no subgraph is ever called.
          subgraphUrls: Object.fromEntries(
            SUBGRAPH_NAMES.map((name) => [name, 'http://127.0.0.1:1/graphql']),
          ),
          identitySecret: env.IDENTITY_HEADER_SECRET,
          kv: runtime.kv,
          log: runtime.log,
          production: false,
          compressAbove,
        });
        const served = await gateway.serve(0);
        const send = async () => {
          const response = await fetch(`${served.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
            body: JSON.stringify({ query }),
          });
          return Buffer.from(await response.arrayBuffer());
        };
        // Undici's fetch decompresses; measure the wire size by compressing what it decoded when on.
        const sample = await send();
        for (let i = 0; i < 20; i++) await send();
        const iterations = 200;
        const cpuBefore = process.cpuUsage();
        const start = performance.now();
        for (let i = 0; i < iterations; i++) await send();
        const elapsed = performance.now() - start;
        const cpu = process.cpuUsage(cpuBefore);
        const raw = sample.length;
        const wire = compressAbove > 0 && raw >= compressAbove ? gzipSize(sample) : raw;
        rows.push([
          compressAbove === 0 ? 'off' : `>= ${compressAbove} B`,
          raw,
          wire,
          elapsed / iterations,
          (cpu.user + cpu.system) / 1000 / iterations,
        ]);
        await served.stop();
      }
    } finally {
      await runtime.close();
    }
    return {
      name: 'compression',
      title:
        'Gateway response compression (introspection response, sequential, client and gateway in one process)',
      columns: [
        'compression',
        'response bytes',
        'bytes on the wire',
        'ms/request',
        'CPU ms/request (client + gateway)',
      ],
      rows,
      ratios: [],
      notes: [],
    };
  },
};

function gzipSize(body: Buffer): number {
  return gzipSync(body, { level: 4 }).length;
}
