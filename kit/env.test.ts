import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.js';
import { SHIPPED_ENCRYPTION_KEYS, SHIPPED_SECRETS } from './secret-strength.js';

/**
 * Production refuses secrets that anyone with the repository knows or could guess: the
 * development defaults, every value in .env.example, and values too short or too uniform to be
 * random. The error names the variable and never the value (it ends up in container logs).
 */
const strongSecret = () => randomBytes(32).toString('base64url');
const strongKey = () => `k1:${randomBytes(32).toString('base64')}`;
const production = (extra: Record<string, string | undefined>) => ({
  NODE_ENV: 'production',
  IDENTITY_HEADER_SECRET: strongSecret(),
  ENCRYPTION_KEYS: strongKey(),
  ...extra,
});

/** The refusal loadEnv throws, checked to name the variable and to leave the value out. */
function refusal(env: Record<string, string | undefined>, variable: string, value: string): string {
  let message = '';
  try {
    loadEnv(env);
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message, `${variable} was accepted`).toContain(variable);
  expect(message).not.toContain(value);
  // Not even a recognisable part of it.
  for (const part of value.split(/[,:]/).filter((p) => p.length >= 8)) expect(message).not.toContain(part);
  return message;
}

/** `NAME=value` lines of .env.example, commented out or not, for the given variables. */
function envExampleValues(names: string[]): { name: string; value: string }[] {
  const text = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
  const found: { name: string; value: string }[] = [];
  for (const line of text.split('\n')) {
    const match = /^#?\s*([A-Z_]+)=(\S*)/.exec(line);
    if (match && names.includes(match[1]!) && match[2]) found.push({ name: match[1]!, value: match[2] });
  }
  return found;
}

const SECRET_VARIABLES = ['IDENTITY_HEADER_SECRET', 'ENCRYPTION_KEYS', 'METRICS_TOKEN'];

