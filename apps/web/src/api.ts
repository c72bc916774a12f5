import { ApiError, type ApiErrorDetail, createClient } from '@fitness/client';

/**
 * Where the gateway is: a `<meta name="fitness-gateway-url">` filled in by whoever serves the page
 * (tests do), else VITE_GATEWAY_URL at build time, else the development gateway.
 */
export const GATEWAY_URL =
  document.querySelector<HTMLMetaElement>('meta[name="fitness-gateway-url"]')?.content ||
  import.meta.env.VITE_GATEWAY_URL ||
  'http://localhost:4000/graphql';

/**
 * The session is the gateway's HttpOnly cookie: the page never sees a token. Cross-origin in
 * development (the app on :5173, the gateway on :4000), so every request sends credentials.
 */
export const client = createClient({ url: GATEWAY_URL, session: { kind: 'cookie' } });

/** The user's local day (YYYY-MM-DD) in an IANA zone, `offsetDays` from today. */
export function localDay(timeZone: string, offsetDays = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offsetDays);
  return date.toISOString().slice(0, 10);
}

/** The last `days` local days, today included, as a LocalDateRange. */
export function lastDays(timeZone: string, days: number): { from: string; to: string } {
  return { from: localDay(timeZone, 1 - days), to: localDay(timeZone, 0) };
}

/** The device's zone, sent at sign-up. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A readable line for an error, with the wait for RATE_LIMITED. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return describeDetail(error.errors[0], error.message);
  if (error instanceof TypeError) return 'The server cannot be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : String(error);
}

function describeDetail(detail: ApiErrorDetail | undefined, fallback: string): string {
  if (!detail) return fallback;
  if (detail.code === 'RATE_LIMITED')
    return `Too many requests: try again in ${detail.retryAfterSeconds ?? 60} seconds.`;
  if (detail.code === 'UNAUTHENTICATED') return 'Your session has ended: please sign in again.';
  return detail.message;
}

/** The retry wait of a RATE_LIMITED error, if that is what it is. */
export function retryAfterOf(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null;
  const limited = error.find('RATE_LIMITED');
  return limited ? (limited.retryAfterSeconds ?? 60) : null;
}

/** Money in integer cents as the plan's currency. */
export function money(cents: number, currency = 'USD'): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
}
