import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * The gateway talks to its subgraphs and to nothing else. @apollo/gateway, left to itself, builds
 * an OpenTelemetry meter on construction that probes the cloud metadata services (GCP, AWS, Azure,
 * Alibaba: 169.254.169.254, metadata.google.internal) and sends anonymous usage metrics to
 * usage-reporting.api.apollographql.com every hour. A platform holding health data must not send
 * anything to a third party by default, nor knock on a host's metadata service (where, in a cloud,
 * the instance's credentials live). The check runs in a process of its own, so no other test's
 * gateway or environment is counted: it records every outgoing HTTP request (node:http/https and
 * undici's fetch) while the gateway is built, runs an operation and stops, and two seconds after.
 * With an APOLLO_KEY in the environment Apollo Server would also report every operation's trace.
 */

const PROBE = `
import { readFileSync } from 'node:fs';
import diagnostics from 'node:diagnostics_channel';
const contacted = [];
diagnostics.subscribe('http.client.request.start', ({ request }) => {
  contacted.push(String(request.host ?? request.getHeader?.('host')) + request.path);
});
diagnostics.subscribe('undici:request:create', ({ request }) => {
  contacted.push(request.origin + request.path);
});
delete process.env.APOLLO_TELEMETRY_DISABLED;
const { createGateway } = await import('./gateway/server.ts');
const { MemoryKeyValueStore } = await import('./kit/kv.ts');
const { createLogger } = await import('./kit/log.ts');
const { SUBGRAPH_NAMES } = await import('./schema/subgraphs.ts');
const gateway = createGateway({
  supergraphSdl: readFileSync('schema/supergraph.graphql', 'utf8'),
  // Never called: the one operation needs no subgraph.
  subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 'http://127.0.0.1:9/graphql'])),
  identitySecret: 'outbound-probe-secret-of-thirty-two-bytes',
  kv: new MemoryKeyValueStore(),
  log: createLogger({ level: 'silent' }),
  production: true,
});
// An operation, then a stop: Apollo Server's usage reporting, when installed, sends its report here.
await gateway.apollo.start();
await gateway.apollo.executeOperation({ query: '{ __typename }' });
await gateway.apollo.stop();
await new Promise((resolve) => setTimeout(resolve, 2000));
console.log(JSON.stringify(contacted));
process.exit(0);
`;

describe('the gateway outbound', () => {
  it('sends no telemetry and probes no cloud metadata service when it is built', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], {
      cwd: new URL('../', import.meta.url).pathname,
      // An Apollo key and graph in the environment, as a host might carry for other tools.
      env: {
        ...process.env,
        NODE_ENV: 'production',
        APOLLO_KEY: 'service:outbound-probe:0123456789abcdef',
        APOLLO_GRAPH_REF: 'outbound-probe@current',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const contacted = JSON.parse(output.trim().split('\n').at(-1) ?? 'null') as string[];
    expect(contacted).toEqual([]);
  }, 90_000);
});
