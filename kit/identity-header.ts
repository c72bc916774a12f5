import { constantTimeEqual, hmacSha256 } from './crypto.js';

/** The header the gateway signs and every subgraph verifies. Nothing else is trusted as identity. */
export const IDENTITY_HEADER = 'x-fitness-identity';
/** Carries the request id from the gateway to subgraphs so their logs join up. */
export const REQUEST_ID_HEADER = 'x-request-id';
/**
 * The type of the client's operation (query, mutation, subscription) a subgraph fetch serves:
 * the gateway fetches entity fields with queries even inside a client's mutation, and a
 * mutation's reads must not go to a lagging replica (kit/db.ts, lagTolerant). Not identity: a
 * forged value could only send reads to the primary or to the replica.
 */
export const CLIENT_OPERATION_HEADER = 'x-fitness-client-operation';

export type Role = 'USER' | 'ADMIN';

/** Who is asking, as the gateway resolved it from the session. */
export interface Viewer {
  userId: string;
  sessionId: string;
  roles: Role[];
  trainerId?: string | null;
  entitlements?: string[];
}

/** What the header says: a viewer, or the gateway itself acting as a service, plus the client IP. */
export interface SignedIdentity {
  viewer: Viewer | null;
  /** Set when the gateway calls a subgraph for its own purposes (viewer resolution). */
  service: string | null;
  ip: string | null;
  /** Unix seconds after which the header is refused. */
  exp: number;
}

const VERSION = 'v1';

export function signIdentity(
  identity: Omit<SignedIdentity, 'exp'>,
  secret: string,
  options: { ttlSeconds?: number; now?: Date } = {},
): string {
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const payload: SignedIdentity = { ...identity, exp: now + (options.ttlSeconds ?? 60) };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const mac = hmacSha256(secret, `${VERSION}.${body}`).toString('base64url');
  return `${VERSION}.${body}.${mac}`;
}

/** Returns the identity when the header is well formed, correctly signed and unexpired; otherwise null. */
export function verifyIdentity(
  header: string | undefined | null,
  secret: string,
  now: Date = new Date(),
): SignedIdentity | null {
  if (!header || header.length > 8192) return null;
  const parts = header.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return null;
  const [, body, mac] = parts as [string, string, string];
  const expected = hmacSha256(secret, `${VERSION}.${body}`).toString('base64url');
  if (!constantTimeEqual(mac, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SignedIdentity;
    if (typeof payload.exp !== 'number' || payload.exp * 1000 < now.getTime()) return null;
    return {
      viewer: payload.viewer ?? null,
      service: payload.service ?? null,
      ip: payload.ip ?? null,
      exp: payload.exp,
    };
  } catch {
    return null;
  }
}
