import { formatPerZone } from '../../../kit/time-zones.js';
import type { SampleInput } from '../ingest.js';

/** The stored names of the providers the server pulls from. */
export type PulledProvider = 'google_health' | 'garmin';

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

/** The provider refused the grant (revoked, expired refresh token): the user must reconnect. */
export class GrantRejected extends Error {}

/** A transient failure (5xx, network): the next run retries. */
export class ProviderUnavailable extends Error {}

/** The provider answered 429: wait as its Retry-After says (retryAfterSeconds) before asking again. */
export class RateLimited extends Error {
  constructor(readonly retryAfter: string | null) {
    super('rate limited');
  }
}

/** What the connect flow and the sync worker need from each pulled provider. */
export interface PullAdapter {
  readonly provider: PulledProvider;
  /** The provider's consent page for this flow (authorization code with PKCE S256). */
  authorizationUrl(flow: { state: string; codeChallenge: string; redirectUri: string }): string;
  /** Redeems the code the provider sent to the redirect URI. */
  exchangeCode(code: string, codeVerifier: string, redirectUri: string, now: Date): Promise<TokenSet>;
  /** The provider's id of the user, which its notifications name. */
  providerUserId(accessToken: string): Promise<string | null>;
  refresh(refreshToken: string, now: Date): Promise<TokenSet>;
  /**
   * Samples recorded in [from, until), normalized to our types and units. Day totals only for days
   * that are complete by `now` (stored samples are immutable).
   */
  fetchSamples(accessToken: string, from: Date, until: Date, now: Date): Promise<SampleInput[]>;
  /** Asks the provider to send its history of [from, until) (Garmin backfill); optional. */
  requestBackfill?(accessToken: string, from: Date, until: Date): Promise<void>;
  revoke(tokens: { accessToken: string | null; refreshToken: string | null }): Promise<void>;
}

/** Retry-After as seconds: delta-seconds or an HTTP date (RFC 9110 section 10.2.3); 60 when absent or odd. */
export function retryAfterSeconds(header: string | null, now: number): number {
  if (!header) return 60;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(Math.ceil(seconds), 86_400);
  const at = Date.parse(header);
  if (Number.isFinite(at)) return Math.min(Math.max(Math.ceil((at - now) / 1000), 1), 86_400);
  return 60;
}

/**
 * A JSON request with the error mapping every adapter shares. Provider response bodies never
 * leave this function except as a short log line: nothing of them reaches a client.
 */
export async function requestJson<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new ProviderUnavailable(`request to ${new URL(url).host} failed: ${(error as Error).message}`);
  }
  if (response.status === 429) throw new RateLimited(response.headers.get('retry-after'));
  if (response.status === 401 || response.status === 403) {
    throw new GrantRejected(`${new URL(url).pathname} answered ${response.status}`);
  }
  if (response.status === 400) {
    const body = await response.text();
    if (/invalid_grant|invalid_token/.test(body)) throw new GrantRejected('invalid grant');
    throw new Error(`${new URL(url).pathname} answered 400`);
  }
  if (!response.ok) throw new ProviderUnavailable(`${new URL(url).pathname} answered ${response.status}`);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * An OAuth2 token response (RFC 6749 section 5.1) as our token set. A refresh answer without a
 * refresh_token (Google keeps the one it issued) keeps the previous one.
 */
export function tokenSetFrom(
  body: { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown },
  now: Date,
  previousRefreshToken?: string,
): TokenSet {
  const refreshToken = typeof body.refresh_token === 'string' ? body.refresh_token : previousRefreshToken;
  if (typeof body.access_token !== 'string' || !refreshToken) {
    throw new ProviderUnavailable('token response without tokens');
  }
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600;
  return {
    accessToken: body.access_token,
    refreshToken,
    expiresAt: new Date(now.getTime() + expiresIn * 1000),
  };
}

/** Wall-clock formatters of the providers' zones (formatPerZone). */
const partsFormats = new Map<string, Intl.DateTimeFormat>();
function formatFor(timeZone: string): Intl.DateTimeFormat {
  return formatPerZone(
    partsFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  );
}

/** The wall-clock time in a zone, as if it were UTC (ms). */
function wallClock(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
}

/** The instant a local date and time (as a provider reports them) names in a zone. */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const asUtc = Date.parse(`${date}T${time}Z`);
  const offset = wallClock(asUtc, timeZone) - asUtc;
  let utc = asUtc - offset;
  const corrected = wallClock(utc, timeZone) - utc;
  if (corrected !== offset) utc = asUtc - corrected;
  return new Date(utc);
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Date(wallClock(at.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** Every date from first to last, inclusive. */
export function datesBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
