import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { HealthUser as HealthUserModel } from '../access.js';
import type { HealthMetricRow as HealthMetricRowModel, HealthGoalRow as HealthGoalRowModel, HealthIntegrationRow as HealthIntegrationRowModel, DeviceSyncStateRow as DeviceSyncStateRowModel } from '../tables.js';
import type { CoachingKey as CoachingKeyModel } from '../coaching.js';
import type { HealthMetricsRecordedModel as HealthMetricsRecordedModelModel } from '../live.js';
import type { SourcePriority as SourcePriorityModel } from '../source-priority.js';
import type { RequestContext } from '../../../kit/subgraph.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, as YYYY-MM-DD. */
  Date: { input: Date; output: Date | string; }
  /** An instant in UTC, as an ISO 8601 string (e.g. 2026-11-27T14:00:00Z). */
  DateTime: { input: Date; output: Date | string; }
  /** An IANA time zone name, e.g. Europe/Berlin. */
  TimeZone: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** The outcome of completeHealthIntegration. */
export type CompleteHealthIntegrationResult = HealthIntegrationConnected | HealthIntegrationFailed;

/**
 * Connecting a provider whose data the app sends (APPLE_HEALTH, GOOGLE_FIT). GARMIN and
 * GOOGLE_HEALTH connect through startHealthIntegration instead.
 */
export type ConnectHealthIntegrationInput = {
  /** Which provider: APPLE_HEALTH or GOOGLE_FIT. */
  provider: HealthProvider;
};

/** A new goal. */
export type CreateHealthGoalInput = {
  /** Last day: on or after startDate and at most 10 years after it; open-ended when left out. */
  endDate?: InputMaybe<Scalars['Date']['input']>;
  /** The metric. */
  metricType: HealthMetricType;
  /** First day of the period: on or after 2000-01-01 and at most 10 years from today. */
  startDate: Scalars['Date']['input'];
  /**
   * The target in the metric's unit, above 0: a whole number of steps, bpm (at most 300), kcal, m
   * or min (at most 1,000,000,000); kg (WEIGHT, at most 1,000) with up to two decimals.
   */
  targetValue: Scalars['Float']['input'];
  /** The metric's unit (HealthMetricType says which); the type's unit when left out, any other is refused. */
  unit?: InputMaybe<Scalars['String']['input']>;
};

/**
 * The batch is stored and its anchor committed, in one transaction. Valid samples are stored,
 * refused ones listed in errors (they do not hold the anchor back); accepted + duplicates + the
 * number of distinct indexes in errors is the number of samples.
 */
export type DeviceHealthDataSynced = {
  __typename?: 'DeviceHealthDataSynced';
  /** Samples stored by this batch. */
  accepted: Scalars['Int']['output'];
  /** The anchor now committed (the batch's nextAnchor). */
  anchor: Scalars['String']['output'];
  /**
   * Samples already stored under their record id with the same content, or whose record id was
   * deleted before: nothing changed.
   */
  duplicates: Scalars['Int']['output'];
  /** Every problem of every refused sample; empty when all were stored. */
  errors: Array<DeviceHealthSampleError>;
  /** Deleted record ids recorded by this batch (ids deleted before are not counted again). */
  retracted: Scalars['Int']['output'];
  /** The source. */
  source: DeviceHealthSource;
};

/** One refused sample of syncDeviceHealthData; the batch's valid samples were stored. */
export type DeviceHealthSampleError = Problem & {
  __typename?: 'DeviceHealthSampleError';
  /** The ErrorCode an error about this sample would carry: BAD_USER_INPUT (INVALID) or CONFLICT. */
  code: Scalars['String']['output'];
  /** The input field at fault as a path from the mutation's arguments, e.g. input.samples.3.value. */
  field: Scalars['String']['output'];
  /** The sample's position in input.samples, from 0. */
  index: Scalars['Int']['output'];
  /** Human-readable explanation, safe to show to the user. */
  message: Scalars['String']['output'];
  /** Why, for switching in code. */
  reason: DeviceHealthSampleErrorReason;
};

/** Why a sample of a sync batch was refused. */
export type DeviceHealthSampleErrorReason =
  /**
   * Another sample of this source has the same type and instant (one is kept per type, source and
   * instant): code CONFLICT.
   */
  | 'INSTANT_TAKEN'
  /** The sample is invalid (unit, value, instant, record id): code BAD_USER_INPUT. */
  | 'INVALID'
  /**
   * The record id was stored before with another type, value or instant: code CONFLICT. The first
   * version stands; send a change as a deletion of the old id and a new id.
   */
  | 'RECORD_CHANGED';

/** One sample read from an on-device health store. */
export type DeviceHealthSampleInput = {
  /** What was measured. */
  metricType: HealthMetricType;
  /** When it was measured (a HealthKit sample's startDate): on or after 2000-01-01 and not more than 5 minutes in the future. */
  recordedAt: Scalars['DateTime']['input'];
  /** The device that measured it, up to 100 characters. */
  sourceDevice?: InputMaybe<Scalars['String']['input']>;
  /**
   * The store's own id of the record (HealthKit UUID, Health Connect record id), 1-128 characters:
   * the idempotency key. Sending it again with the same content changes nothing.
   */
  sourceRecordId: Scalars['String']['input'];
  /** The unit, which is the type's unit; the type's unit when left out. Any other unit refuses the sample. */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** The value: finite, not negative, below 100,000,000, at most two decimals are kept. */
  value: Scalars['Float']['input'];
};

/** A health store the mobile app reads on the device and sends with syncDeviceHealthData. */
export type DeviceHealthSource =
  /** Apple HealthKit (iOS); record ids are HealthKit sample UUIDs. */
  | 'APPLE_HEALTH'
  /** Android Health Connect; record ids are Health Connect record ids (metadata.id). */
  | 'HEALTH_CONNECT';

/** Where the app's sync of one on-device source stands. */
export type DeviceHealthSyncState = {
  __typename?: 'DeviceHealthSyncState';
  /** The anchor the app committed with its last accepted batch (opaque to the API); send it as the next batch's anchor. */
  anchor: Scalars['String']['output'];
  /** The on-device source. */
  source: DeviceHealthSource;
  /** When that batch was stored. */
  updatedAt: Scalars['DateTime']['output'];
};

/** How far the history pulled after connecting has come. */
export type HealthBackfill = {
  __typename?: 'HealthBackfill';
  /** True once the whole history was pulled (GOOGLE_HEALTH) or handed over by the provider (GARMIN sends it as new uploads). */
  done: Scalars['Boolean']['output'];
  /** The history reaches back to this instant. */
  from: Scalars['DateTime']['output'];
  /** Share done, 0-100. */
  percent: Scalars['Int']['output'];
  /** Pulled from `from` up to this instant so far. */
  reached: Scalars['DateTime']['output'];
  /** The history ends here: the moment of the connection. */
  until: Scalars['DateTime']['output'];
};

