/**
 * What production accepts as a secret. Anyone with the repository knows the values it ships
 * (development defaults, .env.example, validation placeholders), and a short or uniform value
 * can be guessed; either would let an attacker sign any viewer (IDENTITY_HEADER_SECRET), decrypt
 * stored provider tokens (ENCRYPTION_KEYS) or read metrics (METRICS_TOKEN).
 *
 * The problems returned here never quote the value: they end up in a container's log.
 */

/** The development defaults kit/env.ts falls back to outside production. */
export const DEV_SECRET = 'dev-only-identity-secret-change-me-0123456789';
export const DEV_ENCRYPTION_KEY = 'ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM='; // base64 of 32 bytes

/** Every secret string the repository ships; kit/env.test.ts keeps .env.example's values in it. */
export const SHIPPED_SECRETS: readonly string[] = [
  DEV_SECRET,
  'change-me-to-a-long-random-string-of-32-plus-characters', // .env.example
  'placeholder-secret-for-validation-only', // scripts/check.ts (compose validation)
];

/** Every encryption key (the base64 after "id:") the repository ships. */
export const SHIPPED_ENCRYPTION_KEYS: readonly string[] = [
  DEV_ENCRYPTION_KEY,
  'REPLACE_WITH_BASE64_OF_32_RANDOM_BYTES', // .env.example
  'placeholder', // scripts/check.ts, tests/docker-compose.test.ts
];

export const MIN_SECRET_BYTES = 32;
/** Random strings of 32+ characters have far more (64 hex characters: 16; base64: 25 or more). */
export const MIN_DISTINCT_CHARACTERS = 10;
/** 32 random bytes have 30 distinct values on average and fewer than 20 about never. */
export const MIN_DISTINCT_KEY_BYTES = 16;
const PLACEHOLDER_WORDS = /change-?me|replace|placeholder|example|dev-only/i;

/** A string is a shorter string repeated ("abcabcabc"): as guessable as its period. */
function isRepetition(value: string): boolean {
  return (value + value).indexOf(value, 1) < value.length;
}

/**
 * Why a shared secret (HMAC key, bearer token) is unfit for production, or null. The rule: at
 * least 32 bytes, not a value the repository ships, no placeholder words, at least 10 distinct
 * characters, and not a shorter string repeated.
 */
export function secretProblem(value: string): string | null {
  if (SHIPPED_SECRETS.includes(value.trim())) {
    return 'is a value shipped in the repository; generate your own (openssl rand -base64 32)';
  }
  if (Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES) {
    return `must be at least ${MIN_SECRET_BYTES} bytes of random data (openssl rand -base64 32)`;
  }
  if (PLACEHOLDER_WORDS.test(value)) return 'looks like a placeholder; generate a random value';
  if (new Set(value).size < MIN_DISTINCT_CHARACTERS || isRepetition(value)) {
    return 'has too little entropy to be random (too few distinct characters or a repeated pattern)';
  }
  return null;
}

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[\w-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Parses ENCRYPTION_KEYS ("id:base64,id2:base64"): the first key encrypts, all decrypt.
 * Returns the keys, or the problem (entries are named by position, never by content).
 */
export function parseEncryptionKeys(spec: string): { keys: EncryptionKey[] } | { problem: string } {
  const entries = spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (entries.length === 0) return { problem: 'must list at least one key as id:base64' };
  const keys: EncryptionKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator);
    const encoded = entry.slice(separator + 1);
    const which = `entry ${index + 1}`;
    if (separator < 0 || !KEY_ID.test(id)) return { problem: `${which} must look like id:base64` };
    if (keys.some((k) => k.id === id)) return { problem: `${which} repeats a key id` };
    const key = Buffer.from(encoded, 'base64');
    if (!BASE64.test(encoded) || key.length !== 32) {
      return { problem: `${which} must be 32 bytes, base64-encoded (openssl rand -base64 32)` };
    }
    keys.push({ id, key });
  }
  return { keys };
}

/**
 * Why ENCRYPTION_KEYS is unfit for production, or null: a malformed entry, a key the repository
 * ships (compared as bytes, so another spelling of it is caught too), or a key with fewer than 16
 * distinct byte values.
 */
export function encryptionKeysProblem(spec: string): string | null {
  const parsed = parseEncryptionKeys(spec);
  if ('problem' in parsed) return parsed.problem;
  const shipped = SHIPPED_ENCRYPTION_KEYS.map((encoded) => Buffer.from(encoded, 'base64'));
  for (const [index, { key }] of parsed.keys.entries()) {
    if (shipped.some((known) => known.equals(key))) {
      return `entry ${index + 1} is a key shipped in the repository; generate your own (openssl rand -base64 32)`;
    }
    if (new Set(key).size < MIN_DISTINCT_KEY_BYTES) {
      return `entry ${index + 1} has too little entropy to be 32 random bytes`;
    }
  }
  return null;
}
