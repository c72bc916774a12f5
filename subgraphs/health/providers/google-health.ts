import type { WearableSettings } from '../../../kit/env.js';
import type { SampleInput } from '../ingest.js';
import { type PullAdapter, requestJson, tokenSetFrom } from './common.js';

/**
 * Google Health API v4 (the successor of the Fitbit Web API, which answers 410 Gone since
 * 2 Nov 2026). References:
 * - OAuth 2.0 for web server apps (authorization code, PKCE, offline access, refresh, revoke):
 *   https://developers.google.com/identity/protocols/oauth2/web-server
 * - Scopes: https://developers.google.com/health/scopes
 * - Data types (dataType ids in URLs are hyphenated, e.g. heart-rate; record types interval and
 *   sample): https://developers.google.com/health/data-types
 * - users.dataTypes.dataPoints.list, `GET /v4/{parent=users/*\/dataTypes/*}/dataPoints` with an
 *   AIP-160 `filter` on `{type}.interval.start_time` (interval types) or `{type}.sample_time`,
 *   `pageSize` and `pageToken`, answering `{ dataPoints: DataPoint[], nextPageToken }`:
 *   https://developers.google.com/health/reference/rest/v4/users.dataTypes.dataPoints/list
 * - DataPoint: a union with one member per data type (`steps`, `heartRate`, `weight`, ...):
 *   https://developers.google.com/health/reference/rest/v4/users.dataTypes.dataPoints
 * - Rate limits: 429 with Retry-After, handled by the sync worker's backoff.
 * The field names of each member below are the ones the reference lists; int64 values arrive as
 * strings (Steps.count), as everywhere in Google's JSON mapping of protobuf.
 */
export const GOOGLE_HEALTH_SCOPES = [
  'https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly',
  'https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly',
  'https://www.googleapis.com/auth/googlehealth.sleep.readonly',
];

interface Interval {
  startTime: string;
  endTime: string;
}
/** The members of DataPoint we read. */
export interface GoogleDataPoint {
  name?: string;
  dataSource?: { device?: { displayName?: string } };
  steps?: { interval: Interval; count: string };
  distance?: { interval: Interval; millimeters: string };
  totalCalories?: { interval: Interval; kcal: number };
  activeMinutes?: { interval: Interval; activeMinutes: string };
  heartRate?: { sampleTime: { physicalTime: string }; beatsPerMinute: string };
  weight?: { sampleTime: { physicalTime: string }; weightGrams: number };
  sleep?: { interval: Interval; summary?: { minutesAsleep?: string } };
}

/** Our metric types and the data types (URL id, filter field) that carry them. */
const DATA_TYPES = [
  { id: 'steps', filter: 'steps.interval.start_time' },
  { id: 'distance', filter: 'distance.interval.start_time' },
  { id: 'total-calories', filter: 'total_calories.interval.start_time' },
  { id: 'active-minutes', filter: 'active_minutes.interval.start_time' },
  { id: 'heart-rate', filter: 'heart_rate.sample_time.physical_time' },
  { id: 'weight', filter: 'weight.sample_time.physical_time' },
  { id: 'sleep', filter: 'sleep.interval.start_time' },
] as const;

const PAGE_SIZE = 1440;
/** More pages than a day of minute points would need: a bound against a provider that never stops paging. */
const MAX_PAGES = 200;

const num = (value: string | number | undefined) => {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
};

