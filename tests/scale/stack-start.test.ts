import { createServer, type Server } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScaleStack } from './scale-stack.js';

/**
 * Starting the replicated stack fails at once, and says why, when a process it waits on cannot
 * come up: here HAProxy, whose gateway frontend port is already taken. Before, the start waited
 * for the gateways' readiness (which asks the subgraphs through HAProxy) until the suite's hook
 * timed out, with nothing in the error to say which process had died. `npm run test:scale`.
 */

const BASE_PORT = 5500;
let squatter: Server;

beforeAll(async () => {
  squatter = createServer();
  await new Promise<void>((resolve, reject) => {
    squatter.once('error', reject);
    squatter.listen(BASE_PORT, '127.0.0.1', resolve);
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => squatter.close(() => resolve()));
});

describe('starting the replicated stack', () => {
  it('fails within seconds, naming HAProxy and its log, when HAProxy cannot bind its port; leaves no database', async () => {
    const started = Date.now();
    const error = await startScaleStack({ name: 'fitness_stackstart', basePort: BASE_PORT }).then(
      async (scale) => {
        await scale.stop();
        return null;
      },
      (failure: Error) => failure,
    );
    expect(error?.message).toMatch(/haproxy exited \(\d+\); its log ends:/);
    expect(error?.message).toMatch(/bind|5500/i);
    expect(Date.now() - started).toBeLessThan(60_000);

    // startScaleStack drops its database when the start fails.
    const sql = postgres(process.env.DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
    try {
      const left = await sql`select datname from pg_database where datname like 'fitness_stackstart_%'`;
      expect(left).toEqual([]);
    } finally {
      await sql.end();
    }
  }, 120_000);
});
