import { z } from 'zod';
import {
  DEV_ENCRYPTION_KEY,
  DEV_SECRET,
  encryptionKeysProblem,
  parseEncryptionKeys,
  secretProblem,
} from './secret-strength.js';

/**
 * The only place that reads process.env. Every process entry (start-all, a subgraph's main,
 * the gateway's main, scripts) calls loadEnv() once and passes the values down.
 */

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const rawEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /**
     * A streaming replica of DATABASE_URL for reads that tolerate lag (search, health series,
     * product metrics) inside queries; see kit/db.ts, lagTolerant.
     */
    DATABASE_REPLICA_URL: z.string().url().optional(),
    PGLITE_DIR: z.string().default('.data/pglite'),
    REDIS_URL: z.string().url().optional(),
    /** `on`: REDIS_URL names a node of a Redis Cluster (kit/redis.ts). */
    REDIS_CLUSTER: z.enum(['off', 'on']).default('off'),
    /** Namespaces every Redis key and the event stream, so deployments (and test runs) can share a server. */
    REDIS_PREFIX: z
      .string()
      .regex(/^[\w:.-]{1,64}$/)
      .default('fit:'),
    IDENTITY_HEADER_SECRET: z.string().min(32).default(DEV_SECRET),
    ENCRYPTION_KEYS: z.string().default(`k1:${DEV_ENCRYPTION_KEY}`),
    /** Bearer token GET /metrics asks for in production; without it production serves no metrics. */
    METRICS_TOKEN: z.string().optional(),
    GATEWAY_PORT: port(4000),
    /** Operations the gateway executes at once before it answers new ones 503 with Retry-After. */
    GATEWAY_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(256),
    /**
     * Proxies (load balancers) in front of the gateway whose X-Forwarded-For entries are trusted.
     * 0: the client is the socket's peer and the header is ignored; N: the entry N places from the
     * right of the header followed by the peer (kit/client-address.ts). Per-client limits key on it.
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    IDENTITY_PORT: port(4001),
    TRAINING_PORT: port(4002),
    CONTENT_PORT: port(4003),
    BILLING_PORT: port(4004),
    HEALTH_PORT: port(4005),
    ANALYTICS_PORT: port(4006),
    HOST: z.string().default('0.0.0.0'),
    /** Comma-separated name=url pairs overriding where the gateway finds each subgraph. */
    SUBGRAPH_URLS: z.string().optional(),
    SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
    /** `npm start` outside production also serves the example web app (apps/web) with Vite's dev server; `off` leaves it out. */
    WEB_APP: z.enum(['dev', 'off']).default('dev'),
    /** Where a subgraph reaches the gateway for whole-graph work (exportMyData); the stack sets it itself. */
    GATEWAY_INTERNAL_URL: z.string().url().optional(),
    /** The frontend's base URL; links in mails (verify email, reset password) point there. */
    PUBLIC_APP_URL: z.string().url().default('http://localhost:3000'),
    /**
     * Comma-separated origins whose browsers may call the gateway cross-origin with credentials
     * (kit/cors.ts). Unset: the example web app's dev server in development, none otherwise.
     */
    CORS_ORIGINS: z.string().optional(),
    /** Trusted documents (gateway/trusted-documents.ts): `only` in production runs manifest documents alone. */
    TRUSTED_DOCUMENTS: z.enum(['off', 'allow', 'only']).default('allow'),
    /** The manifest codegen writes; default the client package's. */
    TRUSTED_DOCUMENTS_MANIFEST: z.string().min(1).optional(),
    /** smtp(s)://user:pass@host:port; without it mail goes to the dev mailbox (identity.dev_mailbox). */
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default('Fitness <no-reply@fitness.local>'),
    /** Comma-separated redirect URIs oauthStart accepts (exact match); the frontend's callback pages. */
    OAUTH_REDIRECT_URIS: z.string().default('http://localhost:3000/oauth/callback'),
    GOOGLE_CLIENT_ID: z.string().optional(),
    GOOGLE_CLIENT_SECRET: z.string().optional(),
    APPLE_CLIENT_ID: z.string().optional(),
    APPLE_TEAM_ID: z.string().optional(),
    APPLE_KEY_ID: z.string().optional(),
    /** The Sign in with Apple key, PKCS#8 PEM (newlines may be written as \n). */
    APPLE_PRIVATE_KEY: z.string().optional(),
    YANDEX_CLIENT_ID: z.string().optional(),
    YANDEX_CLIENT_SECRET: z.string().optional(),
    VK_CLIENT_ID: z.string().optional(),
    VK_CLIENT_SECRET: z.string().optional(),
    /**
     * Wearable providers the health sync worker pulls from; a provider is on when its client id and
     * secret are set. The URLs default to the providers' own and point at local fakes in tests.
     */
    GOOGLE_HEALTH_CLIENT_ID: z.string().optional(),
    GOOGLE_HEALTH_CLIENT_SECRET: z.string().optional(),
    GOOGLE_HEALTH_AUTHORIZE_URL: z.string().url().default('https://accounts.google.com/o/oauth2/v2/auth'),
    GOOGLE_HEALTH_TOKEN_URL: z.string().url().default('https://oauth2.googleapis.com/token'),
    GOOGLE_HEALTH_REVOKE_URL: z.string().url().default('https://oauth2.googleapis.com/revoke'),
    GOOGLE_HEALTH_API_URL: z.string().url().default('https://health.googleapis.com'),
    /** The bearer secret the Google Health API subscriber sends with each notification; none: notifications refused. */
    GOOGLE_HEALTH_WEBHOOK_SECRET: z.string().min(16).optional(),
    GARMIN_CLIENT_ID: z.string().optional(),
    GARMIN_CLIENT_SECRET: z.string().optional(),
    GARMIN_AUTHORIZE_URL: z.string().url().default('https://connect.garmin.com/oauth2Confirm'),
    GARMIN_API_URL: z.string().url().default('https://apis.garmin.com'),
    GARMIN_TOKEN_URL: z.string().url().default('https://diauth.garmin.com/di-oauth2-service/oauth/token'),
    /** The secret path segment of the Garmin endpoint URLs (/webhooks/garmin/<token>); none: pings refused. */
    GARMIN_WEBHOOK_TOKEN: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,128}$/)
      .optional(),
    /** Days of history the first sync of a new connection pulls, in the background. */
    HEALTH_BACKFILL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    HEALTH_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(60).default(900),
    /** Payment gateways (billing). A gateway is offered when all its keys are set (FEATURE_KEYS). */
    STRIPE_SECRET_KEY: z.string().optional(),
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    /** Another Stripe API address (a local test server); Stripe's own when unset. */
    STRIPE_API_URL: z.string().url().optional(),
    YOOKASSA_SHOP_ID: z.string().optional(),
    YOOKASSA_SECRET_KEY: z.string().optional(),
    YOOKASSA_API_URL: z.string().url().optional(),
    /** Days an unpaid renewal keeps a subscription active while it is retried. */
    BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(30).default(3),
    /**
     * Other intervals for the subgraphs' scheduled workers, by worker name, in seconds:
     * `billing.renew=60,analytics.cohorts=300`. A claimed worker runs once per such period
     * across the replicas (docs/scale-out.md). Unset: each worker's own interval.
     */
    WORKER_INTERVALS: z
      .string()
      .regex(
        /^[a-z]+\.[a-z-]+=[1-9]\d{0,6}(,[a-z]+\.[a-z-]+=[1-9]\d{0,6})*$/,
        'takes <subgraph>.<worker>=<seconds> pairs separated by commas',
      )
      .optional(),
    /** How often the renewal worker runs in the billing process; 0 turns it off. */
    BILLING_RENEWAL_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(3600),
    /**
     * Billing's development gateway and confirmation returns. BILLING_TEST_GATEWAY: `on` or `off`;
     * unset means on outside production, and `on` is refused in production (it takes no money).
     * BILLING_RETURN_URL: where a gateway's page (3-D Secure, a bank's form) sends the payer back,
     * with `?payment=<id>` added; PUBLIC_APP_URL + /billing/return when unset.
     */
    BILLING_TEST_GATEWAY: z.enum(['on', 'off']).optional(),
    BILLING_RETURN_URL: z.string().url().optional(),
    /** Sberbank acquiring: the merchant's API login, its callback token, another REST root for tests. */
    SBERBANK_USERNAME: z.string().optional(),
    SBERBANK_PASSWORD: z.string().optional(),
    SBERBANK_CALLBACK_TOKEN: z.string().optional(),
    SBERBANK_API_URL: z.string().url().optional(),
    /** WebMoney Merchant: comma-separated purses (Z, E or P: USD, EUR, RUB), the Secret Key, another payment page for tests. */
    WEBMONEY_PURSES: z
      .string()
      .regex(/^[ZEP]\d{12}(,[ZEP]\d{12})*$/, 'Z, E or P purses (a letter and 12 digits), comma-separated')
      .optional(),
    WEBMONEY_SECRET_KEY: z.string().optional(),
    WEBMONEY_MERCHANT_URL: z.string().url().optional(),
  })
  .superRefine((env, ctx) => {
    // A feature is on with all of its keys or off with none; half a configuration is a mistake
    // that would otherwise turn the feature off without a word.
    for (const [feature, keys] of Object.entries(FEATURE_KEYS)) {
      const set = keys.filter((key) => env[key] !== undefined);
      if (set.length === 0 || set.length === keys.length) continue;
      for (const key of keys.filter((k) => env[k] === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `must be set: ${feature} is switched on by ${set.join(', ')} and needs ${keys.join(', ')}`,
        });
      }
    }
    if (env.DATABASE_REPLICA_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_REPLICA_URL'],
        message: 'needs DATABASE_URL: a replica follows a PostgreSQL primary',
      });
    }
    // A malformed key would fail the first encryption; refuse it at start, in every mode.
    const keys = parseEncryptionKeys(env.ENCRYPTION_KEYS);
    if ('problem' in keys) ctx.addIssue({ code: 'custom', path: ['ENCRYPTION_KEYS'], message: keys.problem });
    if (env.NODE_ENV !== 'production') return;
    // Production refuses secrets the repository ships and values too weak to be random
    // (kit/secret-strength.ts has the rule). Messages never quote the value.
    const secrets = { IDENTITY_HEADER_SECRET: env.IDENTITY_HEADER_SECRET, METRICS_TOKEN: env.METRICS_TOKEN };
    for (const [name, value] of Object.entries(secrets)) {
      const problem = value === undefined ? null : secretProblem(value);
      if (problem)
        ctx.addIssue({ code: 'custom', path: [name], message: `refused in production: ${problem}` });
    }
    if (env.SEED_DEMO === 'always') {
      ctx.addIssue({
        code: 'custom',
        path: ['SEED_DEMO'],
        message: 'refused in production: the demo accounts have passwords shipped in the repository',
      });
    }
    if (env.BILLING_TEST_GATEWAY === 'on') {
      ctx.addIssue({
        code: 'custom',
        path: ['BILLING_TEST_GATEWAY'],
        message: 'refused in production: the test gateway completes payments without taking money',
      });
    }
    const keysProblem = 'problem' in keys ? null : encryptionKeysProblem(env.ENCRYPTION_KEYS);
    if (keysProblem) {
      ctx.addIssue({
        code: 'custom',
        path: ['ENCRYPTION_KEYS'],
        message: `refused in production: ${keysProblem}`,
      });
    }
  });