/** One DataPoint as our samples: intraday as the platform records it (minute intervals, heart-rate samples). */
export function normalizeDataPoint(point: GoogleDataPoint): SampleInput[] {
  const device = point.dataSource?.device?.displayName?.slice(0, 100) || 'Google Health';
  const sample = (
    metricType: SampleInput['metricType'],
    unit: string,
    value: number | undefined,
    at: string,
  ) => {
    const recordedAt = new Date(at);
    if (value === undefined || value < 0 || Number.isNaN(recordedAt.getTime())) return [];
    if (value === 0 && metricType !== 'WEIGHT') return []; // empty minutes are no samples
    return [
      {
        metricType,
        value: Math.round(value * 100) / 100,
        unit,
        source: 'GOOGLE_HEALTH' as const,
        sourceDevice: device,
        recordedAt,
      },
    ];
  };
  if (point.steps) return sample('STEPS', 'count', num(point.steps.count), point.steps.interval.startTime);
  if (point.distance) {
    const mm = num(point.distance.millimeters);
    return sample(
      'DISTANCE',
      'm',
      mm === undefined ? undefined : mm / 1000,
      point.distance.interval.startTime,
    );
  }
  if (point.totalCalories)
    return sample('CALORIES', 'kcal', num(point.totalCalories.kcal), point.totalCalories.interval.startTime);
  if (point.activeMinutes)
    return sample(
      'ACTIVE_MINUTES',
      'min',
      num(point.activeMinutes.activeMinutes),
      point.activeMinutes.interval.startTime,
    );
  if (point.heartRate)
    return sample(
      'HEART_RATE',
      'bpm',
      num(point.heartRate.beatsPerMinute),
      point.heartRate.sampleTime.physicalTime,
    );
  if (point.weight) {
    const grams = num(point.weight.weightGrams);
    return sample(
      'WEIGHT',
      'kg',
      grams === undefined ? undefined : grams / 1000,
      point.weight.sampleTime.physicalTime,
    );
  }
  if (point.sleep) {
    const asleep = num(point.sleep.summary?.minutesAsleep);
    const span =
      (Date.parse(point.sleep.interval.endTime) - Date.parse(point.sleep.interval.startTime)) / 60_000;
    return sample(
      'SLEEP',
      'min',
      asleep ?? (Number.isFinite(span) ? Math.round(span) : undefined),
      point.sleep.interval.startTime,
    );
  }
  return [];
}

export function googleHealthAdapter(config: WearableSettings): PullAdapter {
  const tokenRequest = (form: Record<string, string>) =>
    requestJson<Record<string, unknown>>(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: config.clientId, client_secret: config.clientSecret, ...form }),
    });
  const get = <T>(path: string, accessToken: string) =>
    requestJson<T>(`${config.apiUrl}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });

  return {
    provider: 'google_health',

    authorizationUrl({ state, codeChallenge, redirectUri }) {
      const url = new URL(config.authorizeUrl);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', config.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('scope', GOOGLE_HEALTH_SCOPES.join(' '));
      url.searchParams.set('state', state);
      url.searchParams.set('code_challenge', codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
      // A refresh token is issued only for offline access, and again on a reconnect only with consent.
      url.searchParams.set('access_type', 'offline');
      url.searchParams.set('prompt', 'consent');
      return url.toString();
    },

    async exchangeCode(code, codeVerifier, redirectUri, now) {
      const body = await tokenRequest({
        grant_type: 'authorization_code',
        code,
        code_verifier: codeVerifier,
        redirect_uri: redirectUri,
      });
      return tokenSetFrom(body, now);
    },

    async providerUserId(accessToken) {
      // users.getIdentity: https://developers.google.com/health/reference/rest/v4/users/getIdentity
      const identity = await get<{ healthUserId?: string }>('/v4/users/me/identity', accessToken);
      return typeof identity?.healthUserId === 'string' ? identity.healthUserId : null;
    },

    async refresh(refreshToken, now) {
      const body = await tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
      return tokenSetFrom(body, now, refreshToken);
    },

    async fetchSamples(accessToken, from, until) {
      const samples: SampleInput[] = [];
      for (const type of DATA_TYPES) {
        const filter = `${type.filter} >= "${from.toISOString()}" AND ${type.filter} < "${until.toISOString()}"`;
        let pageToken: string | undefined;
        for (let page = 0; page < MAX_PAGES; page++) {
          const query = new URLSearchParams({ filter, pageSize: String(PAGE_SIZE) });
          if (pageToken) query.set('pageToken', pageToken);
          const answer = await get<{ dataPoints?: GoogleDataPoint[]; nextPageToken?: string }>(
            `/v4/users/me/dataTypes/${type.id}/dataPoints?${query}`,
            accessToken,
          );
          for (const point of answer?.dataPoints ?? []) samples.push(...normalizeDataPoint(point));
          pageToken = answer?.nextPageToken || undefined;
          if (!pageToken) break;
        }
      }
      return samples;
    },

    async revoke(tokens) {
      // https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke
      const token = tokens.refreshToken ?? tokens.accessToken;
      if (!token || !config.revokeUrl) return;
      await requestJson(config.revokeUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }),
      });
    },
  };
}