/** A target for one metric over a period. */
export type HealthGoal = {
  __typename?: 'HealthGoal';
  /** When the goal was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Last day of the period; open-ended when null. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** False once deactivated. */
  isActive: Scalars['Boolean']['output'];
  /** The metric the goal is about. */
  metricType: HealthMetricType;
  /** How far the user is, from their samples in the period (days on the owner's calendar, User.timeZone). */
  progress: HealthGoalProgress;
  /** First day of the period. */
  startDate: Scalars['Date']['output'];
  /**
   * The target, in unit: a total over the period for cumulative types, a level for HEART_RATE and
   * WEIGHT. Whole for every type but WEIGHT, which has up to two decimals (72.5 kg).
   */
  targetValue: Scalars['Float']['output'];
  /** The metric's unit. */
  unit: Scalars['String']['output'];
};

/** A page of goals. */
export type HealthGoalConnection = {
  __typename?: 'HealthGoalConnection';
  /** The goals on this page. */
  nodes: Array<HealthGoal>;
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** Progress towards a goal. */
export type HealthGoalProgress = {
  __typename?: 'HealthGoalProgress';
  /** The total over the period so far (cumulative types) or the latest level in it (HEART_RATE, WEIGHT); 0 without samples. */
  currentValue: Scalars['Float']['output'];
  /**
   * For cumulative types: whether the total keeps pace with the target, pro rata over the elapsed
   * days of the period (the whole target for open-ended goals). Null for level types, where the
   * direction (lose or gain) is not known.
   */
  onTrack?: Maybe<Scalars['Boolean']['output']>;
  /** currentValue as a percentage of the target. */
  percent: Scalars['Float']['output'];
};

/** A connected provider. Tokens are stored encrypted and never leave the server. */
export type HealthIntegration = {
  __typename?: 'HealthIntegration';
  /**
   * The history pulled after connecting (HEALTH_BACKFILL_DAYS, 30 by default), in the background;
   * null for providers the app sends data for.
   */
  backfill?: Maybe<HealthBackfill>;
  /** When the connection was made. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Why syncing stopped; null while active. */
  inactiveReason?: Maybe<HealthIntegrationInactiveReason>;
  /** False when syncing stopped (inactiveReason says why); reconnect to resume. */
  isActive: Scalars['Boolean']['output'];
  /** Why the last sync failed; null when it succeeded. Retried on its own. */
  lastError?: Maybe<HealthSyncError>;
  /** When the last sync failed; null when it succeeded. */
  lastErrorAt?: Maybe<Scalars['DateTime']['output']>;
  /** When data was last pulled (GARMIN, GOOGLE_HEALTH) or null. */
  lastSyncAt?: Maybe<Scalars['DateTime']['output']>;
  /** True when the user must connect again for data to flow: the same as isActive false. */
  needsReconnect: Scalars['Boolean']['output'];
  /** Which provider. */
  provider: HealthProvider;
};

/** The provider is connected; its history is being pulled in the background (HealthIntegration.backfill). */
export type HealthIntegrationConnected = {
  __typename?: 'HealthIntegrationConnected';
  /** The connection. */
  integration: HealthIntegration;
};

/** Connecting failed; start again with startHealthIntegration. */
export type HealthIntegrationFailed = Problem & {
  __typename?: 'HealthIntegrationFailed';
  /** Stable code of the outcome, always HEALTH_INTEGRATION_FAILED. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** Why. */
  reason: HealthIntegrationFailureReason;
};

/** Why completing a connection failed. */
export type HealthIntegrationFailureReason =
  /** The state is unknown, expired (10 minutes), used, another user's, or the flow secret is missing or wrong: start again. */
  | 'INVALID_STATE'
  /** The provider refused the code or could not be reached: start again. */
  | 'PROVIDER_ERROR';

/** Why an integration stopped syncing; the user reconnects to resume. */
export type HealthIntegrationInactiveReason =
  /** The provider refused the stored grant (revoked by the user, expired): connect again. */
  | 'ACCESS_REVOKED'
  /** The user removed this app in the provider's own settings (Garmin Connect). */
  | 'DEREGISTERED'
  /** The user withdrew the permission to share health data in the provider's settings. */
  | 'PERMISSIONS_CHANGED'
  /** The provider's API was shut down (the Fitbit Web API); connect its successor (GOOGLE_HEALTH). */
  | 'PROVIDER_RETIRED';

/** The provider's consent page for a new connection, bound to the client that asked. */
export type HealthIntegrationStart = {
  __typename?: 'HealthIntegrationStart';
  /** Send the user here; the provider sends them back to redirectUri with code and state. */
  authorizationUrl: Scalars['String']['output'];
  /** The flow must be completed before this instant (10 minutes). */
  expiresAt: Scalars['DateTime']['output'];
  /** NATIVE clients only: pass it to completeHealthIntegration. Null for BROWSER (the flow cookie holds it). */
  flowSecret?: Maybe<Scalars['String']['output']>;
  /** The flow's state, also inside authorizationUrl; completeHealthIntegration checks it. */
  state: Scalars['String']['output'];
};

/** One immutable sample. */
export type HealthMetric = {
  __typename?: 'HealthMetric';
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** What was measured. */
  metricType: HealthMetricType;
  /** When it was measured. */
  recordedAt: Scalars['DateTime']['output'];
  /** Where the sample came from. */
  source: HealthMetricSource;
  /** The device that measured it, as the source names it. */
  sourceDevice?: Maybe<Scalars['String']['output']>;
  /** When it reached the platform. */
  syncedAt: Scalars['DateTime']['output'];
  /** The unit of value: count, bpm, kcal, m, min or kg, by type. */
  unit: Scalars['String']['output'];
  /** The measured value, with two decimals. */
  value: Scalars['Float']['output'];
};

/** A page of samples. */
export type HealthMetricConnection = {
  __typename?: 'HealthMetricConnection';
  /** The samples on this page. */
  nodes: Array<HealthMetric>;
  /** Where the page ends. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** One sample to record. */
export type HealthMetricInput = {
  /** What was measured. */
  metricType: HealthMetricType;
  /** When it was measured: on or after 2000-01-01 and not more than 5 minutes in the future. */
  recordedAt: Scalars['DateTime']['input'];
  /** Where the sample came from; MANUAL when left out. */
  source?: InputMaybe<HealthMetricSource>;
  /** The device that measured it, up to 100 characters. */
  sourceDevice?: InputMaybe<Scalars['String']['input']>;
  /**
   * The unit, which is the type's unit (count, bpm, kcal, m, min or kg); the type's unit when left
   * out. Any other unit refuses the sample: values are not converted.
   */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** The value: finite, not negative, below 100,000,000, at most two decimals are kept. */
  value: Scalars['Float']['input'];
};

/** One problem of a refused sample; the sample was not stored, the batch's valid samples were. */
export type HealthMetricInputError = Problem & {
  __typename?: 'HealthMetricInputError';
  /** BAD_USER_INPUT: the ErrorCode an error about this input would carry. */
  code: Scalars['String']['output'];
  /** The input field at fault as a path from the mutation's arguments, e.g. input.3.value. */
  field: Scalars['String']['output'];
  /** The sample's position in the input list, from 0. */
  index: Scalars['Int']['output'];
  /** Human-readable explanation, safe to show to the user. */
  message: Scalars['String']['output'];
};

/** Where a sample came from. */
export type HealthMetricSource =
  /** Apple HealthKit, sent by the iOS app. */
  | 'APPLE_HEALTH'
  /** Pulled from the Fitbit Web API before its shutdown (2 Nov 2026); no new samples arrive with this source. */
  | 'FITBIT'
  /** Pulled from Garmin Health by the sync worker. */
  | 'GARMIN'
  /** Google Fit / Health Connect, sent by the Android app. */
  | 'GOOGLE_FIT'
  /** Pulled from the Google Health API (Fitbit and Pixel devices) by the sync worker. */
  | 'GOOGLE_HEALTH'
  /** Android Health Connect, read on the device and sent by the Android app with syncDeviceHealthData. */
  | 'HEALTH_CONNECT'
  /** Entered by the user in the app. */
  | 'MANUAL';

/** What a health sample measures. Each type has exactly one unit (see HealthMetric.unit). */
export type HealthMetricType =
  /** Minutes of moderate or vigorous activity; unit min; cumulative. */
  | 'ACTIVE_MINUTES'
  /** Energy burned; unit kcal; cumulative. */
  | 'CALORIES'
  /** Distance covered; unit m; cumulative. */
  | 'DISTANCE'
  /** Heart rate; unit bpm; a level (sum is not meaningful). */
  | 'HEART_RATE'
  /** Time asleep; unit min; cumulative. */
  | 'SLEEP'
  /** Steps taken; unit count; cumulative. */
  | 'STEPS'
  /** Body weight; unit kg; a level (sum is not meaningful). */
  | 'WEIGHT';

/**
 * New samples of a user were stored (through recordHealthMetrics). It carries no sample values:
 * read them with the user's health fields over the span it names.
 */
export type HealthMetricsRecorded = {
  __typename?: 'HealthMetricsRecorded';
  /** How many new samples were stored (re-sent duplicates are not counted). */
  accepted: Scalars['Int']['output'];
  /** The time of the earliest sample in the batch. */
  from: Scalars['DateTime']['output'];
  /** When the batch was stored. */
  recordedAt: Scalars['DateTime']['output'];
  /** The time of the latest sample in the batch. */
  to: Scalars['DateTime']['output'];
  /** Whose samples they are. */
  user: User;
};

/** A wearable or health platform a user can connect. */
export type HealthProvider =
  /** Apple Health: data arrives from the iOS app through recordHealthMetrics. */
  | 'APPLE_HEALTH'
  /**
   * Fitbit Web API, shut down on 2 Nov 2026: existing integrations are inactive with inactiveReason
   * PROVIDER_RETIRED; connect GOOGLE_HEALTH instead.
   */
  | 'FITBIT'
  /** Garmin Health API: connected with startHealthIntegration, pulled by the sync worker. */
  | 'GARMIN'
  /** Google Fit / Health Connect: data arrives from the Android app through recordHealthMetrics. */
  | 'GOOGLE_FIT'
  /** Google Health API (Fitbit and Pixel devices): connected with startHealthIntegration, pulled by the sync worker. */
  | 'GOOGLE_HEALTH';

/** Aggregates over one bucket of a series. */
export type HealthSeriesPoint = {
  __typename?: 'HealthSeriesPoint';
  /** Mean value; null for an empty bucket. */
  avg?: Maybe<Scalars['Float']['output']>;
  /** How many samples fell in the bucket. */
  count: Scalars['Int']['output'];
  /** Largest value; null for an empty bucket. */
  max?: Maybe<Scalars['Float']['output']>;
  /** Smallest value; null for an empty bucket. */
  min?: Maybe<Scalars['Float']['output']>;
  /** The bucket's first instant. */
  start: Scalars['DateTime']['output'];
  /** Total of the values (0 for an empty bucket); null for level types (HEART_RATE, WEIGHT) where a sum means nothing. */
  sum?: Maybe<Scalars['Float']['output']>;
};

/**
 * Which source counts for one metric when several report it. Samples are merged in 5-minute slots
 * (by recordedAt): in each slot only the samples of the first source in this order that has data
 * count, for healthSeries, goal progress and latestHealthMetrics.
 */
export type HealthSourcePriority = {
  __typename?: 'HealthSourcePriority';
  /** True while the user has not chosen an order for this metric (the default applies). */
  isDefault: Scalars['Boolean']['output'];
  /** The metric. */
  metricType: HealthMetricType;
  /** Every source, highest priority first. */
  sources: Array<HealthMetricSource>;
};

/**
 * The batch named an anchor that is not the committed one (another batch, e.g. from a second
 * device or a retry, committed first): nothing was stored. Read currentAnchor (or healthSyncState)
 * and send the changes since it again.
 */
export type HealthSyncAnchorStale = Problem & {
  __typename?: 'HealthSyncAnchorStale';
  /** Stable code of the outcome, always HEALTH_SYNC_ANCHOR_STALE. */
  code: Scalars['String']['output'];
  /** The anchor committed now; null when this source was never synced. */
  currentAnchor?: Maybe<Scalars['String']['output']>;
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The source. */
  source: DeviceHealthSource;
};

/** Why the last sync of an integration failed; it is retried on its own, after a pause. */
export type HealthSyncError =
  /** The provider's answer could not be used. */
  | 'PROVIDER_ERROR'
  /** The provider did not answer or answered with an error on its side. */
  | 'PROVIDER_UNAVAILABLE'
  /** The provider asked us to slow down; the next try waits as long as it said. */
  | 'RATE_LIMITED';

/** A run of whole days on a calendar (a time zone's), both ends included. */
export type LocalDateRange = {
  /** The first day. */
  from: Scalars['Date']['input'];
  /** The last day, on or after from. */
  to: Scalars['Date']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Finishes connecting with the code and state the provider sent to the redirect URI, as the user
   * and from the client that started it. The provider's tokens are redeemed and kept on the server,
   * encrypted; a reconnect replaces (and revokes) the previous ones.
   */
  completeHealthIntegration: CompleteHealthIntegrationResult;
  /** Connects a provider whose data the app sends (APPLE_HEALTH, GOOGLE_FIT); reactivates it when connected. */
  connectHealthIntegration: HealthIntegration;
  /** Creates a goal for the signed-in user. */
  createHealthGoal: HealthGoal;
  /** Deactivates one of the signed-in user's goals; it stays readable with isActive false. */
  deactivateHealthGoal: HealthGoal;
  /** Disconnects a provider; its tokens are revoked at the provider. True when one was connected. */
  disconnectHealthIntegration: Scalars['Boolean']['output'];
  /**
   * Records up to 5,000 samples for the signed-in user in one write: the valid ones are stored and
   * each refused one is reported by index in errors. More than 5,000 samples is refused whole with
   * BAD_USER_INPUT (field input).
   */
  recordHealthMetrics: RecordHealthMetricsResult;
  /**
   * Sets the signed-in user's order of sources for one metric, highest priority first; sources left
   * out follow in the default order. An empty list returns to the default.
   */
  setHealthSourcePriority: HealthSourcePriority;
  /**
   * Starts connecting a provider the server pulls from (GARMIN, GOOGLE_HEALTH) for the signed-in
   * user: returns the provider's consent page. The state and PKCE verifier stay on the server, valid
   * 10 minutes, usable once, and the flow is bound to this user and client: a browser gets the
   * HttpOnly flow cookie, a native app gets flowSecret.
   */
  startHealthIntegration: HealthIntegrationStart;
  /**
   * The on-device sync protocol: stores one batch of an on-device source's changes (new samples by
   * record id, deleted record ids) for the signed-in user and commits its nextAnchor in the same
   * transaction, if anchor is the committed one (HealthSyncAnchorStale otherwise, nothing stored).
   * More than 5,000 samples or deleted ids is refused whole with BAD_USER_INPUT.
   */
  syncDeviceHealthData: SyncDeviceHealthDataResult;
  /** Changes one of the signed-in user's goals. */
  updateHealthGoal: HealthGoal;
};


export type MutationCompleteHealthIntegrationArgs = {
  code: Scalars['String']['input'];
  flowSecret?: InputMaybe<Scalars['String']['input']>;
  provider: HealthProvider;
  state: Scalars['String']['input'];
};


export type MutationConnectHealthIntegrationArgs = {
  input: ConnectHealthIntegrationInput;
};


export type MutationCreateHealthGoalArgs = {
  input: CreateHealthGoalInput;
};


export type MutationDeactivateHealthGoalArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDisconnectHealthIntegrationArgs = {
  provider: HealthProvider;
};


export type MutationRecordHealthMetricsArgs = {
  input: Array<HealthMetricInput>;
};


export type MutationSetHealthSourcePriorityArgs = {
  metricType: HealthMetricType;
  sources: Array<HealthMetricSource>;
};


export type MutationStartHealthIntegrationArgs = {
  client?: InputMaybe<OAuthClient>;
  provider: HealthProvider;
  redirectUri: Scalars['String']['input'];
};


export type MutationSyncDeviceHealthDataArgs = {
  input: SyncDeviceHealthDataInput;
};


export type MutationUpdateHealthGoalArgs = {
  id: Scalars['ID']['input'];
  input: UpdateHealthGoalInput;
};

/**
 * Who runs an OAuth flow. It decides how oauthCallback proves it is the client that called
 * oauthStart, so that a `state` and `code` in anyone else's hands finish nothing.
 */
export type OAuthClient =
  /**
   * A web page: oauthStart has the gateway set an HttpOnly, SameSite=Lax cookie holding the flow's
   * secret (10 minutes); the browser sends it with oauthCallback. Scripts never see the secret.
   */
  | 'BROWSER'
  /** A native app: oauthStart returns flowSecret; the app keeps it and passes it to oauthCallback. */
  | 'NATIVE';

/** Where a page of a list ends. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor to pass as `after` for the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
};

/**
 * An expected outcome a form shows, not an error: the request was understood and refused for a
 * reason the user can act on. Switch on __typename or on code. A batch mutation that stores the valid
 * items also reports each refused item as a Problem in its result's errors list
 * (HealthMetricInputError, AnalyticsEventInputError).
 */
export type Problem = {
  /**
   * Stable SCREAMING_SNAKE code, for switching in code: a mutation outcome's type name (EMAIL_TAKEN,
   * PAYMENT_DECLINED); for a refused item of a batch, the ErrorCode an error about that input would
   * carry (BAD_USER_INPUT).
   */
  code: Scalars['String']['output'];
  /** Human-readable explanation, safe to show to the user. */
  message: Scalars['String']['output'];
};

/**
 * The outcome of recordHealthMetrics. The valid samples are stored and every refused one is listed
 * in errors; accepted + duplicates + the number of distinct indexes in errors is the input's length.
 */
export type RecordHealthMetricsResult = {
  __typename?: 'RecordHealthMetricsResult';
  /** Valid samples written by this call. */
  accepted: Scalars['Int']['output'];
  /** Valid samples already stored (same type, source and instant): re-sends change nothing. */
  duplicates: Scalars['Int']['output'];
  /** Every problem of every refused sample (a sample may have several); empty when all were valid. */
  errors: Array<HealthMetricInputError>;
};

/**
 * Live updates over WebSocket (graphql-ws at the gateway's /graphql; see docs/subscriptions.md).
 * Each event is authorized for the subscriber when it is delivered.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * New samples of the user were stored. The user is the viewer (the default) or a client the
   * viewer actively coaches; a coach whose relationship ends stops receiving at once.
   */
  healthMetricsRecorded: HealthMetricsRecorded;
};


/**
 * Live updates over WebSocket (graphql-ws at the gateway's /graphql; see docs/subscriptions.md).
 * Each event is authorized for the subscriber when it is delivered.
 */
export type SubscriptionHealthMetricsRecordedArgs = {
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** One batch of changes of an on-device source since the anchor the app last committed. */
export type SyncDeviceHealthDataInput = {
  /** The anchor of healthSyncState the batch starts from; null on the first sync of this source. */
  anchor?: InputMaybe<Scalars['String']['input']>;
  /** Record ids the source deleted, at most 5,000: their samples are left out of every read from now on. */
  deletedSourceRecordIds?: Array<Scalars['String']['input']>;
  /** The anchor to commit with this batch (opaque, 1-4,096 characters): the next batch starts from it. */
  nextAnchor: Scalars['String']['input'];
  /** New samples, at most 5,000. */
  samples?: Array<DeviceHealthSampleInput>;
  /** The on-device source. */
  source: DeviceHealthSource;
};

/** The outcome of syncDeviceHealthData. */
export type SyncDeviceHealthDataResult = DeviceHealthDataSynced | HealthSyncAnchorStale;

/** The width of a series bucket, measured on the wall clock of the requested time zone. */
export type TimeBucket =
  /** One calendar day (23 or 25 hours on daylight-saving change days). */
  | 'DAY'
  /** One clock hour. */
  | 'HOUR'
  /** One calendar month. */
  | 'MONTH'
  /** One ISO week, starting Monday. */
  | 'WEEK';

/**
 * A coaching relationship (training owns it), extended with the client's health summary for their
 * trainer. Only the relationship's trainer, while it is active, and the client read these fields;
 * anyone else gets null and a FORBIDDEN error. Health learns of a hire or an end from training's
 * events, about a second after it happens; a new coach gets FORBIDDEN until then. Nullable, so that
 * the rest of the relationship arrives when the health service is unavailable.
 */
export type TrainerClient = {
  __typename?: 'TrainerClient';
  /**
   * The client's aggregates per bucket, as User.healthSeries (same arguments and limits), on the
   * client's calendar unless timeZone says otherwise.
   */
  healthSeries?: Maybe<Array<HealthSeriesPoint>>;
  /** The client's newest sample of each requested type, as User.latestHealthMetrics. */
  latestHealthMetrics?: Maybe<Array<HealthMetric>>;
  /** The trainer's id. */
  trainerId: Scalars['ID']['output'];
  /** The client's user id. */
  userId: Scalars['ID']['output'];
};


/**
 * A coaching relationship (training owns it), extended with the client's health summary for their
 * trainer. Only the relationship's trainer, while it is active, and the client read these fields;
 * anyone else gets null and a FORBIDDEN error. Health learns of a hire or an end from training's
 * events, about a second after it happens; a new coach gets FORBIDDEN until then. Nullable, so that
 * the rest of the relationship arrives when the health service is unavailable.
 */
export type TrainerClientHealthSeriesArgs = {
  bucket: TimeBucket;
  days?: InputMaybe<LocalDateRange>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  includeEmpty?: InputMaybe<Scalars['Boolean']['input']>;
  metricType: HealthMetricType;
  timeZone?: InputMaybe<Scalars['TimeZone']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


/**
 * A coaching relationship (training owns it), extended with the client's health summary for their
 * trainer. Only the relationship's trainer, while it is active, and the client read these fields;
 * anyone else gets null and a FORBIDDEN error. Health learns of a hire or an end from training's
 * events, about a second after it happens; a new coach gets FORBIDDEN until then. Nullable, so that
 * the rest of the relationship arrives when the health service is unavailable.
 */
export type TrainerClientLatestHealthMetricsArgs = {
  metricTypes?: InputMaybe<Array<HealthMetricType>>;
};

/** Goal changes; fields left out keep their value. */
export type UpdateHealthGoalInput = {
  /** A new last day, on or after startDate and at most 10 years after it; an explicit null makes the goal open-ended. */
  endDate?: InputMaybe<Scalars['Date']['input']>;
  /** A new first day: on or after 2000-01-01 and at most 10 years from today. */
  startDate?: InputMaybe<Scalars['Date']['input']>;
  /** A new target, with the limits of CreateHealthGoalInput.targetValue for the goal's metric. */
  targetValue?: InputMaybe<Scalars['Float']['input']>;
  /** The unit of targetValue, checked against the goal's metric's unit; the metric's unit when left out. */
  unit?: InputMaybe<Scalars['String']['input']>;
};

/**
 * The owner's account, extended with health data. Only the user themself can read these fields.
 * They are nullable so that, when the health service is unavailable, the rest of the user still
 * arrives: the field is null and the response carries an error for it.
 */
export type User = {
  __typename?: 'User';
  /** The user's goals, newest first. Owner only. */
  healthGoals?: Maybe<HealthGoalConnection>;
  /** The user's connected providers (at most one per provider). Owner only. */
  healthIntegrations?: Maybe<Array<HealthIntegration>>;
  /** The user's samples, newest first. Owner only. */
  healthMetrics?: Maybe<HealthMetricConnection>;
  /**
   * Aggregates per bucket on the calendar of timeZone (the user's own when left out), over
   * [from, to) or over whole local days. Buckets with no samples are left out unless includeEmpty.
   * At most 1,000 buckets per call. Owner only.
   */
  healthSeries?: Maybe<Array<HealthSeriesPoint>>;
  /**
   * The order in which sources win when several report the same metric (see
   * setHealthSourcePriority): the user's own or the default, per requested type. Owner only.
   */
  healthSourcePriorities?: Maybe<Array<HealthSourcePriority>>;
  /**
   * Per on-device source the app has synced (APPLE_HEALTH, HEALTH_CONNECT), the anchor it last
   * committed with syncDeviceHealthData: the app resumes from it. Sources never synced are left out.
   * Owner only.
   */
  healthSyncState?: Maybe<Array<DeviceHealthSyncState>>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The newest sample of each requested type (types with no sample are left out). Owner only. */
  latestHealthMetrics?: Maybe<Array<HealthMetric>>;
};


/**
 * The owner's account, extended with health data. Only the user themself can read these fields.
 * They are nullable so that, when the health service is unavailable, the rest of the user still
 * arrives: the field is null and the response carries an error for it.
 */
export type UserHealthGoalsArgs = {
  activeOnly?: InputMaybe<Scalars['Boolean']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The owner's account, extended with health data. Only the user themself can read these fields.
 * They are nullable so that, when the health service is unavailable, the rest of the user still
 * arrives: the field is null and the response carries an error for it.
 */
export type UserHealthMetricsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  metricType?: InputMaybe<HealthMetricType>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


/**
 * The owner's account, extended with health data. Only the user themself can read these fields.
 * They are nullable so that, when the health service is unavailable, the rest of the user still
 * arrives: the field is null and the response carries an error for it.
 */
export type UserHealthSeriesArgs = {
  bucket: TimeBucket;
  days?: InputMaybe<LocalDateRange>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  includeEmpty?: InputMaybe<Scalars['Boolean']['input']>;
  metricType: HealthMetricType;
  timeZone?: InputMaybe<Scalars['TimeZone']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


/**
 * The owner's account, extended with health data. Only the user themself can read these fields.
 * They are nullable so that, when the health service is unavailable, the rest of the user still
 * arrives: the field is null and the response carries an error for it.
 */
export type UserHealthSourcePrioritiesArgs = {
  metricTypes?: InputMaybe<Array<HealthMetricType>>;
};


/**
 * The owner's account, extended with health data. Only the user themself can read these fields.
 * They are nullable so that, when the health service is unavailable, the rest of the user still
 * arrives: the field is null and the response carries an error for it.
 */
export type UserLatestHealthMetricsArgs = {
  metricTypes?: InputMaybe<Array<HealthMetricType>>;
};



export type ResolverTypeWrapper<T> = T | Promise<T>;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  HealthGoal: HealthGoal;
  HealthIntegration: HealthIntegration;
  HealthMetric: HealthMetric;
  TrainerClient: TrainerClient;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  HealthGoal:
    ( { __typename: 'HealthGoal' }
    & GraphQLRecursivePick<FederationTypes['HealthGoal'], {"id":true}> );
  HealthIntegration:
    ( { __typename: 'HealthIntegration' }
    & GraphQLRecursivePick<FederationTypes['HealthIntegration'], {"id":true}> );
  HealthMetric:
    ( { __typename: 'HealthMetric' }
    & GraphQLRecursivePick<FederationTypes['HealthMetric'], {"id":true}> );
  TrainerClient:
    ( { __typename: 'TrainerClient' }
    & GraphQLRecursivePick<FederationTypes['TrainerClient'], {"trainerId":true,"userId":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  CompleteHealthIntegrationResult:
    | ( Omit<HealthIntegrationConnected, 'integration'> & { integration: _RefType['HealthIntegration'] } )
    | ( Omit<HealthIntegrationFailed, 'code'> )
  ;
  SyncDeviceHealthDataResult:
    | ( Omit<DeviceHealthDataSynced, 'errors'> & { errors: Array<_RefType['DeviceHealthSampleError']> } )
    | ( Omit<HealthSyncAnchorStale, 'code'> )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Problem:
    | ( Omit<DeviceHealthSampleError, 'code'> )
    | ( Omit<HealthIntegrationFailed, 'code'> )
    | ( Omit<HealthMetricInputError, 'code'> )
    | ( Omit<HealthSyncAnchorStale, 'code'> )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CompleteHealthIntegrationResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CompleteHealthIntegrationResult']>;
  ConnectHealthIntegrationInput: ConnectHealthIntegrationInput;
  CreateHealthGoalInput: CreateHealthGoalInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeviceHealthDataSynced: ResolverTypeWrapper<Omit<DeviceHealthDataSynced, 'errors'> & { errors: Array<ResolversTypes['DeviceHealthSampleError']> }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DeviceHealthSampleError: ResolverTypeWrapper<Omit<DeviceHealthSampleError, 'code'>>;
  DeviceHealthSampleErrorReason: DeviceHealthSampleErrorReason;
  DeviceHealthSampleInput: DeviceHealthSampleInput;
  DeviceHealthSource: DeviceHealthSource;
  DeviceHealthSyncState: ResolverTypeWrapper<DeviceSyncStateRowModel>;
  HealthBackfill: ResolverTypeWrapper<HealthBackfill>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  HealthGoal: ResolverTypeWrapper<HealthGoalRowModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  HealthGoalConnection: ResolverTypeWrapper<Omit<HealthGoalConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['HealthGoal']>; totalCount: () => Promise<number> }>;
  HealthGoalProgress: ResolverTypeWrapper<HealthGoalProgress>;
  HealthIntegration: ResolverTypeWrapper<HealthIntegrationRowModel>;
  HealthIntegrationConnected: ResolverTypeWrapper<Omit<HealthIntegrationConnected, 'integration'> & { integration: ResolversTypes['HealthIntegration'] }>;
  HealthIntegrationFailed: ResolverTypeWrapper<Omit<HealthIntegrationFailed, 'code'>>;
  HealthIntegrationFailureReason: HealthIntegrationFailureReason;
  HealthIntegrationInactiveReason: HealthIntegrationInactiveReason;
  HealthIntegrationStart: ResolverTypeWrapper<HealthIntegrationStart>;
  HealthMetric: ResolverTypeWrapper<HealthMetricRowModel>;
  HealthMetricConnection: ResolverTypeWrapper<Omit<HealthMetricConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['HealthMetric']>; totalCount: () => Promise<number> }>;
  HealthMetricInput: HealthMetricInput;
  HealthMetricInputError: ResolverTypeWrapper<Omit<HealthMetricInputError, 'code'>>;
  HealthMetricSource: HealthMetricSource;
  HealthMetricType: HealthMetricType;
  HealthMetricsRecorded: ResolverTypeWrapper<HealthMetricsRecordedModelModel>;
  HealthProvider: HealthProvider;
  HealthSeriesPoint: ResolverTypeWrapper<HealthSeriesPoint>;
  HealthSourcePriority: ResolverTypeWrapper<SourcePriorityModel>;
  HealthSyncAnchorStale: ResolverTypeWrapper<Omit<HealthSyncAnchorStale, 'code'>>;
  HealthSyncError: HealthSyncError;
  LocalDateRange: LocalDateRange;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OAuthClient: OAuthClient;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Problem: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Problem']>;
  RecordHealthMetricsResult: ResolverTypeWrapper<Omit<RecordHealthMetricsResult, 'errors'> & { errors: Array<ResolversTypes['HealthMetricInputError']> }>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SyncDeviceHealthDataInput: SyncDeviceHealthDataInput;
  SyncDeviceHealthDataResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SyncDeviceHealthDataResult']>;
  TimeBucket: TimeBucket;
  TimeZone: ResolverTypeWrapper<Scalars['TimeZone']['output']>;
  TrainerClient: ResolverTypeWrapper<CoachingKeyModel>;
  UpdateHealthGoalInput: UpdateHealthGoalInput;
  User: ResolverTypeWrapper<HealthUserModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CompleteHealthIntegrationResult: ResolversUnionTypes<ResolversParentTypes>['CompleteHealthIntegrationResult'];
  ConnectHealthIntegrationInput: ConnectHealthIntegrationInput;
  CreateHealthGoalInput: CreateHealthGoalInput;
  Float: Scalars['Float']['output'];
  String: Scalars['String']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DeviceHealthDataSynced: Omit<DeviceHealthDataSynced, 'errors'> & { errors: Array<ResolversParentTypes['DeviceHealthSampleError']> };
  Int: Scalars['Int']['output'];
  DeviceHealthSampleError: Omit<DeviceHealthSampleError, 'code'>;
  DeviceHealthSampleInput: DeviceHealthSampleInput;
  DeviceHealthSyncState: DeviceSyncStateRowModel;
  HealthBackfill: HealthBackfill;
  Boolean: Scalars['Boolean']['output'];
  HealthGoal: HealthGoalRowModel;
  ID: Scalars['ID']['output'];
  HealthGoalConnection: Omit<HealthGoalConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['HealthGoal']>; totalCount: () => Promise<number> };
  HealthGoalProgress: HealthGoalProgress;
  HealthIntegration: HealthIntegrationRowModel;
  HealthIntegrationConnected: Omit<HealthIntegrationConnected, 'integration'> & { integration: ResolversParentTypes['HealthIntegration'] };
  HealthIntegrationFailed: Omit<HealthIntegrationFailed, 'code'>;
  HealthIntegrationStart: HealthIntegrationStart;
  HealthMetric: HealthMetricRowModel;
  HealthMetricConnection: Omit<HealthMetricConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['HealthMetric']>; totalCount: () => Promise<number> };
  HealthMetricInput: HealthMetricInput;
  HealthMetricInputError: Omit<HealthMetricInputError, 'code'>;
  HealthMetricsRecorded: HealthMetricsRecordedModelModel;
  HealthSeriesPoint: HealthSeriesPoint;
  HealthSourcePriority: SourcePriorityModel;
  HealthSyncAnchorStale: Omit<HealthSyncAnchorStale, 'code'>;
  LocalDateRange: LocalDateRange;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Problem: ResolversInterfaceTypes<ResolversParentTypes>['Problem'];
  RecordHealthMetricsResult: Omit<RecordHealthMetricsResult, 'errors'> & { errors: Array<ResolversParentTypes['HealthMetricInputError']> };
  Subscription: Record<PropertyKey, never>;
  SyncDeviceHealthDataInput: SyncDeviceHealthDataInput;
  SyncDeviceHealthDataResult: ResolversUnionTypes<ResolversParentTypes>['SyncDeviceHealthDataResult'];
  TimeZone: Scalars['TimeZone']['output'];
  TrainerClient: CoachingKeyModel;
  UpdateHealthGoalInput: UpdateHealthGoalInput;
  User: HealthUserModel;
};

export type CompleteHealthIntegrationResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CompleteHealthIntegrationResult'] = ResolversParentTypes['CompleteHealthIntegrationResult']> = {
  __resolveType: TypeResolveFn<'HealthIntegrationConnected' | 'HealthIntegrationFailed', ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeviceHealthDataSyncedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DeviceHealthDataSynced'] = ResolversParentTypes['DeviceHealthDataSynced']> = {
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  anchor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  duplicates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['DeviceHealthSampleError']>, ParentType, ContextType>;
  retracted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['DeviceHealthSource'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type DeviceHealthSampleErrorResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DeviceHealthSampleError'] = ResolversParentTypes['DeviceHealthSampleError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['DeviceHealthSampleErrorReason'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type DeviceHealthSyncStateResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DeviceHealthSyncState'] = ResolversParentTypes['DeviceHealthSyncState']> = {
  anchor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['DeviceHealthSource'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type HealthBackfillResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthBackfill'] = ResolversParentTypes['HealthBackfill']> = {
  done?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  percent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reached?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  until?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type HealthGoalResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthGoal'] = ResolversParentTypes['HealthGoal'], FederationReferenceType extends FederationReferenceTypes['HealthGoal'] = FederationReferenceTypes['HealthGoal']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['HealthGoal']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isActive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  metricType?: Resolver<ResolversTypes['HealthMetricType'], ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['HealthGoalProgress'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  targetValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HealthGoalConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthGoalConnection'] = ResolversParentTypes['HealthGoalConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['HealthGoal']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HealthGoalProgressResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthGoalProgress'] = ResolversParentTypes['HealthGoalProgress']> = {
  currentValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  onTrack?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  percent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type HealthIntegrationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthIntegration'] = ResolversParentTypes['HealthIntegration'], FederationReferenceType extends FederationReferenceTypes['HealthIntegration'] = FederationReferenceTypes['HealthIntegration']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['HealthIntegration']> | FederationReferenceType, FederationReferenceType, ContextType>;
  backfill?: Resolver<Maybe<ResolversTypes['HealthBackfill']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inactiveReason?: Resolver<Maybe<ResolversTypes['HealthIntegrationInactiveReason']>, ParentType, ContextType>;
  isActive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['HealthSyncError']>, ParentType, ContextType>;
  lastErrorAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSyncAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  needsReconnect?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['HealthProvider'], ParentType, ContextType>;
};

export type HealthIntegrationConnectedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthIntegrationConnected'] = ResolversParentTypes['HealthIntegrationConnected']> = {
  integration?: Resolver<ResolversTypes['HealthIntegration'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type HealthIntegrationFailedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthIntegrationFailed'] = ResolversParentTypes['HealthIntegrationFailed']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['HealthIntegrationFailureReason'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type HealthIntegrationStartResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthIntegrationStart'] = ResolversParentTypes['HealthIntegrationStart']> = {
  authorizationUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  flowSecret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HealthMetricResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthMetric'] = ResolversParentTypes['HealthMetric'], FederationReferenceType extends FederationReferenceTypes['HealthMetric'] = FederationReferenceTypes['HealthMetric']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['HealthMetric']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metricType?: Resolver<ResolversTypes['HealthMetricType'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['HealthMetricSource'], ParentType, ContextType>;
  sourceDevice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  syncedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type HealthMetricConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthMetricConnection'] = ResolversParentTypes['HealthMetricConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['HealthMetric']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HealthMetricInputErrorResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthMetricInputError'] = ResolversParentTypes['HealthMetricInputError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type HealthMetricsRecordedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthMetricsRecorded'] = ResolversParentTypes['HealthMetricsRecorded']> = {
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type HealthSeriesPointResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthSeriesPoint'] = ResolversParentTypes['HealthSeriesPoint']> = {
  avg?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  min?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  start?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  sum?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type HealthSourcePriorityResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthSourcePriority'] = ResolversParentTypes['HealthSourcePriority']> = {
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  metricType?: Resolver<ResolversTypes['HealthMetricType'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['HealthMetricSource']>, ParentType, ContextType>;
};

export type HealthSyncAnchorStaleResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthSyncAnchorStale'] = ResolversParentTypes['HealthSyncAnchorStale']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currentAnchor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['DeviceHealthSource'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  completeHealthIntegration?: Resolver<ResolversTypes['CompleteHealthIntegrationResult'], ParentType, ContextType, RequireFields<MutationCompleteHealthIntegrationArgs, 'code' | 'provider' | 'state'>>;
  connectHealthIntegration?: Resolver<ResolversTypes['HealthIntegration'], ParentType, ContextType, RequireFields<MutationConnectHealthIntegrationArgs, 'input'>>;
  createHealthGoal?: Resolver<ResolversTypes['HealthGoal'], ParentType, ContextType, RequireFields<MutationCreateHealthGoalArgs, 'input'>>;
  deactivateHealthGoal?: Resolver<ResolversTypes['HealthGoal'], ParentType, ContextType, RequireFields<MutationDeactivateHealthGoalArgs, 'id'>>;
  disconnectHealthIntegration?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDisconnectHealthIntegrationArgs, 'provider'>>;
  recordHealthMetrics?: Resolver<ResolversTypes['RecordHealthMetricsResult'], ParentType, ContextType, RequireFields<MutationRecordHealthMetricsArgs, 'input'>>;
  setHealthSourcePriority?: Resolver<ResolversTypes['HealthSourcePriority'], ParentType, ContextType, RequireFields<MutationSetHealthSourcePriorityArgs, 'metricType' | 'sources'>>;
  startHealthIntegration?: Resolver<ResolversTypes['HealthIntegrationStart'], ParentType, ContextType, RequireFields<MutationStartHealthIntegrationArgs, 'client' | 'provider' | 'redirectUri'>>;
  syncDeviceHealthData?: Resolver<ResolversTypes['SyncDeviceHealthDataResult'], ParentType, ContextType, RequireFields<MutationSyncDeviceHealthDataArgs, 'input'>>;
  updateHealthGoal?: Resolver<ResolversTypes['HealthGoal'], ParentType, ContextType, RequireFields<MutationUpdateHealthGoalArgs, 'id' | 'input'>>;
};

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProblemResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Problem'] = ResolversParentTypes['Problem']> = {
  __resolveType: TypeResolveFn<'DeviceHealthSampleError' | 'HealthIntegrationFailed' | 'HealthMetricInputError' | 'HealthSyncAnchorStale', ParentType, ContextType>;
};

export type RecordHealthMetricsResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RecordHealthMetricsResult'] = ResolversParentTypes['RecordHealthMetricsResult']> = {
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  duplicates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['HealthMetricInputError']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  healthMetricsRecorded?: SubscriptionResolver<ResolversTypes['HealthMetricsRecorded'], "healthMetricsRecorded", ParentType, ContextType, Partial<SubscriptionHealthMetricsRecordedArgs>>;
};

export type SyncDeviceHealthDataResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SyncDeviceHealthDataResult'] = ResolversParentTypes['SyncDeviceHealthDataResult']> = {
  __resolveType: TypeResolveFn<'DeviceHealthDataSynced' | 'HealthSyncAnchorStale', ParentType, ContextType>;
};

export interface TimeZoneScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['TimeZone'], any> {
  name: 'TimeZone';
}

export type TrainerClientResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TrainerClient'] = ResolversParentTypes['TrainerClient'], FederationReferenceType extends FederationReferenceTypes['TrainerClient'] = FederationReferenceTypes['TrainerClient']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['TrainerClient']> | FederationReferenceType, FederationReferenceType, ContextType>;
  healthSeries?: Resolver<Maybe<Array<ResolversTypes['HealthSeriesPoint']>>, ParentType, ContextType, RequireFields<TrainerClientHealthSeriesArgs, 'bucket' | 'includeEmpty' | 'metricType'>>;
  latestHealthMetrics?: Resolver<Maybe<Array<ResolversTypes['HealthMetric']>>, ParentType, ContextType, Partial<TrainerClientLatestHealthMetricsArgs>>;
  trainerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  healthGoals?: Resolver<Maybe<ResolversTypes['HealthGoalConnection']>, ParentType, ContextType, RequireFields<UserHealthGoalsArgs, 'activeOnly' | 'first'>>;
  healthIntegrations?: Resolver<Maybe<Array<ResolversTypes['HealthIntegration']>>, ParentType, ContextType>;
  healthMetrics?: Resolver<Maybe<ResolversTypes['HealthMetricConnection']>, ParentType, ContextType, RequireFields<UserHealthMetricsArgs, 'first'>>;
  healthSeries?: Resolver<Maybe<Array<ResolversTypes['HealthSeriesPoint']>>, ParentType, ContextType, RequireFields<UserHealthSeriesArgs, 'bucket' | 'includeEmpty' | 'metricType'>>;
  healthSourcePriorities?: Resolver<Maybe<Array<ResolversTypes['HealthSourcePriority']>>, ParentType, ContextType, Partial<UserHealthSourcePrioritiesArgs>>;
  healthSyncState?: Resolver<Maybe<Array<ResolversTypes['DeviceHealthSyncState']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latestHealthMetrics?: Resolver<Maybe<Array<ResolversTypes['HealthMetric']>>, ParentType, ContextType, Partial<UserLatestHealthMetricsArgs>>;
};

