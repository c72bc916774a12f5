import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { fillRequest, fillUser } from './variables.js';

/**
 * The load generator, always in a process of its own: `load.ts <config.json>` drives one target
 * with autocannon and prints `RESULT <json>`. Every request gets the next user's credentials and
 * variables filled from that user and a sequence number, so no two in-flight requests are the
 * same and no gateway can merge them.
 */
export interface LoadConfig {
  url: string;
  duration: number;
  warmup: number;
  connections: number;
  query: string;
  /** Variables with placeholders in string values (see variables.ts). */
  variables: Record<string, unknown>;
  /** `bearer`: the session token (through a gateway); `identity`: the signed header (straight to a subgraph). */
  auth: 'bearer' | 'identity';
  identityHeaderName: string;
  users: { id: string; username: string; habitId: string; token: string; identityHeader: string }[];
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  graphqlErrors: number;
  sampleError: string | null;
}

const config = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as LoadConfig;
const variablesJson = JSON.stringify(config.variables);
const queryJson = JSON.stringify(config.query);
const perUser = config.users.map((user) => ({
  headers: {
    'content-type': 'application/json',
    ...(config.auth === 'bearer'
      ? { authorization: `Bearer ${user.token}` }
      : { [config.identityHeaderName]: user.identityHeader }),
  },
  variables: fillUser(variablesJson, user),
}));

let sequence = 0;
let graphqlErrors = 0;
let sampleError: string | null = null;

const instance = autocannon({
  url: config.url,
  method: 'POST',
  connections: config.connections,
  duration: config.duration,
  warmup: config.warmup > 0 ? { connections: config.connections, duration: config.warmup } : undefined,
  requests: [
    {
      method: 'POST',
      setupRequest: (request: any) => {
        const n = sequence++;
        const user = perUser[n % perUser.length]!;
        request.headers = user.headers;
        request.body = `{"query":${queryJson},"variables":${fillRequest(user.variables, n)}}`;
        return request;
      },
      onResponse: (_status: number, body: string) => {
        if (body.includes('"errors"')) {
          graphqlErrors++;
          sampleError ??= body.slice(0, 500);
        }
      },
    },
  ],
} as any);

const result: any = await instance;
const output: LoadResult = {
  requests: result.requests.total,
  rps: result.requests.average,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  meanMs: result.latency.average,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  graphqlErrors,
  sampleError,
};
console.log(`RESULT ${JSON.stringify(output)}`);
