import type { SampleInput } from '../ingest.js';
import { type ProviderConfig, type PullAdapter, requestJson, tokenSetFrom } from './common.js';

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
const MAX_DAYS_BACK = 30;

/**
 * Garmin Health API (OAuth2): dailies pulled by upload time in 24-hour windows. A day is re-sent
 * as it grows; only complete days (durationInSeconds of a full day) give totals, while heart-rate
 * samples are taken from every summary (the unique key makes repeats no-ops).
 */
export function garminAdapter(config: ProviderConfig): PullAdapter {
  return {
    provider: 'garmin',

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

    async fetchSamples(accessToken, since, now) {
      const end = Math.floor(now.getTime() / 1000);
      let start = Math.max(Math.floor(since.getTime() / 1000), end - MAX_DAYS_BACK * 86_400);
      const samples: SampleInput[] = [];
      while (start < end) {
        const windowEnd = Math.min(start + WINDOW_SECONDS, end);
        const dailies = await requestJson<GarminDaily[]>(
          `${config.apiUrl}/wellness-api/rest/dailies?uploadStartTimeInSeconds=${start}&uploadEndTimeInSeconds=${windowEnd}`,
          { headers: { authorization: `Bearer ${accessToken}` } },
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
