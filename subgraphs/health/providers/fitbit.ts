import type { SampleInput } from '../ingest.js';
import {
  datesBetween,
  localDate,
  type ProviderConfig,
  type PullAdapter,
  requestJson,
  tokenSetFrom,
  zonedToUtc,
} from './common.js';

/** The parts of the Fitbit Web API responses we read (dev.fitbit.com/build/reference/web-api). */
interface FitbitProfile {
  user: { timezone: string };
}
interface FitbitActivitySummary {
  summary: {
    steps?: number;
    caloriesOut?: number;
    distances?: { activity: string; distance: number }[];
    fairlyActiveMinutes?: number;
    veryActiveMinutes?: number;
  };
}
interface FitbitHeartIntraday {
  'activities-heart-intraday'?: { dataset: { time: string; value: number }[] };
}
interface FitbitSleep {
  summary?: { totalMinutesAsleep?: number };
}

/**
 * Fitbit: daily activity summaries (steps, calories, distance, active minutes), sleep, and
 * intraday heart rate per minute. Fitbit reports local dates and times in the user's profile
 * time zone; no Accept-Language header keeps the units metric (distance in km).
 */
export function fitbitAdapter(config: ProviderConfig): PullAdapter {
  const basic = `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')}`;
  const get = <T>(path: string, accessToken: string) =>
    requestJson<T>(`${config.apiUrl}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });

  return {
    provider: 'fitbit',

    async refresh(refreshToken, now) {
      const body = await requestJson<Record<string, unknown>>(config.tokenUrl, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
      });
      return tokenSetFrom(body, now);
    },

    async fetchSamples(accessToken, since, now) {
      const profile = await get<FitbitProfile>('/1/user/-/profile.json', accessToken);
      const zone = profile.user.timezone || 'UTC';
      // Only complete days: a day's totals still grow until it ends, and stored samples are immutable.
      const yesterday = localDate(new Date(now.getTime() - 86_400_000), zone);
      const first = localDate(since, zone);
      if (first > yesterday) return [];
      const samples: SampleInput[] = [];
      for (const day of datesBetween(first, yesterday)) {
        const midnight = zonedToUtc(day, '00:00:00', zone);
        const daily = (metricType: SampleInput['metricType'], unit: string, value: number | undefined) => {
          if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
            samples.push({
              metricType,
              value,
              unit,
              source: 'FITBIT',
              sourceDevice: 'Fitbit',
              recordedAt: midnight,
            });
          }
        };
        const activity = await get<FitbitActivitySummary>(
          `/1/user/-/activities/date/${day}.json`,
          accessToken,
        );
        const s = activity.summary ?? {};
        daily('STEPS', 'count', s.steps);
        daily('CALORIES', 'kcal', s.caloriesOut);
        const km = s.distances?.find((d) => d.activity === 'total')?.distance;
        daily('DISTANCE', 'm', km === undefined ? undefined : Math.round(km * 1000 * 100) / 100);
        daily('ACTIVE_MINUTES', 'min', (s.fairlyActiveMinutes ?? 0) + (s.veryActiveMinutes ?? 0));
        const sleep = await get<FitbitSleep>(`/1.2/user/-/sleep/date/${day}.json`, accessToken);
        daily('SLEEP', 'min', sleep.summary?.totalMinutesAsleep);
        const heart = await get<FitbitHeartIntraday>(
          `/1/user/-/activities/heart/date/${day}/1d/1min.json`,
          accessToken,
        );
        for (const point of heart['activities-heart-intraday']?.dataset ?? []) {
          if (typeof point.value !== 'number' || point.value <= 0) continue;
          samples.push({
            metricType: 'HEART_RATE',
            value: point.value,
            unit: 'bpm',
            source: 'FITBIT',
            sourceDevice: 'Fitbit',
            recordedAt: zonedToUtc(day, point.time, zone),
          });
        }
      }
      return samples;
    },

    async revoke(tokens) {
      const token = tokens.refreshToken ?? tokens.accessToken;
      if (!token) return;
      await requestJson(`${config.apiUrl}/oauth2/revoke`, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }),
      });
    },
  };
}
