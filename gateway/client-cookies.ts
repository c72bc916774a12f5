import {
  type ClientCookies,
  type CookieRequest,
  decodeCookieRequests,
  parseCookieHeader,
  wireCookieName,
} from '../kit/client-cookies.js';

/**
 * Which client cookies each subgraph owns (plain names; see kit/client-cookies.ts). Only the owner
 * may have the gateway set one, and only the owner is sent it; any other request is dropped.
 */
export const CLIENT_COOKIE_OWNERS: Readonly<Record<string, readonly string[]>> = {
  /**
   * The OAuth flow cookie oauthStart sets and oauthCallback requires (subgraphs/identity/oauth.ts),
   * and the session cookie sign-ins set with `session: COOKIE` and sign-outs clear.
   */
  identity: ['oauth_flow', 'session'],
  /**
   * The flow cookie of wearable connections: startHealthIntegration sets it, completeHealthIntegration
   * requires it (subgraphs/health/resolvers/Mutation.ts).
   */
  health: ['health_oauth_flow'],
};

/**
 * Cookies a subgraph may set but is never sent: the session token is read by the gateway alone
 * (gateway/viewer.ts), which hands subgraphs only the signed viewer.
 */
const NEVER_FORWARDED = new Set(['session']);

const ownedNames = [...new Set(Object.values(CLIENT_COOKIE_OWNERS).flat())].filter(
  (name) => !NEVER_FORWARDED.has(name),
);

/** The client's cookies that some subgraph owns, by plain name, read under their wire names. */
export function ownedClientCookies(
  cookieHeader: string | string[] | undefined,
  secure: boolean,
): Map<string, string> {
  const sent = parseCookieHeader(cookieHeader);
  const owned = new Map<string, string>();
  for (const name of ownedNames) {
    const value = sent.get(wireCookieName(name, secure));
    if (value !== undefined) owned.set(name, value);
  }
  return owned;
}

/** The client cookies to pass on to one subgraph: the ones it owns. */
export function cookiesForSubgraph(
  subgraph: string,
  cookies: ClientCookies | undefined,
): Map<string, string> {
  const forwarded = new Map<string, string>();
  for (const name of CLIENT_COOKIE_OWNERS[subgraph] ?? []) {
    const value = cookies?.get(name);
    if (value !== undefined) forwarded.set(name, value);
  }
  return forwarded;
}

/** Splits a subgraph's cookie requests into those it may make and the names it may not set. */
export function acceptCookieRequests(
  subgraph: string,
  header: string | null | undefined,
): { accepted: CookieRequest[]; refused: string[] } {
  const owned = CLIENT_COOKIE_OWNERS[subgraph] ?? [];
  const accepted: CookieRequest[] = [];
  const refused: string[] = [];
  for (const request of decodeCookieRequests(header)) {
    if (owned.includes(request.name)) accepted.push(request);
    else refused.push(request.name);
  }
  return { accepted, refused };
}