describe('production secrets', () => {
  it('accepts random secrets of 32 bytes', () => {
    const env = loadEnv(production({ METRICS_TOKEN: strongSecret() }));
    expect(env.NODE_ENV).toBe('production');
    // openssl rand -hex 32 and -base64 32, as README and .env.example suggest.
    loadEnv(production({ IDENTITY_HEADER_SECRET: randomBytes(32).toString('hex') }));
    loadEnv(production({ IDENTITY_HEADER_SECRET: randomBytes(32).toString('base64') }));
    // Rotation: several keys, each random.
    loadEnv(production({ ENCRYPTION_KEYS: `k2:${randomBytes(32).toString('base64')},${strongKey()}` }));
  });

  it('refuses the development defaults (the variables left unset)', () => {
    refusal(
      production({ IDENTITY_HEADER_SECRET: undefined }),
      'IDENTITY_HEADER_SECRET',
      'dev-only-identity-secret',
    );
    refusal(production({ ENCRYPTION_KEYS: undefined }), 'ENCRYPTION_KEYS', 'ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXk');
  });

  it('refuses every secret value written in .env.example', () => {
    const values = envExampleValues(SECRET_VARIABLES);
    expect(values.map((v) => v.name)).toEqual(
      expect.arrayContaining(['IDENTITY_HEADER_SECRET', 'ENCRYPTION_KEYS']),
    );
    for (const { name, value } of values) refusal(production({ [name]: value }), name, value);
  });

  it('knows every secret value written in .env.example, so the list cannot drift from the file', () => {
    for (const { name, value } of envExampleValues(SECRET_VARIABLES)) {
      if (name === 'ENCRYPTION_KEYS') {
        for (const entry of value.split(',')) expect(SHIPPED_ENCRYPTION_KEYS).toContain(entry.split(':')[1]);
      } else {
        expect(SHIPPED_SECRETS).toContain(value);
      }
    }
  });

  it('refuses every other secret shipped in the repository, also as one of several keys', () => {
    for (const value of SHIPPED_SECRETS) {
      refusal(production({ IDENTITY_HEADER_SECRET: value }), 'IDENTITY_HEADER_SECRET', value);
      refusal(production({ METRICS_TOKEN: value }), 'METRICS_TOKEN', value);
    }
    for (const key of SHIPPED_ENCRYPTION_KEYS) {
      const spec = `k2:${randomBytes(32).toString('base64')},k1:${key}`;
      refusal(production({ ENCRYPTION_KEYS: spec }), 'ENCRYPTION_KEYS', key);
    }
  });

  it('refuses an identity secret or metrics token under 32 bytes', () => {
    const short = randomBytes(23).toString('base64url'); // 31 characters
    refusal(production({ IDENTITY_HEADER_SECRET: short }), 'IDENTITY_HEADER_SECRET', short);
    refusal(production({ METRICS_TOKEN: short }), 'METRICS_TOKEN', short);
  });

  it('refuses low-entropy identity secrets and metrics tokens', () => {
    for (const value of [
      'p'.repeat(40), // one character
      'ab'.repeat(20), // two distinct characters
      '0123456780123456780123456780123', // nine distinct characters
      'abcdefghijkl'.repeat(3), // a shorter string repeated
      'please-change-me-before-going-live-2026', // a placeholder, however long
    ]) {
      refusal(production({ IDENTITY_HEADER_SECRET: value }), 'IDENTITY_HEADER_SECRET', value);
      refusal(production({ METRICS_TOKEN: value }), 'METRICS_TOKEN', value);
    }
  });

  it('refuses encryption keys that are not 32 random bytes', () => {
    for (const key of [
      randomBytes(16).toString('base64'), // 16 bytes
      randomBytes(31).toString('base64'), // 31 bytes
      randomBytes(33).toString('base64'), // 33 bytes
      Buffer.alloc(32, 7).toString('base64'), // 32 equal bytes
      Buffer.from('ab'.repeat(16)).toString('base64'), // two distinct bytes
      'not base64 at all!!', // not base64
    ]) {
      refusal(production({ ENCRYPTION_KEYS: `k1:${key}` }), 'ENCRYPTION_KEYS', key);
    }
    for (const spec of [
      'k1',
      ':abc',
      `k1:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`,
    ]) {
      refusal(production({ ENCRYPTION_KEYS: spec }), 'ENCRYPTION_KEYS', spec);
    }
  });

  it('keeps the development defaults outside production', () => {
    const env = loadEnv({});
    expect(env.IDENTITY_HEADER_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(loadEnv({ NODE_ENV: 'test', IDENTITY_HEADER_SECRET: 'p'.repeat(40) }).NODE_ENV).toBe('test');
  });

  it('refuses malformed encryption keys in every mode, before a process opens its database', () => {
    refusal({ ENCRYPTION_KEYS: 'k1:short' }, 'ENCRYPTION_KEYS', 'k1:short');
  });
});

describe('read replica', () => {
  it('follows a PostgreSQL primary: DATABASE_REPLICA_URL alone is refused', () => {
    expect(() => loadEnv({ DATABASE_REPLICA_URL: 'postgres://replica/fitness' })).toThrow(
      /needs DATABASE_URL/,
    );
    const env = loadEnv({
      DATABASE_URL: 'postgres://primary/fitness',
      DATABASE_REPLICA_URL: 'postgres://replica/fitness',
    });
    expect(env.DATABASE_REPLICA_URL).toBe('postgres://replica/fitness');
  });
});

describe('features', () => {
  it('turns a feature on when all of its keys are set', () => {
    const env = loadEnv({ STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' });
    expect(env.features.stripe).toEqual({ secretKey: 'sk_test_1', webhookSecret: 'whsec_1' });
    const oauth = loadEnv({ GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 'secret' });
    expect(oauth.features.google).toEqual({ clientId: 'id', clientSecret: 'secret' });
    const wearable = loadEnv({ GOOGLE_HEALTH_CLIENT_ID: 'id', GOOGLE_HEALTH_CLIENT_SECRET: 'secret' });
    expect(wearable.features.googleHealth).toMatchObject({
      clientId: 'id',
      apiUrl: 'https://health.googleapis.com',
      tokenUrl: 'https://oauth2.googleapis.com/token',
    });
    expect(wearable.features.googleHealth?.webhookSecret).toBeUndefined();
    // The retired Fitbit Web API has no settings any more.
    expect(() => loadEnv({ GOOGLE_HEALTH_CLIENT_ID: 'id' })).toThrow(/GOOGLE_HEALTH_CLIENT_SECRET/);
  });

  it('leaves every feature off when none of its keys is set', () => {
    const { features } = loadEnv({});
    for (const feature of [
      'smtp',
      'stripe',
      'yookassa',
      'google',
      'apple',
      'yandex',
      'vk',
      'googleHealth',
      'garmin',
    ]) {
      expect(features[feature as keyof typeof features], feature).toBeUndefined();
    }
    // Settings beside the keys (another API address) do not switch a feature on.
    expect(loadEnv({ STRIPE_API_URL: 'http://127.0.0.1:1' }).features.stripe).toBeUndefined();
  });

  it('refuses a half-configured feature at start, naming the key that is missing', () => {
    const cases: [Record<string, string>, string][] = [
      [{ STRIPE_SECRET_KEY: 'sk_test_1' }, 'STRIPE_WEBHOOK_SECRET'],
      [{ STRIPE_WEBHOOK_SECRET: 'whsec_1' }, 'STRIPE_SECRET_KEY'],
      [{ YOOKASSA_SHOP_ID: '1' }, 'YOOKASSA_SECRET_KEY'],
      [{ GOOGLE_CLIENT_ID: 'id' }, 'GOOGLE_CLIENT_SECRET'],
      [{ APPLE_CLIENT_ID: 'id', APPLE_TEAM_ID: 't', APPLE_KEY_ID: 'k' }, 'APPLE_PRIVATE_KEY'],
      [{ VK_CLIENT_SECRET: 's' }, 'VK_CLIENT_ID'],
      [{ GARMIN_CLIENT_ID: 'id' }, 'GARMIN_CLIENT_SECRET'],
    ];
    for (const [env, missing] of cases) {
      expect(() => loadEnv(env), missing).toThrow(new RegExp(`${missing}: must be set`));
    }
  });

  it('reads feature keys only through features', () => {
    const env = loadEnv({ STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' });
    expect(env).not.toHaveProperty('STRIPE_SECRET_KEY');
    expect(env).not.toHaveProperty('MAIL_FROM');
  });
});