type RawEnv = z.infer<typeof rawEnvSchema>;

/** A provider's OAuth client: its id and secret. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** A wearable provider's OAuth client, its endpoints and the secret its notifications carry. */
export interface WearableSettings extends ClientCredentials {
  authorizeUrl: string;
  tokenUrl: string;
  apiUrl: string;
  /** Token revocation endpoint, where the provider has one apart from the API. */
  revokeUrl?: string;
  /** Google: the subscriber's bearer secret; Garmin: the secret path token. Unset: notifications refused. */
  webhookSecret?: string;
}

/** The optional features of the deployment; a feature is present exactly when all its keys are set. */
export interface Features {
  /** Mail goes out through SMTP (identity); without it, to the dev mailbox outside production. */
  smtp?: { url: string; from: string };
  stripe?: { secretKey: string; webhookSecret: string; apiUrl?: string };
  yookassa?: { shopId: string; secretKey: string; apiUrl?: string };
  sberbank?: { userName: string; password: string; callbackToken: string; apiUrl?: string };
  webmoney?: { purses: string[]; secretKey: string; merchantUrl?: string };
  google?: ClientCredentials;
  apple?: { clientId: string; teamId: string; keyId: string; privateKey: string };
  yandex?: ClientCredentials;
  vk?: ClientCredentials;
  googleHealth?: WearableSettings;
  garmin?: WearableSettings;
}