export type Resolvers<ContextType = RequestContext> = {
  CompleteHealthIntegrationResult?: CompleteHealthIntegrationResultResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DeviceHealthDataSynced?: DeviceHealthDataSyncedResolvers<ContextType>;
  DeviceHealthSampleError?: DeviceHealthSampleErrorResolvers<ContextType>;
  DeviceHealthSyncState?: DeviceHealthSyncStateResolvers<ContextType>;
  HealthBackfill?: HealthBackfillResolvers<ContextType>;
  HealthGoal?: HealthGoalResolvers<ContextType>;
  HealthGoalConnection?: HealthGoalConnectionResolvers<ContextType>;
  HealthGoalProgress?: HealthGoalProgressResolvers<ContextType>;
  HealthIntegration?: HealthIntegrationResolvers<ContextType>;
  HealthIntegrationConnected?: HealthIntegrationConnectedResolvers<ContextType>;
  HealthIntegrationFailed?: HealthIntegrationFailedResolvers<ContextType>;
  HealthIntegrationStart?: HealthIntegrationStartResolvers<ContextType>;
  HealthMetric?: HealthMetricResolvers<ContextType>;
  HealthMetricConnection?: HealthMetricConnectionResolvers<ContextType>;
  HealthMetricInputError?: HealthMetricInputErrorResolvers<ContextType>;
  HealthMetricsRecorded?: HealthMetricsRecordedResolvers<ContextType>;
  HealthSeriesPoint?: HealthSeriesPointResolvers<ContextType>;
  HealthSourcePriority?: HealthSourcePriorityResolvers<ContextType>;
  HealthSyncAnchorStale?: HealthSyncAnchorStaleResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Problem?: ProblemResolvers<ContextType>;
  RecordHealthMetricsResult?: RecordHealthMetricsResultResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SyncDeviceHealthDataResult?: SyncDeviceHealthDataResultResolvers<ContextType>;
  TimeZone?: GraphQLScalarType;
  TrainerClient?: TrainerClientResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

