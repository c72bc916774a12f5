import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Google Health API and the Garmin Health API at their HTTP boundary, for tests: one local
 * server that answers as the providers do, with the request and response shapes of their docs.
 * The health subgraph reaches it through the URL overrides of env.features.googleHealth and
 * env.features.garmin (wearableEnv), so the real adapters build, send and parse real HTTP.
 *
 * Google (https://developers.google.com/identity/protocols/oauth2/web-server,
 * https://developers.google.com/health/reference/rest/v4/users.dataTypes.dataPoints/list):
 * authorization code with PKCE S256 checked at the token endpoint, client id and secret in the
 * form, refresh tokens that do not rotate (the refresh answer has no refresh_token), `invalid_grant`
 * (400) for a revoked grant, dataPoints paged with pageSize/pageToken and filtered on an interval
 * start or a sample time, 429 with Retry-After when over quota.
 *
 * Garmin (Health API and OAuth2 PKCE specifications, partner-only; see
 * subgraphs/health/providers/garmin.ts): the same code flow, refresh tokens that rotate on use,
 * /wellness-api/rest/user/id, dailies by upload window of at most 86400 s, backfill requests
 * answered 202, deregistration by DELETE /wellness-api/rest/user/registration.
 */

export interface GoogleUser {
  healthUserId: string;
  /** Data points by data type id (steps, heart-rate, ...), as dataPoints.list returns them. */
  points: Record<string, Record<string, unknown>[]>;
}

export interface GarminUser {
  userId: string;
  dailies: { uploadedAt: number; body: Record<string, unknown> }[];
}

type Provider = 'google' | 'garmin';
interface Grant {
  provider: Provider;
  user: GoogleUser | GarminUser;
}

export const WEARABLE_CLIENTS = {
  google: { id: 'gh-client.apps.googleusercontent.com', secret: 'gh-secret' },
  garmin: { id: 'garmin-client', secret: 'garmin-secret' },
};
export const GOOGLE_WEBHOOK_SECRET = 'google-health-webhook-secret-123';
export const GARMIN_WEBHOOK_TOKEN = 'garmin-ping-token-0123456789';

export class FakeWearables {
  private server!: Server;
  url = '';
  readonly requests: { method: string; path: string; form: URLSearchParams }[] = [];
  private readonly codes = new Map<string, Grant & { challenge: string; redirectUri: string }>();
  private readonly access = new Map<string, Grant>();
  private readonly refresh = new Map<string, Grant>();
  /** Tokens the providers were asked to revoke, and Garmin deregistrations (by access token). */
  readonly revoked: string[] = [];
  /** Garmin backfill requests: [userId, start, end] in seconds. */
  readonly backfills: [string, number, number][] = [];
  /** The next N data requests answer 429 with this Retry-After. */
  private rateLimit: { provider: Provider; left: number; retryAfter: string } | null = null;
  /** Every token ever issued, to look for in the database. */
  readonly issuedTokens: string[] = [];

  async start() {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Settings a deployment would have, pointing at this fake. */
  env(): Record<string, string> {
    return {
      GOOGLE_HEALTH_CLIENT_ID: WEARABLE_CLIENTS.google.id,
      GOOGLE_HEALTH_CLIENT_SECRET: WEARABLE_CLIENTS.google.secret,
      GOOGLE_HEALTH_AUTHORIZE_URL: `${this.url}/google/o/oauth2/v2/auth`,
      GOOGLE_HEALTH_TOKEN_URL: `${this.url}/google/token`,
      GOOGLE_HEALTH_REVOKE_URL: `${this.url}/google/revoke`,
      GOOGLE_HEALTH_API_URL: `${this.url}/google`,
      GOOGLE_HEALTH_WEBHOOK_SECRET: GOOGLE_WEBHOOK_SECRET,
      GARMIN_CLIENT_ID: WEARABLE_CLIENTS.garmin.id,
      GARMIN_CLIENT_SECRET: WEARABLE_CLIENTS.garmin.secret,
      GARMIN_AUTHORIZE_URL: `${this.url}/garmin/oauth2Confirm`,
      GARMIN_TOKEN_URL: `${this.url}/garmin/di-oauth2-service/oauth/token`,
      GARMIN_API_URL: `${this.url}/garmin`,
      GARMIN_WEBHOOK_TOKEN,
    };
  }

  /** The user consents on the provider's page: the code and state it redirects back with. */
  authorize(authorizationUrl: string, user: GoogleUser | GarminUser) {
    const url = new URL(authorizationUrl);
    const provider: Provider = url.pathname.startsWith('/google/') ? 'google' : 'garmin';
    if (url.searchParams.get('client_id') !== WEARABLE_CLIENTS[provider].id) throw new Error('wrong client');
    if (url.searchParams.get('code_challenge_method') !== 'S256') throw new Error('PKCE S256 expected');
    const code = `code-${randomBytes(8).toString('hex')}`;
    this.codes.set(code, {
      provider,
      user,
      challenge: url.searchParams.get('code_challenge') ?? '',
      redirectUri: url.searchParams.get('redirect_uri') ?? '',
    });
    return { code, state: url.searchParams.get('state')! };
  }

  /** The user revokes access at the provider: every token of theirs stops working. */
  revokeUser(user: GoogleUser | GarminUser) {
    for (const map of [this.access, this.refresh]) {
      for (const [token, grant] of map) if (grant.user === user) map.delete(token);
    }
  }

  /** Expires the user's access tokens, so the next sync must refresh. */
  expireAccess(user: GoogleUser | GarminUser) {
    for (const [token, grant] of this.access) if (grant.user === user) this.access.delete(token);
  }

  throttle(provider: Provider, requests: number, retryAfter: string) {
    this.rateLimit = { provider, left: requests, retryAfter };
  }

  count(pathPart: string) {
    return this.requests.filter((r) => r.path.includes(pathPart)).length;
  }

  private issue(grant: Grant, rotateFrom?: string) {
    const prefix = grant.provider === 'google' ? 'ya29' : 'gm';
    const accessToken = `${prefix}-access-${randomBytes(10).toString('hex')}`;
    this.access.set(accessToken, grant);
    this.issuedTokens.push(accessToken);
    if (grant.provider === 'google' && rotateFrom) return { accessToken, refreshToken: undefined };
    if (rotateFrom) this.refresh.delete(rotateFrom);
    const refreshToken = `${prefix}-refresh-${randomBytes(10).toString('hex')}`;
    this.refresh.set(refreshToken, grant);
    this.issuedTokens.push(refreshToken);
    return { accessToken, refreshToken };
  }

  private async serve(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const form = new URLSearchParams(body);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, form });
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    const provider: Provider = url.pathname.startsWith('/google/') ? 'google' : 'garmin';
    const path = url.pathname.replace(/^\/(google|garmin)/, '');

    // Token endpoints (RFC 6749 section 4.1.3 and 6; errors as section 5.2).
    if (req.method === 'POST' && (path === '/token' || path === '/di-oauth2-service/oauth/token')) {
      const client = WEARABLE_CLIENTS[provider];
      if (form.get('client_id') !== client.id || form.get('client_secret') !== client.secret) {
        return send(401, { error: 'invalid_client' });
      }
      const invalid = () => send(400, { error: 'invalid_grant', error_description: 'Bad Request' });
      if (form.get('grant_type') === 'authorization_code') {
        const grant = this.codes.get(form.get('code') ?? '');
        this.codes.delete(form.get('code') ?? '');
        if (!grant || grant.provider !== provider || grant.redirectUri !== form.get('redirect_uri'))
          return invalid();
        const computed = createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest('base64url');
        if (computed !== grant.challenge) return invalid();
        const tokens = this.issue(grant);
        return send(200, {
          access_token: tokens.accessToken,
          expires_in: provider === 'google' ? 3599 : 86_400,
          refresh_token: tokens.refreshToken,
          token_type: 'Bearer',
          scope:
            provider === 'google'
              ? 'https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly'
              : undefined,
        });
      }
      if (form.get('grant_type') === 'refresh_token') {
        const old = form.get('refresh_token') ?? '';
        const grant = this.refresh.get(old);
        if (!grant || grant.provider !== provider) return invalid();
        const tokens = this.issue(grant, old);
        return send(200, {
          access_token: tokens.accessToken,
          expires_in: provider === 'google' ? 3599 : 86_400,
          ...(tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {}),
          token_type: 'Bearer',
        });
      }
      return send(400, { error: 'unsupported_grant_type' });
    }
    if (req.method === 'POST' && provider === 'google' && path === '/revoke') {
      const token = form.get('token') ?? '';
      this.revoked.push(token);
      this.refresh.delete(token);
      this.access.delete(token);
      return send(200, {});
    }

    const bearer = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    const grant = this.access.get(bearer);
    if (!grant || grant.provider !== provider) {
      // Google: 401 UNAUTHENTICATED (https://cloud.google.com/apis/design/errors).
      return send(401, {
        error: {
          code: 401,
          status: 'UNAUTHENTICATED',
          message: 'Request had invalid authentication credentials.',
        },
      });
    }
    if (this.rateLimit && this.rateLimit.provider === provider && this.rateLimit.left > 0) {
      this.rateLimit.left -= 1;
      return send(
        429,
        { error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'Quota exceeded.' } },
        { 'retry-after': this.rateLimit.retryAfter },
      );
    }

    if (provider === 'google') {
      const user = grant.user as GoogleUser;
      if (req.method === 'GET' && path === '/v4/users/me/identity') {
        return send(200, { name: 'users/me/identity', healthUserId: user.healthUserId });
      }
      const match = path.match(/^\/v4\/users\/me\/dataTypes\/([a-z-]+)\/dataPoints$/);
      if (req.method === 'GET' && match) {
        const type = match[1]!;
        const filter = url.searchParams.get('filter') ?? '';
        const bounds = [...filter.matchAll(/(>=|<) "([^"]+)"/g)];
        const from = Date.parse(bounds.find((b) => b[1] === '>=')?.[2] ?? '');
        const to = Date.parse(bounds.find((b) => b[1] === '<')?.[2] ?? '');
        if (!Number.isFinite(from) || !Number.isFinite(to)) {
          return send(400, { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'Invalid filter.' } });
        }
        const at = (point: Record<string, any>) => {
          const member = Object.values(point).find(
            (v) => v && typeof v === 'object' && (v.interval || v.sampleTime),
          );
          return Date.parse(member?.interval?.startTime ?? member?.sampleTime?.physicalTime ?? '');
        };
        const matching = (user.points[type] ?? []).filter((p) => at(p) >= from && at(p) < to);
        const size = Math.min(Number(url.searchParams.get('pageSize') ?? 1440), 10_000);
        const offset = Number(url.searchParams.get('pageToken') ?? 0);
        const page = matching.slice(offset, offset + size);
        const next = offset + size < matching.length ? String(offset + size) : undefined;
        return send(200, { dataPoints: page, ...(next ? { nextPageToken: next } : {}) });
      }
      return send(404, { error: { code: 404, status: 'NOT_FOUND' } });
    }

    const user = grant.user as GarminUser;
    if (req.method === 'GET' && path === '/wellness-api/rest/user/id')
      return send(200, { userId: user.userId });
    if (req.method === 'DELETE' && path === '/wellness-api/rest/user/registration') {
      this.revoked.push(bearer);
      return send(204);
    }
    if (req.method === 'GET' && path === '/wellness-api/rest/backfill/dailies') {
      const start = Number(url.searchParams.get('summaryStartTimeInSeconds'));
      const end = Number(url.searchParams.get('summaryEndTimeInSeconds'));
      if (!(end > start) || end - start > 90 * 86_400) return send(400, { errorMessage: 'invalid range' });
      this.backfills.push([user.userId, start, end]);
      return send(202);
    }
    if (req.method === 'GET' && path === '/wellness-api/rest/dailies') {
      const start = Number(url.searchParams.get('uploadStartTimeInSeconds'));
      const end = Number(url.searchParams.get('uploadEndTimeInSeconds'));
      if (!(end > start) || end - start > 86_400) {
        return send(400, { errorMessage: 'timestamp range must be at most 86400 seconds' });
      }
      return send(
        200,
        user.dailies.filter((d) => d.uploadedAt >= start && d.uploadedAt < end).map((d) => d.body),
      );
    }
    return send(404);
  }
}
