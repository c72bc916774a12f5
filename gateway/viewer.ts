import { HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { parseCookieHeader, setCookieLine, wireCookieName } from '../kit/client-cookies.js';
import { sha256Hex } from '../kit/crypto.js';
import { ErrorCode, serviceUnavailable } from '../kit/errors.js';
import { IDENTITY_HEADER, type Role, signIdentity, type Viewer } from '../kit/identity-header.js';
import type { KeyValueStore } from '../kit/kv.js';
import type { Logger } from '../kit/log.js';
import { VIEWER_CACHE_TTL_SECONDS, viewerCacheKey } from '../kit/viewer-cache.js';

const SESSION_QUERY = `query SessionViewer($token: String!) {
  sessionViewer(token: $token) { sessionId userId roles expiresAt }
}`;

/** Unknown tokens are remembered briefly too, so a flood of bad tokens does not reach identity. */
const NEGATIVE_TTL_SECONDS = 5;

export interface ViewerResolverOptions {
  identityUrl: () => string;
  secret: string;
  kv: KeyValueStore;
  log: Logger;
  fetch?: typeof fetch;
  /** Runs an operation through the supergraph as the given viewer (for trainer id and entitlements). */
  executeAsViewer?: (query: string, viewer: Viewer) => Promise<Record<string, any> | null>;
  apiSchema?: GraphQLSchema;
}

/** The session cookie's plain name; on the wire `__Host-session` where cookies are Secure. */
export const SESSION_COOKIE = 'session';

const TOKEN = /^[A-Za-z0-9._~+/=-]{16,128}$/;

/**
 * The session credential a request presents: `Authorization: Bearer <token>`, or without that
 * header the session cookie under its wire name. Null when the request presents none (anonymous);
 * `token` null when what it presents cannot be a token at all.
 */
export interface SessionCredential {
  token: string | null;
  fromCookie: boolean;
}

export function sessionCredentialFrom(
  headers: Record<string, string | string[] | undefined>,
  secureCookies: boolean,
): SessionCredential | null {
  const authorization = headers.authorization;
  const auth = Array.isArray(authorization) ? authorization[0] : authorization;
  if (auth?.trim()) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    const token = match?.[1] ?? '';
    return { token: TOKEN.test(token) ? token : null, fromCookie: false };
  }
  const value = parseCookieHeader(headers.cookie).get(wireCookieName(SESSION_COOKIE, secureCookies));
  if (value === undefined) return null;
  return { token: TOKEN.test(value) ? value : null, fromCookie: true };
}

/** Why a presented credential gave no viewer, for the client to send its user to sign-in. */
export type UnauthenticatedReason = 'INVALID_TOKEN' | 'SESSION_ENDED';

/**
 * The answer to a request whose credential names no live session: HTTP 401 with
 * `UNAUTHENTICATED` and a reason, instead of running it anonymously, so an app notices at once
 * that its user is signed out. A session cookie that no longer works is cleared on the way.
 */
export function sessionRefused(
  reason: UnauthenticatedReason,
  credential: SessionCredential,
  secureCookies: boolean,
): GraphQLError {
  const headers = new HeaderMap([['www-authenticate', 'Bearer error="invalid_token"']]);
  if (credential.fromCookie)
    headers.set(
      'set-cookie',
      setCookieLine({ name: SESSION_COOKIE, value: '', maxAgeSeconds: 0 }, secureCookies),
    );
  const message =
    reason === 'INVALID_TOKEN'
      ? 'The session token is malformed; sign in again.'
      : 'The session has ended (signed out, expired or revoked); sign in again.';
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, reason, http: { status: 401, headers } },
  });
}

/**
 * The selection that enriches the viewer, built from what the supergraph offers: as soon as a
 * subgraph contributes User.trainer or User.entitlements, the viewer carries them, without
 * identity knowing those subgraphs.
 */
