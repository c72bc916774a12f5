import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { type FakeHttpServer, type FakeRequest, type FakeResponse, routeHostsToFake } from './fake-http.js';

/** Who signs in at the fake provider. */
export interface FakeProfile {
  sub: string;
  email?: string;
  emailVerified?: boolean;
  firstName?: string;
}

type Provider = 'google' | 'apple' | 'yandex' | 'vk';

const AUTHORIZE_HOSTS: Record<string, Provider> = {
  'accounts.google.com': 'google',
  'appleid.apple.com': 'apple',
  'oauth.yandex.com': 'yandex',
  'oauth.vk.com': 'vk',
};

export const TEST_REDIRECT_URI = 'http://localhost:3000/oauth/callback';

/** Client settings for every provider, as a deployment would set them. */
export function providerEnv(): Record<string, string> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    OAUTH_REDIRECT_URIS: `${TEST_REDIRECT_URI},http://localhost:3000/settings/linked`,
    GOOGLE_CLIENT_ID: 'google-client',
    GOOGLE_CLIENT_SECRET: 'google-secret',
    APPLE_CLIENT_ID: 'com.fitness.web',
    APPLE_TEAM_ID: 'TEAM123456',
    APPLE_KEY_ID: 'KEY1234567',
    APPLE_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    YANDEX_CLIENT_ID: 'yandex-client',
    YANDEX_CLIENT_SECRET: 'yandex-secret',
    VK_CLIENT_ID: '5123456',
    VK_CLIENT_SECRET: 'vk-secret',
  };
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const idToken = (claims: Record<string, unknown>) =>
  `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.${randomBytes(16).toString('base64url')}`;

/**
 * Google, Apple, Yandex and VK as arctic sees them: token endpoints (checking PKCE, client
 * credentials and redirect URI like the real ones), Yandex's user-info endpoint. A test plays
 * the browser with authorize(): the provider "shows" its consent page and returns a code.
 */
export class FakeProviders {
  private server!: FakeHttpServer;
  private readonly codes = new Map<
    string,
    { provider: Provider; profile: FakeProfile; challenge: string | null; redirectUri: string | null }
  >();
  private readonly yandexTokens = new Map<string, FakeProfile>();
  /** Every access and refresh token handed out, to look for in the database. */
  readonly issuedTokens: string[] = [];

  async start() {
    this.server = await routeHostsToFake(
      [
        'accounts.google.com',
        'oauth2.googleapis.com',
        'appleid.apple.com',
        'oauth.yandex.com',
        'login.yandex.ru',
        'oauth.vk.com',
      ],
      (request) => this.handle(request),
    );
    return this;
  }

  stop() {
    return this.server.close();
  }

  get requests() {
    return this.server.requests;
  }

  /** The user consents at the provider: returns the code and state the provider redirects with. */
  authorize(authorizationUrl: string, profile: FakeProfile) {
    const url = new URL(authorizationUrl);
    const provider = AUTHORIZE_HOSTS[url.host];
    if (!provider) throw new Error(`not a provider URL: ${authorizationUrl}`);
    const code = `code-${randomBytes(8).toString('hex')}`;
    this.codes.set(code, {
      provider,
      profile,
      challenge: url.searchParams.get('code_challenge'),
      redirectUri: url.searchParams.get('redirect_uri'),
    });
    return { code, state: url.searchParams.get('state')! };
  }

  private tokens(prefix: string) {
    const access = `${prefix}-access-${randomBytes(12).toString('hex')}`;
    const refresh = `${prefix}-refresh-${randomBytes(12).toString('hex')}`;
    this.issuedTokens.push(access, refresh);
    return { access, refresh };
  }

  private redeem(provider: Provider, form: URLSearchParams) {
    const code = form.get('code') ?? '';
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (!grant || grant.provider !== provider || form.get('grant_type') !== 'authorization_code') return null;
    if (grant.redirectUri !== form.get('redirect_uri')) return null;
    if (grant.challenge) {
      const verifier = form.get('code_verifier') ?? '';
      const computed = createHash('sha256').update(verifier).digest('base64url');
      if (computed !== grant.challenge) return null;
    }
    return grant.profile;
  }

  private handle(request: FakeRequest): FakeResponse {
    const invalid = { status: 400, json: { error: 'invalid_grant', error_description: 'bad code' } };
    const route = `${request.method} ${request.host}${request.path}`;
    switch (route) {
      case 'POST oauth2.googleapis.com/token': {
        const basic = Buffer.from('google-client:google-secret').toString('base64');
        if (request.headers.authorization !== `Basic ${basic}`)
          return { status: 401, json: { error: 'invalid_client' } };
        const profile = this.redeem('google', request.form);
        if (!profile) return invalid;
        const { access, refresh } = this.tokens('google');
        return {
          json: {
            access_token: access,
            refresh_token: refresh,
            expires_in: 3599,
            token_type: 'Bearer',
            id_token: idToken({
              iss: 'https://accounts.google.com',
              sub: profile.sub,
              email: profile.email,
              email_verified: profile.emailVerified ?? false,
              given_name: profile.firstName,
            }),
          },
        };
      }
      case 'POST appleid.apple.com/auth/token': {
        // Apple's client secret is an ES256 JWT the client signs with its key.
        if ((request.form.get('client_secret') ?? '').split('.').length !== 3)
          return { status: 401, json: { error: 'invalid_client' } };
        const profile = this.redeem('apple', request.form);
        if (!profile) return invalid;
        const { access, refresh } = this.tokens('apple');
        return {
          json: {
            access_token: access,
            refresh_token: refresh,
            expires_in: 3600,
            token_type: 'Bearer',
            id_token: idToken({
              iss: 'https://appleid.apple.com',
              sub: profile.sub,
              email: profile.email,
              email_verified: String(profile.emailVerified ?? false),
            }),
          },
        };
      }
      case 'POST oauth.yandex.com/token': {
        const profile = this.redeem('yandex', request.form);
        if (!profile) return invalid;
        const { access, refresh } = this.tokens('yandex');
        this.yandexTokens.set(access, profile);
        return {
          json: { access_token: access, refresh_token: refresh, expires_in: 31536000, token_type: 'bearer' },
        };
      }
      case 'GET login.yandex.ru/info': {
        const token = /^OAuth (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1] ?? '';
        const profile = this.yandexTokens.get(token);
        if (!profile) return { status: 401, json: {} };
        return {
          json: {
            id: profile.sub,
            login: 'ylogin',
            default_email: profile.email,
            first_name: profile.firstName,
          },
        };
      }
      case 'POST oauth.vk.com/access_token': {
        if (request.form.get('client_secret') !== 'vk-secret')
          return { status: 401, json: { error: 'invalid_client' } };
        const profile = this.redeem('vk', request.form);
        if (!profile) return invalid;
        const { access } = this.tokens('vk');
        return {
          json: {
            access_token: access,
            expires_in: 86400,
            user_id: Number(profile.sub),
            email: profile.email,
          },
        };
      }
      default:
        return { status: 404, json: { error: `no fake for ${route}` } };
    }
  }
}
