import { mkdirSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { GATEWAY_NODE_FLAGS } from '../gateway/node-flags.js';
import { loadEnv, portOf } from '../kit/env.js';
import { SUBGRAPH_NAMES } from '../schema/subgraphs.js';

/**
 * Writes docker-compose.yml from the subgraph list, so every subgraph is always wired the same
 * way (port, environment, health check, dependencies). `npm run check` fails when the committed
 * file differs. Settings one subgraph alone needs are listed here by name.
 */
const SERVICE_ENV: Record<string, Record<string, string>> = {
  identity: {
    // exportMyData gathers the user's data through the gateway.
    GATEWAY_INTERNAL_URL: 'http://gateway:4000',
    PUBLIC_APP_URL: '${PUBLIC_APP_URL:-http://localhost:3000}',
    // Required: production identity refuses to start without a mail transport.
    SMTP_URL:
      '${SMTP_URL:?set SMTP_URL (smtp(s)://user:pass@host:port); identity mails verification and reset links}',
    MAIL_FROM: '${MAIL_FROM:-Fitness <no-reply@fitness.local>}',
    OAUTH_REDIRECT_URIS: '${OAUTH_REDIRECT_URIS:-http://localhost:3000/oauth/callback}',
    GOOGLE_CLIENT_ID: '${GOOGLE_CLIENT_ID:-}',
    GOOGLE_CLIENT_SECRET: '${GOOGLE_CLIENT_SECRET:-}',
    APPLE_CLIENT_ID: '${APPLE_CLIENT_ID:-}',
    APPLE_TEAM_ID: '${APPLE_TEAM_ID:-}',
    APPLE_KEY_ID: '${APPLE_KEY_ID:-}',
    APPLE_PRIVATE_KEY: '${APPLE_PRIVATE_KEY:-}',
    YANDEX_CLIENT_ID: '${YANDEX_CLIENT_ID:-}',
    YANDEX_CLIENT_SECRET: '${YANDEX_CLIENT_SECRET:-}',
    VK_CLIENT_ID: '${VK_CLIENT_ID:-}',
    VK_CLIENT_SECRET: '${VK_CLIENT_SECRET:-}',
  },
  health: {
    // Route POST /webhooks/google-health and /webhooks/garmin/<token> from the public edge to this service.
    GOOGLE_HEALTH_CLIENT_ID: '${GOOGLE_HEALTH_CLIENT_ID:-}',
    GOOGLE_HEALTH_CLIENT_SECRET: '${GOOGLE_HEALTH_CLIENT_SECRET:-}',
    GOOGLE_HEALTH_WEBHOOK_SECRET: '${GOOGLE_HEALTH_WEBHOOK_SECRET:-}',
    GARMIN_CLIENT_ID: '${GARMIN_CLIENT_ID:-}',
    GARMIN_CLIENT_SECRET: '${GARMIN_CLIENT_SECRET:-}',
    GARMIN_WEBHOOK_TOKEN: '${GARMIN_WEBHOOK_TOKEN:-}',
  },
  billing: {
    // Route POST /webhooks/stripe, /yookassa, /sberbank and /webmoney from the public edge to this service.
    STRIPE_SECRET_KEY: '${STRIPE_SECRET_KEY:-}',
    STRIPE_WEBHOOK_SECRET: '${STRIPE_WEBHOOK_SECRET:-}',
    YOOKASSA_SHOP_ID: '${YOOKASSA_SHOP_ID:-}',
    YOOKASSA_SECRET_KEY: '${YOOKASSA_SECRET_KEY:-}',
    SBERBANK_USERNAME: '${SBERBANK_USERNAME:-}',
    SBERBANK_PASSWORD: '${SBERBANK_PASSWORD:-}',
    SBERBANK_CALLBACK_TOKEN: '${SBERBANK_CALLBACK_TOKEN:-}',
    WEBMONEY_PURSES: '${WEBMONEY_PURSES:-}',
    WEBMONEY_SECRET_KEY: '${WEBMONEY_SECRET_KEY:-}',
    BILLING_RETURN_URL: '${BILLING_RETURN_URL:-}',
    BILLING_GRACE_DAYS: '${BILLING_GRACE_DAYS:-3}',
    BILLING_RENEWAL_INTERVAL_SECONDS: '${BILLING_RENEWAL_INTERVAL_SECONDS:-3600}',
  },
};

/** Processes beside the subgraphs: workers that share a subgraph's code and tables. */
const WORKERS: { name: string; subgraph: string; command: string[] }[] = [
  // Pulls Fitbit and Garmin data on a schedule; replicas share the work (each claims an integration).
  {
    name: 'health-sync',
    subgraph: 'health',
    command: ['node', '--import', 'tsx', 'subgraphs/health/main.ts', 'sync'],
  },
];

const COMMON_ENV = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://fitness:fitness@postgres:5432/fitness',
  REDIS_URL: 'redis://redis:6379',
  // Required, and refused at start when weak or shipped in the repository (kit/secret-strength.ts).
  IDENTITY_HEADER_SECRET: '${IDENTITY_HEADER_SECRET:?set IDENTITY_HEADER_SECRET (openssl rand -base64 32)}',
  ENCRYPTION_KEYS: '${ENCRYPTION_KEYS:?set ENCRYPTION_KEYS (k1:<output of openssl rand -base64 32>)}',
  // GET /metrics answers only this bearer token; without it no process serves metrics.
  METRICS_TOKEN: '${METRICS_TOKEN:-}',
  LOG_LEVEL: '${LOG_LEVEL:-info}',
};

