import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { parseEncryptionKeys } from './secret-strength.js';

/** A random token with 160 bits of entropy, as the session recipe asks (>= 120 bits). */
export function generateToken(bytes = 20): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * The few HMAC secrets a process uses (the identity secret above all), each imported as a key once:
 * given as a string, every call would encode it and import it again (a third of a subgraph's
 * identity check).
 */
const hmacKeys = new Map<string, KeyObject>();
const MAX_HMAC_KEYS = 16;

export function hmacSha256(secret: string, value: string): Buffer {
  let key = hmacKeys.get(secret);
  if (!key) {
    if (hmacKeys.size >= MAX_HMAC_KEYS) hmacKeys.clear();
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    hmacKeys.set(secret, key);
  }
  return createHmac('sha256', key).update(value).digest();
}

/** Compares two secrets without leaking where they differ through timing. */
export function constantTimeEqual(a: string | Buffer, b: string | Buffer): boolean {
  const left = typeof a === 'string' ? Buffer.from(a) : a;
  const right = typeof b === 'string' ? Buffer.from(b) : b;
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

/**
 * AES-256-GCM with rotating keys. Keys come from env as "id:base64key,id2:base64key2"; the first
 * encrypts, every one decrypts. The stored form names its key: "<keyId>.<iv>.<tag>.<ciphertext>".
 */
export class SecretBox {
  private readonly keys = new Map<string, Buffer>();
  private readonly currentKeyId: string;

  constructor(spec: string) {
    const parsed = parseEncryptionKeys(spec);
    if ('problem' in parsed) throw new Error(`ENCRYPTION_KEYS: ${parsed.problem}`);
    for (const { id, key } of parsed.keys) this.keys.set(id, key);
    this.currentKeyId = parsed.keys[0]!.id;
  }

  encrypt(plaintext: string): string {
    const key = this.keys.get(this.currentKeyId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      this.currentKeyId,
      iv.toString('base64url'),
      tag.toString('base64url'),
      body.toString('base64url'),
    ].join('.');
  }

  decrypt(stored: string): string {
    const [keyId, iv, tag, body] = stored.split('.');
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (!key || !iv || !tag || body === undefined) throw new Error('undecryptable secret');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}
