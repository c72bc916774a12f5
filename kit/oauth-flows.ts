import { createHash } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import { index, type PgSchema, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { Clock } from './clock.js';
import { constantTimeEqual, generateToken, type SecretBox, sha256Hex } from './crypto.js';
import type { Executor } from './db.js';
import { badInput } from './errors.js';

/**
 * The rules every OAuth authorization-code flow of ours follows (sign-in in identity, wearable
 * connections in health), so that a `state` and `code` in anyone else's hands finish nothing:
 *
 * - `state` is random and stored only as its SHA-256; it lives OAUTH_FLOW_MS and is spent once
 *   (a DELETE ... RETURNING: two concurrent uses, one winner).
 * - The PKCE verifier (RFC 7636, S256) stays on the server, encrypted at rest (SecretBox).
 * - The flow is bound to the client that started it: it gets a flow secret of its own (browsers
 *   in an HttpOnly cookie the gateway sets, kit/client-cookies.ts; native apps in the answer),
 *   stored only as its hash. Completing without the matching secret leaves the state unspent,
 *   so a forged callback cannot end the real client's flow.
 * - The flow is bound to who started it (the signed-in viewer or nobody): completing as anyone
 *   else spends the state and fails.
 * - The redirect URI must be one of the deployment's registered callback pages, exactly.
 */

/** How long a flow may take from start to completion. */
export const OAUTH_FLOW_MS = 10 * 60 * 1000;
export const OAUTH_FLOW_SECONDS = OAUTH_FLOW_MS / 1000;

/** A PKCE code verifier: 32 random bytes, base64url (43 characters, RFC 7636 section 4.1). */
export function generateCodeVerifier(): string {
  return generateToken(32);
}

/** The S256 code challenge of a verifier (RFC 7636 section 4.2). */
export function codeChallengeS256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** Whether the flow secret a client presents is the one its flow was started with. */
export function flowSecretMatches(flowSecret: string | null | undefined, expectedHash: unknown): boolean {
  if (!flowSecret || flowSecret.length > 128 || typeof expectedHash !== 'string') return false;
  return constantTimeEqual(sha256Hex(flowSecret), expectedHash);
}

/**
 * Exact match against the comma-separated allowlist (OAUTH_REDIRECT_URIS): an authorization code
 * must never be sent anywhere else.
 */
export function checkRedirectUri(allowlist: string, redirectUri: string): string {
  const allowed = allowlist.split(',').map((uri) => uri.trim());
  if (!allowed.includes(redirectUri)) {
    throw badInput('redirectUri is not one of the registered callback addresses.', { field: 'redirectUri' });
  }
  return redirectUri;
}

/** A subgraph's table of flows under way; one row per started flow, deleted when it is completed. */
export function oauthFlowsTable(schema: PgSchema, name = 'oauth_flows') {
  return schema.table(
    name,
    {
      /** SHA-256 of `state`. */
      id: varchar('id', { length: 64 }).primaryKey(),
      /** Who started the flow; null for a flow started signed out. */
      userId: uuid('user_id'),
      provider: varchar('provider', { length: 32 }).notNull(),
      redirectUri: text('redirect_uri').notNull(),
      codeVerifierEncrypted: text('code_verifier_encrypted').notNull(),
      flowSecretHash: varchar('flow_secret_hash', { length: 64 }).notNull(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [index(`${name}_expires_idx`).on(t.expiresAt)],
  );
}
export type OAuthFlowsTable = ReturnType<typeof oauthFlowsTable>;

export interface StartedFlow {
  state: string;
  codeVerifier: string;
  flowSecret: string;
  expiresAt: Date;
}

/** Stores a new flow; returns what goes to the provider (state, verifier) and to the client (secret). */
export async function startFlow(
  db: Executor,
  table: OAuthFlowsTable,
  clock: Clock,
  secretBox: SecretBox,
  flow: { userId: string | null; provider: string; redirectUri: string },
): Promise<StartedFlow> {
  const now = clock.now();
  const state = generateToken();
  const codeVerifier = generateCodeVerifier();
  const flowSecret = generateToken();
  const expiresAt = new Date(now.getTime() + OAUTH_FLOW_MS);
  // Expired flows of anyone go on the way: the table only ever holds ten minutes' worth.
  await db.delete(table).where(lt(table.expiresAt, now));
  await db.insert(table).values({
    id: sha256Hex(state),
    userId: flow.userId,
    provider: flow.provider,
    redirectUri: flow.redirectUri,
    codeVerifierEncrypted: secretBox.encrypt(codeVerifier),
    flowSecretHash: sha256Hex(flowSecret),
    expiresAt,
    createdAt: now,
  });
  return { state, codeVerifier, flowSecret, expiresAt };
}

/**
 * Spends a flow for the client and viewer that started it; its redirect URI and PKCE verifier, or
 * null. A wrong or missing flow secret leaves the flow unspent; a live flow redeemed for another
 * provider or by another viewer is spent and refused.
 */
export async function redeemFlow(
  db: Executor,
  table: OAuthFlowsTable,
  clock: Clock,
  secretBox: SecretBox,
  attempt: { state: string; flowSecret: string | null; provider: string; userId: string | null },
): Promise<{ redirectUri: string; codeVerifier: string } | null> {
  if (attempt.state.length < 16 || attempt.state.length > 128) return null;
  const id = sha256Hex(attempt.state);
  const now = clock.now();
  const [pending] = await db
    .select({ flowSecretHash: table.flowSecretHash })
    .from(table)
    .where(and(eq(table.id, id), gt(table.expiresAt, now)))
    .limit(1);
  if (!pending || !flowSecretMatches(attempt.flowSecret, pending.flowSecretHash)) return null;
  const [row] = await db.delete(table).where(eq(table.id, id)).returning();
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  if (row.provider !== attempt.provider || (row.userId ?? null) !== attempt.userId) return null;
  return { redirectUri: row.redirectUri, codeVerifier: secretBox.decrypt(row.codeVerifierEncrypted) };
}
