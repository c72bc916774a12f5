import type { GraphQLSchema } from 'graphql';
import { sha256Hex } from '../kit/crypto.js';
import { serviceUnavailable } from '../kit/errors.js';
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

/** Reads the session token from `Authorization: Bearer` or the `session` cookie. */
export function sessionTokenFrom(headers: Record<string, string | string[] | undefined>): string | null {
  const authorization = headers.authorization;
  const auth = Array.isArray(authorization) ? authorization[0] : authorization;
  if (auth) {
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,128})$/i.exec(auth.trim());
    return match?.[1] ?? null;
  }
  const cookie = Array.isArray(headers.cookie) ? headers.cookie.join('; ') : headers.cookie;
  const fromCookie = cookie
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === 'session');
  const value = fromCookie?.[1];
  return value && /^[A-Za-z0-9._~+/=-]{16,128}$/.test(value) ? value : null;
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
  constructor(private readonly options: ViewerResolverOptions) {
    this.extrasQuery = viewerExtrasQuery(options.apiSchema);
  }

  async resolve(token: string | null, ip: string | null, requestId: string): Promise<Viewer | null> {
    if (!token) return null;
    const sessionId = sha256Hex(token);
    const cacheKey = viewerCacheKey(sessionId);
    const cached = await this.options.kv.get(cacheKey);
    if (cached !== undefined) return JSON.parse(cached) as Viewer | null;

    const viewer = await this.fromIdentity(token, ip, requestId);
    if (viewer) await this.enrich(viewer);
    await this.options.kv.set(
      cacheKey,
      JSON.stringify(viewer),
      viewer ? VIEWER_CACHE_TTL_SECONDS : NEGATIVE_TTL_SECONDS,
    );
    return viewer;
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