export function viewerExtrasQuery(apiSchema: GraphQLSchema | undefined): string | null {
  const user = apiSchema?.getType('User') as { getFields?: () => Record<string, unknown> } | undefined;
  const fields = user?.getFields?.() ?? {};
  const selections: string[] = [];
  if ('trainer' in fields) selections.push('trainer { id }');
  if ('entitlements' in fields) selections.push('entitlements');
  return selections.length > 0 ? `query ViewerExtras { me { ${selections.join(' ')} } }` : null;
}

export class ViewerResolver {
  private readonly extrasQuery: string | null;
  /**
   * Look-ups of a session under way, by session id: callers that miss the cache while one runs
   * wait for it instead of asking identity again. Without it, a session whose cache entry
   * expires sends one request per caller (each of its subscription connections re-checks every
   * 2 s), and once identity answers slower than that, each round adds more requests than it
   * completes.
   */
  private readonly inFlight = new Map<string, Promise<Viewer | null>>();
  constructor(private readonly options: ViewerResolverOptions) {
    this.extrasQuery = viewerExtrasQuery(options.apiSchema);
  }

  async resolve(token: string | null, ip: string | null, requestId: string): Promise<Viewer | null> {
    if (!token) return null;
    const sessionId = sha256Hex(token);
    const cacheKey = viewerCacheKey(sessionId);
    const cached = await this.options.kv.get(cacheKey);
    if (cached !== undefined) return JSON.parse(cached) as Viewer | null;

    const running = this.inFlight.get(sessionId);
    // Each caller gets a copy of its own, as from the cache.
    if (running) return running.then((viewer) => (viewer ? structuredClone(viewer) : null));
    const lookup = (async () => {
      const viewer = await this.fromIdentity(token, ip, requestId);
      if (viewer) await this.enrich(viewer);
      await this.options.kv.set(
        cacheKey,
        JSON.stringify(viewer),
        viewer ? VIEWER_CACHE_TTL_SECONDS : NEGATIVE_TTL_SECONDS,
      );
      return viewer;
    })();
    this.inFlight.set(sessionId, lookup);
    try {
      const viewer = await lookup;
      return viewer ? structuredClone(viewer) : null;
    } finally {
      this.inFlight.delete(sessionId);
    }
  }

  private async fromIdentity(token: string, ip: string | null, requestId: string): Promise<Viewer | null> {
    const doFetch = this.options.fetch ?? fetch;
    let body: {
      data?: { sessionViewer: { sessionId: string; userId: string; roles: Role[] } | null };
      errors?: unknown[];
    };
    try {
      const response = await doFetch(this.options.identityUrl(), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: signIdentity({ viewer: null, service: 'gateway', ip }, this.options.secret),
          'x-request-id': requestId,
        },
        body: JSON.stringify({ query: SESSION_QUERY, variables: { token } }),
        signal: AbortSignal.timeout(5000),
      });
      body = (await response.json()) as typeof body;
    } catch (error) {
      this.options.log.error({ err: error, requestId }, 'identity unreachable for viewer resolution');
      throw serviceUnavailable('Sessions cannot be checked right now; try again shortly.');
    }
    if (body.errors?.length) {
      // Codes only: a message may quote the variables, and the variable here is the session token.
      const codes = body.errors.map(
        (error) => (error as { extensions?: { code?: unknown } })?.extensions?.code,
      );
      this.options.log.error({ codes, requestId }, 'viewer resolution failed');
      throw serviceUnavailable('Sessions cannot be checked right now; try again shortly.');
    }
    const found = body.data?.sessionViewer;
    return found ? { userId: found.userId, sessionId: found.sessionId, roles: found.roles } : null;
  }

  private async enrich(viewer: Viewer): Promise<void> {
    if (!this.extrasQuery || !this.options.executeAsViewer) return;
    try {
      const data = await this.options.executeAsViewer(this.extrasQuery, viewer);
      const me = data?.me;
      if (me && 'trainer' in me) viewer.trainerId = me.trainer?.id ?? null;
      if (me && 'entitlements' in me) viewer.entitlements = me.entitlements ?? [];
    } catch (error) {
      // A viewer without extras still works for everything but trainer- and plan-gated fields.
      this.options.log.warn({ err: error }, 'viewer extras unavailable');
    }
  }
}
