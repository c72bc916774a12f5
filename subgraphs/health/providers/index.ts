import type { Env } from '../../../kit/env.js';
import type { PulledProvider, PullAdapter } from './common.js';
import { garminAdapter } from './garmin.js';
import { googleHealthAdapter } from './google-health.js';

export type WearableAdapters = Partial<Record<PulledProvider, PullAdapter>>;

/** Pull adapters for the wearable providers the deployment configured (env.features). */
export function wearableAdapters(env: Env): WearableAdapters {
  const { googleHealth, garmin } = env.features;
  return {
    ...(googleHealth ? { google_health: googleHealthAdapter(googleHealth) } : {}),
    ...(garmin ? { garmin: garminAdapter(garmin) } : {}),
  };
}