/** The keys that switch each feature on: all of them, or none. */
const FEATURE_KEYS = {
  smtp: ['SMTP_URL'],
  stripe: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'],
  yookassa: ['YOOKASSA_SHOP_ID', 'YOOKASSA_SECRET_KEY'],
  sberbank: ['SBERBANK_USERNAME', 'SBERBANK_PASSWORD', 'SBERBANK_CALLBACK_TOKEN'],
  webmoney: ['WEBMONEY_PURSES', 'WEBMONEY_SECRET_KEY'],
  google: ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'],
  apple: ['APPLE_CLIENT_ID', 'APPLE_TEAM_ID', 'APPLE_KEY_ID', 'APPLE_PRIVATE_KEY'],
  yandex: ['YANDEX_CLIENT_ID', 'YANDEX_CLIENT_SECRET'],
  vk: ['VK_CLIENT_ID', 'VK_CLIENT_SECRET'],
  googleHealth: ['GOOGLE_HEALTH_CLIENT_ID', 'GOOGLE_HEALTH_CLIENT_SECRET'],
  garmin: ['GARMIN_CLIENT_ID', 'GARMIN_CLIENT_SECRET'],
} as const satisfies Record<keyof Features, readonly (keyof RawEnv)[]>;

/** The feature settings read only through `features`, never as loose keys. */
const FEATURE_SETTINGS = [
  ...Object.values(FEATURE_KEYS).flat(),
  'MAIL_FROM',
  'STRIPE_API_URL',
  'YOOKASSA_API_URL',
  'SBERBANK_API_URL',
  'WEBMONEY_MERCHANT_URL',
  'GOOGLE_HEALTH_AUTHORIZE_URL',
  'GOOGLE_HEALTH_TOKEN_URL',
  'GOOGLE_HEALTH_REVOKE_URL',
  'GOOGLE_HEALTH_API_URL',
  'GOOGLE_HEALTH_WEBHOOK_SECRET',
  'GARMIN_AUTHORIZE_URL',
  'GARMIN_API_URL',
  'GARMIN_TOKEN_URL',
  'GARMIN_WEBHOOK_TOKEN',
] as const satisfies readonly (keyof RawEnv)[];

