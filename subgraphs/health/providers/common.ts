import type { SampleInput } from '../ingest.js';

/** OAuth2 client settings of one provider; the URLs point at a local fake in tests. */
export interface ProviderConfig {
  clientId: string;
  clientSecret: string;
  /** Base URL of the data API, without a trailing slash. */
  apiUrl: string;
  /** The OAuth2 token endpoint. */
  tokenUrl: string;
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

/** The provider refused the grant (revoked, expired refresh token): the user must reconnect. */
export class GrantRejected extends Error {}

/** A transient failure (5xx, rate limit, network): the next run retries. */
export class ProviderUnavailable extends Error {}

/** What the sync worker needs from each pulled provider. */
export interface PullAdapter {
  readonly provider: 'fitbit' | 'garmin';
  refresh(refreshToken: string, now: Date): Promise<TokenSet>;
  /** Samples for the complete days from `since` up to `now`, normalized to our types and units. */
  fetchSamples(accessToken: string, since: Date, now: Date): Promise<SampleInput[]>;
  revoke(tokens: { accessToken: string | null; refreshToken: string | null }): Promise<void>;
}

/** A JSON request with the error mapping every adapter shares. */
export async function requestJson<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new ProviderUnavailable(`request to ${new URL(url).host} failed: ${(error as Error).message}`);
  }
  if (response.status === 401 || response.status === 403) {
    throw new GrantRejected(`${new URL(url).pathname} answered ${response.status}`);
  }
  if (response.status === 400) {
    const body = await response.text();
    if (/invalid_grant|invalid_token/.test(body)) throw new GrantRejected('invalid grant');
    throw new Error(`${new URL(url).pathname} answered 400: ${body.slice(0, 200)}`);
  }
  if (!response.ok) throw new ProviderUnavailable(`${new URL(url).pathname} answered ${response.status}`);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** An OAuth2 token response (RFC 6749 section 5.1) as our token set. */
export function tokenSetFrom(
  body: { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown },
  now: Date,
): TokenSet {
  if (typeof body.access_token !== 'string' || typeof body.refresh_token !== 'string') {
    throw new ProviderUnavailable('token response without tokens');
  }
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600;
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    expiresAt: new Date(now.getTime() + expiresIn * 1000),
  };
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(timeZone, format);
  }
  return format;
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