const probe = (port: number, path: string) => ({
  test: [
    'CMD',
    'node',
    '-e',
    `fetch('http://127.0.0.1:${port}${path}').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))`,
  ],
  interval: '10s',
  timeout: '3s',
  retries: 6,
  start_period: '20s',
});

// Services run node with tsx as a loader, not the tsx CLI: the CLI sits between the container's
// signals and the process and force-kills it when the hand-off is slow, which defeats graceful
// shutdown.
const app = { build: '.', image: 'fitness-supergraph:latest', restart: 'unless-stopped' };

/**
 * Two of every process, as `npm run scale:up` runs them on one machine (stack/replicated-stack.ts,
 * proven by tests/scale/): no process assumes it is the only one. A gateway reaches a subgraph's
 * replicas through Compose's DNS (every replica's address under the service name); clients reach
 * the gateways through the `loadbalancer` service (HAProxy, deploy/haproxy.cfg).
 */
export const REPLICAS = 2;

/** HAProxy in front of the gateways: Compose's DNS names every gateway replica, re-read at runtime. */
export function haproxyConfigFile(): string {
  const defaults = loadEnv({});
  return `${[
    '# Generated by `npx tsx scripts/docker-compose.ts`; the loadbalancer service of docker-compose.yml.',
    'global',
    '  maxconn 4096',
    'resolvers docker',
    '  nameserver dns 127.0.0.11:53',
    '  hold valid 10s',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    // A WebSocket (subscriptions) is a tunnel once upgraded: idle up to an hour; the gateway's
    // graphql-ws pings every 12 s keep a live one busy and find a dead one.
    '  timeout tunnel 1h',
    '  timeout client-fin 5s',
    'frontend graphql',
    `  bind :${defaults.GATEWAY_PORT}`,
    // The gateways trust one proxy hop (TRUST_PROXY_HOPS=1): this one names the client.
    '  option forwardfor',
    '  default_backend gateways',
    'backend gateways',
    '  balance roundrobin',
    '  option httpchk GET /health',
    '  retry-on conn-failure empty-response response-timeout',
    '  option redispatch',
    `  server-template gateway ${REPLICAS} gateway:${defaults.GATEWAY_PORT} check resolvers docker init-addr none`,
  ].join('\n')}\n`;
}