/** The parsed environment: plain settings, and each optional feature as a whole or not at all. */
export type Env = Omit<RawEnv, (typeof FEATURE_SETTINGS)[number]> & { features: Features };

/** Both keys of a provider's client when both are set (the refinement refused one without the other). */
const credentials = (clientId?: string, clientSecret?: string): ClientCredentials | undefined =>
  clientId && clientSecret ? { clientId, clientSecret } : undefined;

function featuresOf(raw: RawEnv): Features {
  return {
    smtp: raw.SMTP_URL ? { url: raw.SMTP_URL, from: raw.MAIL_FROM } : undefined,
    stripe:
      raw.STRIPE_SECRET_KEY && raw.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: raw.STRIPE_SECRET_KEY,
            webhookSecret: raw.STRIPE_WEBHOOK_SECRET,
            apiUrl: raw.STRIPE_API_URL,
          }
        : undefined,
    yookassa:
      raw.YOOKASSA_SHOP_ID && raw.YOOKASSA_SECRET_KEY
        ? { shopId: raw.YOOKASSA_SHOP_ID, secretKey: raw.YOOKASSA_SECRET_KEY, apiUrl: raw.YOOKASSA_API_URL }
        : undefined,
    sberbank:
      raw.SBERBANK_USERNAME && raw.SBERBANK_PASSWORD && raw.SBERBANK_CALLBACK_TOKEN
        ? {
            userName: raw.SBERBANK_USERNAME,
            password: raw.SBERBANK_PASSWORD,
            callbackToken: raw.SBERBANK_CALLBACK_TOKEN,
            apiUrl: raw.SBERBANK_API_URL,
          }
        : undefined,
    webmoney:
      raw.WEBMONEY_PURSES && raw.WEBMONEY_SECRET_KEY
        ? {
            purses: raw.WEBMONEY_PURSES.split(','),
            secretKey: raw.WEBMONEY_SECRET_KEY,
            merchantUrl: raw.WEBMONEY_MERCHANT_URL,
          }
        : undefined,
    google: credentials(raw.GOOGLE_CLIENT_ID, raw.GOOGLE_CLIENT_SECRET),
    apple:
      raw.APPLE_CLIENT_ID && raw.APPLE_TEAM_ID && raw.APPLE_KEY_ID && raw.APPLE_PRIVATE_KEY
        ? {
            clientId: raw.APPLE_CLIENT_ID,
            teamId: raw.APPLE_TEAM_ID,
            keyId: raw.APPLE_KEY_ID,
            privateKey: raw.APPLE_PRIVATE_KEY,
          }
        : undefined,
    yandex: credentials(raw.YANDEX_CLIENT_ID, raw.YANDEX_CLIENT_SECRET),
    vk: credentials(raw.VK_CLIENT_ID, raw.VK_CLIENT_SECRET),
    googleHealth: withUrls(credentials(raw.GOOGLE_HEALTH_CLIENT_ID, raw.GOOGLE_HEALTH_CLIENT_SECRET), {
      authorizeUrl: raw.GOOGLE_HEALTH_AUTHORIZE_URL,
      tokenUrl: raw.GOOGLE_HEALTH_TOKEN_URL,
      revokeUrl: raw.GOOGLE_HEALTH_REVOKE_URL,
      apiUrl: raw.GOOGLE_HEALTH_API_URL,
      webhookSecret: raw.GOOGLE_HEALTH_WEBHOOK_SECRET,
    }),
    garmin: withUrls(credentials(raw.GARMIN_CLIENT_ID, raw.GARMIN_CLIENT_SECRET), {
      authorizeUrl: raw.GARMIN_AUTHORIZE_URL,
      tokenUrl: raw.GARMIN_TOKEN_URL,
      apiUrl: raw.GARMIN_API_URL,
      webhookSecret: raw.GARMIN_WEBHOOK_TOKEN,
    }),
  };
}

function withUrls(
  client: ClientCredentials | undefined,
  urls: Omit<WearableSettings, keyof ClientCredentials>,
): WearableSettings | undefined {
  return client && { ...client, ...urls };
}

const envSchema = rawEnvSchema.transform((raw): Env => {
  const settings: Record<string, unknown> = { ...raw };
  for (const key of FEATURE_SETTINGS) delete settings[key];
  return { ...(settings as Omit<RawEnv, (typeof FEATURE_SETTINGS)[number]>), features: featuresOf(raw) };
});

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export function portOf(env: Env, subgraph: string): number {
  const key = `${subgraph.toUpperCase()}_PORT` as keyof Env;
  const value = env[key];
  if (typeof value !== 'number') throw new Error(`No port setting for subgraph ${subgraph}`);
  return value;
}

/**
 * Switches off @apollo/gateway's built-in telemetry: unless APOLLO_TELEMETRY_DISABLED is set when
 * an ApolloGateway is constructed, it probes the cloud metadata services (169.254.169.254,
 * metadata.google.internal) and sends usage metrics to Apollo every hour. The variable is the one
 * switch the library reads, so the gateway sets it here, where process.env is read and written.
 */
export function switchOffApolloTelemetry(): void {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
}
