/** Metric types as the API names them and as they are stored, with the one unit each is kept in. */
export const METRIC_TYPES = {
  STEPS: { stored: 'steps', unit: 'count', cumulative: true },
  HEART_RATE: { stored: 'heart_rate', unit: 'bpm', cumulative: false },
  CALORIES: { stored: 'calories', unit: 'kcal', cumulative: true },
  DISTANCE: { stored: 'distance', unit: 'm', cumulative: true },
  ACTIVE_MINUTES: { stored: 'active_minutes', unit: 'min', cumulative: true },
  WEIGHT: { stored: 'weight', unit: 'kg', cumulative: false },
  SLEEP: { stored: 'sleep', unit: 'min', cumulative: true },
} as const;

export type MetricTypeName = keyof typeof METRIC_TYPES;
export const METRIC_TYPE_NAMES = Object.keys(METRIC_TYPES) as MetricTypeName[];

const BY_STORED = new Map<string, MetricTypeName>(
  METRIC_TYPE_NAMES.map((name) => [METRIC_TYPES[name].stored, name]),
);

export const storedType = (name: MetricTypeName) => METRIC_TYPES[name].stored;

export function typeNameOf(stored: string): MetricTypeName {
  const name = BY_STORED.get(stored);
  if (!name) throw new Error(`unknown stored metric type ${stored}`);
  return name;
}

export const isCumulative = (name: MetricTypeName) => METRIC_TYPES[name].cumulative;

export const SOURCES = {
  MANUAL: 'manual',
  APPLE_HEALTH: 'apple_health',
  GOOGLE_FIT: 'google_fit',
  GARMIN: 'garmin',
  /** Legacy: samples pulled from the Fitbit Web API before it was shut down (2 Nov 2026). */
  FITBIT: 'fitbit',
  GOOGLE_HEALTH: 'google_health',
  /** Android Health Connect, read on the device and sent with syncDeviceHealthData. */
  HEALTH_CONNECT: 'health_connect',
} as const;
export type SourceName = keyof typeof SOURCES;
export const sourceNameOf = (stored: string) =>
  (Object.keys(SOURCES) as SourceName[]).find((k) => SOURCES[k] === stored) ?? 'MANUAL';

/** Sources the mobile app reads on the device and sends with syncDeviceHealthData. */
export const DEVICE_SOURCES = ['APPLE_HEALTH', 'HEALTH_CONNECT'] as const;
export type DeviceSourceName = (typeof DEVICE_SOURCES)[number];

export const PROVIDERS = {
  APPLE_HEALTH: 'apple_health',
  GOOGLE_FIT: 'google_fit',
  GARMIN: 'garmin',
  /** Legacy: its integrations are inactive with reason provider_retired (migration 0007). */
  FITBIT: 'fitbit',
  GOOGLE_HEALTH: 'google_health',
} as const;
export type ProviderName = keyof typeof PROVIDERS;
export type StoredProvider = (typeof PROVIDERS)[ProviderName];
export const providerNameOf = (stored: string) =>
  (Object.keys(PROVIDERS) as ProviderName[]).find((k) => PROVIDERS[k] === stored)!;

/** numeric(10, 2): the largest value the column holds. */
export const MAX_VALUE = 99_999_999.99;

/**
 * What a goal's target may be, per type: how many decimals it keeps and its largest value (the
 * smallest is one step above 0). Counts, kcal, metres and minutes are whole; a weight has the two
 * decimals samples are kept with (72.5 kg); a heart-rate level stays below 300 bpm, a weight below
 * 1,000 kg. The column is numeric(12, 2), which holds every one of these exactly.
 */
export const GOAL_TARGETS: Record<MetricTypeName, { decimals: 0 | 2; max: number }> = {
  STEPS: { decimals: 0, max: 1_000_000_000 },
  HEART_RATE: { decimals: 0, max: 300 },
  CALORIES: { decimals: 0, max: 1_000_000_000 },
  DISTANCE: { decimals: 0, max: 1_000_000_000 },
  ACTIVE_MINUTES: { decimals: 0, max: 1_000_000_000 },
  WEIGHT: { decimals: 2, max: 1_000 },
  SLEEP: { decimals: 0, max: 1_000_000_000 },
};