export function dockerComposeFile(): string {
  const defaults = loadEnv({});
  const services: Record<string, unknown> = {
    postgres: {
      image: 'postgres:15',
      environment: { POSTGRES_USER: 'fitness', POSTGRES_PASSWORD: 'fitness', POSTGRES_DB: 'fitness' },
      volumes: ['pgdata:/var/lib/postgresql/data'],
      healthcheck: {
        test: ['CMD-SHELL', 'pg_isready -U fitness -d fitness'],
        interval: '5s',
        timeout: '3s',
        retries: 10,
      },
    },
    redis: {
      image: 'redis:7',
      command: ['redis-server', '--appendonly', 'yes'],
      volumes: ['redisdata:/data'],
      healthcheck: { test: ['CMD', 'redis-cli', 'ping'], interval: '5s', timeout: '3s', retries: 10 },
    },
    migrate: {
      ...app,
      restart: 'no',
      command: ['node', '--import', 'tsx', 'stack/migrate.ts'],
      environment: COMMON_ENV,
      depends_on: { postgres: { condition: 'service_healthy' } },
    },
  };
  for (const name of SUBGRAPH_NAMES) {
    const port = portOf(defaults, name);
    services[name] = {
      ...app,
      command: ['node', '--import', 'tsx', `subgraphs/${name}/main.ts`],
      environment: { ...COMMON_ENV, [`${name.toUpperCase()}_PORT`]: String(port), ...SERVICE_ENV[name] },
      expose: [String(port)],
      deploy: { replicas: REPLICAS },
      healthcheck: probe(port, '/ready'),
      depends_on: {
        migrate: { condition: 'service_completed_successfully' },
        redis: { condition: 'service_healthy' },
      },
    };
  }
  for (const worker of WORKERS) {
    if (!(SUBGRAPH_NAMES as readonly string[]).includes(worker.subgraph)) continue;
    services[worker.name] = {
      ...app,
      command: worker.command,
      environment: { ...COMMON_ENV, ...SERVICE_ENV[worker.subgraph] },
      depends_on: {
        migrate: { condition: 'service_completed_successfully' },
        redis: { condition: 'service_healthy' },
      },
    };
  }
  services.gateway = {
    ...app,
    // Compiled by `npm run build` in the image: no tsx loader thread and source maps in the
    // process that takes all client traffic (about 75 MB of resident memory); flags in
    // gateway/node-flags.ts.
    command: ['node', ...GATEWAY_NODE_FLAGS, 'dist/gateway/main.js'],
    environment: {
      ...COMMON_ENV,
      GATEWAY_PORT: String(defaults.GATEWAY_PORT),
      // The load balancers in front of the gateway whose X-Forwarded-For entries name the client.
      // One: the loadbalancer service (more when another balancer sits in front of it).
      TRUST_PROXY_HOPS: '${TRUST_PROXY_HOPS:-1}',
      SUBGRAPH_URLS: SUBGRAPH_NAMES.map((n) => `${n}=http://${n}:${portOf(defaults, n)}/graphql`).join(','),
    },
    expose: [String(defaults.GATEWAY_PORT)],
    deploy: { replicas: REPLICAS },
    healthcheck: probe(defaults.GATEWAY_PORT, '/health'),
    depends_on: {
      ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, { condition: 'service_healthy' }])),
      redis: { condition: 'service_healthy' },
    },
  };
  services.loadbalancer = {
    image: 'haproxy:2.6',
    restart: 'unless-stopped',
    volumes: ['./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro'],
    ports: [`${defaults.GATEWAY_PORT}:${defaults.GATEWAY_PORT}`],
    depends_on: { gateway: { condition: 'service_healthy' } },
  };
  const header =
    '# Generated by `npx tsx scripts/docker-compose.ts` from schema/subgraphs.ts; edit the script, not this file.\n' +
    '# The production shape: PostgreSQL, Redis, a one-shot migration, two replicas of each subgraph and\n' +
    '# of the gateway, HAProxy in front of the gateways. `npm start` runs the same code in one process.\n';
  return (
    header +
    stringify({ services, volumes: { pgdata: null, redisdata: null } }, { lineWidth: 0, version: '1.1' })
  );
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  writeFileSync('docker-compose.yml', dockerComposeFile());
  mkdirSync('deploy', { recursive: true });
  writeFileSync('deploy/haproxy.cfg', haproxyConfigFile());
  console.log('wrote docker-compose.yml and deploy/haproxy.cfg');
}
