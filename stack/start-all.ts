import { mkdirSync } from 'node:fs';
import { loadEnv } from '../kit/env.js';
import { onShutdown } from '../kit/process.js';
import { DEMO_USERS, seedDemo, seedsDemoOnStart } from './seed.js';
import { startStack } from './stack.js';
import { gatewayUrlForBrowser, startWebAppDevServer } from './web-app.js';

/**
 * `npm start`: the whole supergraph in one process. With no configuration it runs on an embedded
 * PGlite database under .data/ (migrated on start, demo data on first start); with DATABASE_URL
 * and REDIS_URL it uses them. Outside production it also serves the example web app (apps/web)
 * on http://localhost:5173 with Vite's dev server; WEB_APP=off leaves it out.
 */
const env = loadEnv();
if (!env.DATABASE_URL) mkdirSync(env.PGLITE_DIR, { recursive: true });
const stack = await startStack({ env });
const { log } = stack.runtime;

const seeded =
  seedsDemoOnStart(env) && (await seedDemo(stack.runtime, stack.gatewayUrl, env.SEED_DEMO === 'always'));
let webApp: Awaited<ReturnType<typeof startWebAppDevServer>> | null = null;
if (env.NODE_ENV !== 'production' && env.WEB_APP !== 'off') {
  try {
    webApp = await startWebAppDevServer(gatewayUrlForBrowser(stack.gatewayUrl));
  } catch (error) {
    log.warn(
      { err: error },
      'the web app dev server did not start (is port 5173 taken?); WEB_APP=off skips it',
    );
  }
}
const database = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${env.PGLITE_DIR}`;
const lines = [
  '',
  `Fitness supergraph is up on ${database}${env.REDIS_URL ? ' with Redis' : ''}.`,
  `  Explorer and GraphQL endpoint: ${stack.gatewayUrl}`,
  ...Object.entries(stack.subgraphUrls).map(([name, url]) => `  subgraph ${name.padEnd(10)} ${url}`),
  webApp ? `  Web app (apps/web): ${webApp.url}` : '',
  seeded
    ? `  Demo accounts (sign in${webApp ? ' in the web app or' : ''} with signIn(input: { login, password })):`
    : '',
  ...(seeded
    ? DEMO_USERS.map((u) => `    ${u.username.padEnd(14)} ${u.email.padEnd(22)} password: ${u.password}`)
    : []),
  '',
];
console.log(lines.filter((line, i) => line !== '' || i === 0 || i === lines.length - 1).join('\n'));
log.info({ gateway: stack.gatewayUrl }, 'supergraph started');
onShutdown(log, [async () => webApp?.close(), () => stack.stop()]);
