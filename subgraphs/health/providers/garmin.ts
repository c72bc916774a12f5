import type { WearableSettings } from '../../../kit/env.js';
import type { SampleInput } from '../ingest.js';
import { type PullAdapter, requestJson, tokenSetFrom } from './common.js';

/*
 * Garmin Connect Developer Program, Health API. The specifications (OAuth2 PKCE, Health API,
 * Endpoint Configuration) are shared with approved partners only; the public pages are
 * https://developer.garmin.com/gc-developer-program/health-api/ ("Ping/Pull or Push
 * architecture", "backfill") and the program FAQ. What we rely on, as those specifications
 * describe it:
 * - OAuth 2.0 with PKCE: consent at connect.garmin.com/oauth2Confirm, tokens at
 *   diauth.garmin.com/di-oauth2-service/oauth/token (client id and secret in the form), refresh
 *   tokens rotate on use.
 * - GET /wellness-api/rest/user/id -> { userId }: the id every notification names.
 * - GET /wellness-api/rest/dailies?uploadStartTimeInSeconds&uploadEndTimeInSeconds: summaries
 *   by upload time, at most 24 hours per request.
 * - GET /wellness-api/rest/backfill/dailies?summaryStartTimeInSeconds&summaryEndTimeInSeconds:
 *   202 Accepted; the history (at most 90 days per request) is then delivered like new uploads,
 *   by ping or push.
 * - DELETE /wellness-api/rest/user/registration: deregisters the user (our revocation).
 * - Notifications (ping: `{ dailies: [{ userId, callbackURL }] }`; push: the summaries inline;
 *   `deregistrations: [{ userId }]`; `userPermissionsChange: [{ userId, permissions }]`) are
 *   POSTed by Garmin to the endpoint URLs configured in the developer portal. Garmin signs
 *   nothing; we configure a URL with a secret path token and check the `garmin-client-id`
 *   header against our client id (see webhooks.ts).
 */

/** A daily summary as the Garmin Health API returns it (Health API specification, "Dailies"). */
interface GarminDaily {
  summaryId: string;
  calendarDate: string;
  startTimeInSeconds: number;
  startTimeOffsetInSeconds: number;
  durationInSeconds: number;
  steps?: number;
  distanceInMeters?: number;
  activeKilocalories?: number;
  bmrKilocalories?: number;
  moderateIntensityDurationInSeconds?: number;
  vigorousIntensityDurationInSeconds?: number;
  /** Seconds after startTimeInSeconds -> beats per minute. */
  timeOffsetHeartRateSamples?: Record<string, number>;
  deviceName?: string;
}

/** The Health API serves at most 24 hours of uploads per request. */
const WINDOW_SECONDS = 86_400;
/** A pull by upload time reaches at most this far back; older history comes by backfill. */
const MAX_DAYS_BACK = 30;
/** One backfill request covers at most 90 days. */
const BACKFILL_MAX_SECONDS = 90 * 86_400;

/** The permissions a Garmin user can grant; without HEALTH_EXPORT there is nothing for us to read. */
export const GARMIN_REQUIRED_PERMISSION = 'HEALTH_EXPORT';

/**
 * Garmin Health API (OAuth2): dailies pulled by upload time in 24-hour windows. A day is re-sent
 * as it grows; only complete days (durationInSeconds of a full day) give totals, while heart-rate
 * samples are taken from every summary (the unique key makes repeats no-ops).
 */
export function garminAdapter(config: WearableSettings): PullAdapter {
  const get = <T>(path: string, accessToken: string) =>
    requestJson<T>(`${config.apiUrl}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
  return {
    provider: 'garmin',

    authorizationUrl({ state, codeChallenge, redirectUri }) {
      const url = new URL(config.authorizeUrl);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', config.clientId);
      url.searchParams.set('code_challenge', codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('state', state);
      return url.toString();
    },

    async exchangeCode(code, codeVerifier, redirectUri, now) {
      const body = await requestJson<Record<string, unknown>>(config.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: config.clientId,
          client_secret: config.clientSecret,
          code,
          code_verifier: codeVerifier,
          redirect_uri: redirectUri,
        }),
      });
      return tokenSetFrom(body, now);
    },

    async providerUserId(accessToken) {
      const body = await get<{ userId?: string }>('/wellness-api/rest/user/id', accessToken);
      return typeof body?.userId === 'string' ? body.userId : null;
    },

    async requestBackfill(accessToken, from, until) {
      let start = Math.floor(from.getTime() / 1000);
      const end = Math.floor(until.getTime() / 1000);
      while (start < end) {
        const chunkEnd = Math.min(start + BACKFILL_MAX_SECONDS, end);
        await get(
          `/wellness-api/rest/backfill/dailies?summaryStartTimeInSeconds=${start}&summaryEndTimeInSeconds=${chunkEnd}`,
          accessToken,
        );
        start = chunkEnd;
      }
    },

    async refresh(refreshToken, now) {
      const body = await requestJson<Record<string, unknown>>(config.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: config.clientId,
          client_secret: config.clientSecret,
          refresh_token: refreshToken,
        }),
      });
      return tokenSetFrom(body, now);
    },

    async fetchSamples(accessToken, since, until) {
      const end = Math.floor(until.getTime() / 1000);
      let start = Math.max(Math.floor(since.getTime() / 1000), end - MAX_DAYS_BACK * 86_400);
      const samples: SampleInput[] = [];
      while (start < end) {
        const windowEnd = Math.min(start + WINDOW_SECONDS, end);
        const dailies = await get<GarminDaily[]>(
          `/wellness-api/rest/dailies?uploadStartTimeInSeconds=${start}&uploadEndTimeInSeconds=${windowEnd}`,
          accessToken,
        );
        for (const daily of dailies ?? []) samples.push(...normalizeDaily(daily));
        start = windowEnd;
      }
      return samples;
    },

    async revoke(tokens) {
      if (!tokens.accessToken) return;
      await requestJson(`${config.apiUrl}/wellness-api/rest/user/registration`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${tokens.accessToken}` },
      });
    },
  };
}

export function normalizeDaily(daily: GarminDaily): SampleInput[] {
  const samples: SampleInput[] = [];
  const device = daily.deviceName ?? 'Garmin';
  const dayStart = new Date(daily.startTimeInSeconds * 1000);
  if (daily.durationInSeconds >= 86_400) {
    const add = (metricType: SampleInput['metricType'], unit: string, value: number | undefined) => {
      if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
        samples.push({
          metricType,
          value,
          unit,
          source: 'GARMIN',
          sourceDevice: device,
          recordedAt: dayStart,
        });
      }
    };
    add('STEPS', 'count', daily.steps);
    add('DISTANCE', 'm', daily.distanceInMeters);
    add('CALORIES', 'kcal', (daily.activeKilocalories ?? 0) + (daily.bmrKilocalories ?? 0));
    add(
      'ACTIVE_MINUTES',
      'min',
      Math.round(
        ((daily.moderateIntensityDurationInSeconds ?? 0) + (daily.vigorousIntensityDurationInSeconds ?? 0)) /
          60,
      ),
    );
  }
  for (const [offset, bpm] of Object.entries(daily.timeOffsetHeartRateSamples ?? {})) {
    if (typeof bpm !== 'number' || bpm <= 0) continue;
    samples.push({
      metricType: 'HEART_RATE',
      value: bpm,
      unit: 'bpm',
      source: 'GARMIN',
      sourceDevice: device,
      recordedAt: new Date((daily.startTimeInSeconds + Number(offset)) * 1000),
    });
  }
  return samples;
}
