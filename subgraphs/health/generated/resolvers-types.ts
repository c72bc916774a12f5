import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { HealthUser as HealthUserModel } from '../access.js';
import type { HealthMetricRow as HealthMetricRowModel, HealthGoalRow as HealthGoalRowModel, HealthIntegrationRow as HealthIntegrationRowModel } from '../tables.js';
import type { CoachingKey as CoachingKeyModel } from '../coaching.js';
import type { HealthMetricsRecordedModel as HealthMetricsRecordedModelModel } from '../live.js';
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

/** Connecting a provider. GARMIN and FITBIT need the OAuth2 tokens the app obtained; the others need none. */
export type ConnectHealthIntegrationInput = {
  /** The OAuth2 access token (GARMIN, FITBIT). */
  accessToken?: InputMaybe<Scalars['String']['input']>;
  /** Which provider. */
  provider: HealthProvider;
  /** The OAuth2 refresh token (GARMIN, FITBIT). */
  refreshToken?: InputMaybe<Scalars['String']['input']>;
  /** When the access token expires: between 2000-01-01 and 10 years from now. */
  tokenExpiresAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A new goal. */
export type CreateHealthGoalInput = {
  /** Last day: on or after startDate and at most 10 years after it; open-ended when left out. */
  endDate?: InputMaybe<Scalars['Date']['input']>;
  /** The metric. */
  metricType: HealthMetricType;
  /** First day of the period: on or after 2000-01-01 and at most 10 years from today. */
  startDate: Scalars['Date']['input'];
  /** The target, a positive whole number in the metric's unit. */
  targetValue: Scalars['Int']['input'];
  /** The metric's unit; must match the type. */
  unit: Scalars['String']['input'];
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
  /** How far the user is, from their samples in the period (days in UTC). */
  progress: HealthGoalProgress;
  /** First day of the period. */
  startDate: Scalars['Date']['output'];
  /** The target, in unit: a total over the period for cumulative types, a level for HEART_RATE and WEIGHT. */
  targetValue: Scalars['Int']['output'];
  /** The metric's unit. */
  unit: Scalars['String']['output'];
};

/** A page of goals. */
export type HealthGoalConnection = {
  __typename?: 'HealthGoalConnection';
  /** The goals on this page. */
  nodes: Array<HealthGoal>;
  /** Where the page ends. */
  pageInfo: HealthPageInfo;
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
  /** When the connection was made. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** False when the provider refused the tokens; reconnect to resume syncing. */
  isActive: Scalars['Boolean']['output'];
  /** When data was last pulled (GARMIN, FITBIT) or null. */
  lastSyncAt?: Maybe<Scalars['DateTime']['output']>;
  /** Which provider. */
  provider: HealthProvider;
};

/** One immutable sample. */
export type HealthMetric = {
  __typename?: 'HealthMetric';
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** What was measured. */
  metricType: HealthMetricType;
  /** When it was measured. */
  recordedDate: Scalars['DateTime']['output'];
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
  pageInfo: HealthPageInfo;
};

/** One sample to record. */
export type HealthMetricInput = {
  /** What was measured. */
  metricType: HealthMetricType;
  /** When it was measured: on or after 2000-01-01 and not more than 5 minutes in the future. */
  recordedDate: Scalars['DateTime']['input'];
  /** Where the sample came from; MANUAL when left out. */
  source?: InputMaybe<HealthMetricSource>;
  /** The device that measured it, up to 100 characters. */
  sourceDevice?: InputMaybe<Scalars['String']['input']>;
  /** The unit, which must be the type's unit: count, bpm, kcal, m, min or kg. */
  unit: Scalars['String']['input'];
  /** The value: finite, not negative, below 100,000,000, at most two decimals are kept. */
  value: Scalars['Float']['input'];
};

/** A sample that was refused. */
export type HealthMetricInputError = {
  __typename?: 'HealthMetricInputError';
  /** The input field at fault. */
  field: Scalars['String']['output'];
  /** The sample's position in the input list, from 0. */
  index: Scalars['Int']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** Where a sample came from. */
export type HealthMetricSource =
  /** Apple HealthKit, sent by the iOS app. */
  | 'APPLE_HEALTH'
  /** Pulled from the Fitbit Web API by the sync worker. */
  | 'FITBIT'
  /** Pulled from Garmin Health by the sync worker. */
  | 'GARMIN'
  /** Google Fit / Health Connect, sent by the Android app. */
  | 'GOOGLE_FIT'
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

/** Cursor information for a page. */
export type HealthPageInfo = {
  __typename?: 'HealthPageInfo';
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A wearable or health platform a user can connect. */
export type HealthProvider =
  /** Apple Health: data arrives from the iOS app through recordHealthMetrics. */
  | 'APPLE_HEALTH'
  /** Fitbit Web API: pulled by the sync worker. */
  | 'FITBIT'
  /** Garmin Health API: pulled by the sync worker. */
  | 'GARMIN'
  /** Google Fit / Health Connect: data arrives from the Android app through recordHealthMetrics. */
  | 'GOOGLE_FIT';

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

/** A run of whole days on a calendar (a time zone's), both ends included. */
export type LocalDateRange = {
  /** The first day. */
  from: Scalars['Date']['input'];
  /** The last day, on or after from. */
  to: Scalars['Date']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Connects a provider, or replaces its tokens when already connected. */
  connectHealthIntegration: HealthIntegration;
  /** Creates a goal for the signed-in user. */
  createHealthGoal: HealthGoal;
  /** Deactivates one of the signed-in user's goals; it stays readable with isActive false. */
  deactivateHealthGoal: HealthGoal;
  /** Disconnects a provider; its tokens are revoked at the provider. True when one was connected. */
  disconnectHealthIntegration: Scalars['Boolean']['output'];
  /** Records up to 5,000 samples for the signed-in user in one write; all or nothing. */
  recordHealthMetrics: RecordHealthMetricsResult;
  /** Changes one of the signed-in user's goals. */
  updateHealthGoal: HealthGoal;
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


export type MutationUpdateHealthGoalArgs = {
  id: Scalars['ID']['input'];
  input: UpdateHealthGoalInput;
};

/** The outcome of recordHealthMetrics. When errors is not empty nothing was written. */
export type RecordHealthMetricsResult = {
  __typename?: 'RecordHealthMetricsResult';
  /** Samples written by this call. */
  accepted: Scalars['Int']['output'];
  /** Samples already stored (same type, source and instant): re-sends change nothing. */
  duplicates: Scalars['Int']['output'];
  /** What was wrong with which sample; empty when the call succeeded. */
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
  /** A new target, a positive whole number. */
  targetValue?: InputMaybe<Scalars['Int']['input']>;
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



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ConnectHealthIntegrationInput: ConnectHealthIntegrationInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CreateHealthGoalInput: CreateHealthGoalInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  HealthGoal: ResolverTypeWrapper<HealthGoalRowModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  HealthGoalConnection: ResolverTypeWrapper<Omit<HealthGoalConnection, 'nodes'> & { nodes: Array<ResolversTypes['HealthGoal']> }>;
  HealthGoalProgress: ResolverTypeWrapper<HealthGoalProgress>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  HealthIntegration: ResolverTypeWrapper<HealthIntegrationRowModel>;
  HealthMetric: ResolverTypeWrapper<HealthMetricRowModel>;
  HealthMetricConnection: ResolverTypeWrapper<Omit<HealthMetricConnection, 'nodes'> & { nodes: Array<ResolversTypes['HealthMetric']> }>;
  HealthMetricInput: HealthMetricInput;
  HealthMetricInputError: ResolverTypeWrapper<HealthMetricInputError>;
  HealthMetricSource: HealthMetricSource;
  HealthMetricType: HealthMetricType;
  HealthMetricsRecorded: ResolverTypeWrapper<HealthMetricsRecordedModelModel>;
  HealthPageInfo: ResolverTypeWrapper<HealthPageInfo>;
  HealthProvider: HealthProvider;
  HealthSeriesPoint: ResolverTypeWrapper<HealthSeriesPoint>;
  LocalDateRange: LocalDateRange;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordHealthMetricsResult: ResolverTypeWrapper<RecordHealthMetricsResult>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TimeBucket: TimeBucket;
  TimeZone: ResolverTypeWrapper<Scalars['TimeZone']['output']>;
  TrainerClient: ResolverTypeWrapper<CoachingKeyModel>;
  UpdateHealthGoalInput: UpdateHealthGoalInput;
  User: ResolverTypeWrapper<HealthUserModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ConnectHealthIntegrationInput: ConnectHealthIntegrationInput;
  String: Scalars['String']['output'];
  CreateHealthGoalInput: CreateHealthGoalInput;
  Int: Scalars['Int']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  HealthGoal: HealthGoalRowModel;
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  HealthGoalConnection: Omit<HealthGoalConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['HealthGoal']> };
  HealthGoalProgress: HealthGoalProgress;
  Float: Scalars['Float']['output'];
  HealthIntegration: HealthIntegrationRowModel;
  HealthMetric: HealthMetricRowModel;
  HealthMetricConnection: Omit<HealthMetricConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['HealthMetric']> };
  HealthMetricInput: HealthMetricInput;
  HealthMetricInputError: HealthMetricInputError;
  HealthMetricsRecorded: HealthMetricsRecordedModelModel;
  HealthPageInfo: HealthPageInfo;
  HealthSeriesPoint: HealthSeriesPoint;
  LocalDateRange: LocalDateRange;
  Mutation: Record<PropertyKey, never>;
  RecordHealthMetricsResult: RecordHealthMetricsResult;
  Subscription: Record<PropertyKey, never>;
  TimeZone: Scalars['TimeZone']['output'];
  TrainerClient: CoachingKeyModel;
  UpdateHealthGoalInput: UpdateHealthGoalInput;
  User: HealthUserModel;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type HealthGoalResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthGoal'] = ResolversParentTypes['HealthGoal'], FederationReferenceType extends FederationReferenceTypes['HealthGoal'] = FederationReferenceTypes['HealthGoal']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['HealthGoal']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isActive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  metricType?: Resolver<ResolversTypes['HealthMetricType'], ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['HealthGoalProgress'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  targetValue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HealthGoalConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthGoalConnection'] = ResolversParentTypes['HealthGoalConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['HealthGoal']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['HealthPageInfo'], ParentType, ContextType>;
};

export type HealthGoalProgressResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthGoalProgress'] = ResolversParentTypes['HealthGoalProgress']> = {
  currentValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  onTrack?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  percent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type HealthIntegrationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthIntegration'] = ResolversParentTypes['HealthIntegration'], FederationReferenceType extends FederationReferenceTypes['HealthIntegration'] = FederationReferenceTypes['HealthIntegration']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['HealthIntegration']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isActive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastSyncAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['HealthProvider'], ParentType, ContextType>;
};

export type HealthMetricResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthMetric'] = ResolversParentTypes['HealthMetric'], FederationReferenceType extends FederationReferenceTypes['HealthMetric'] = FederationReferenceTypes['HealthMetric']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['HealthMetric']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metricType?: Resolver<ResolversTypes['HealthMetricType'], ParentType, ContextType>;
  recordedDate?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['HealthMetricSource'], ParentType, ContextType>;
  sourceDevice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  syncedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type HealthMetricConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthMetricConnection'] = ResolversParentTypes['HealthMetricConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['HealthMetric']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['HealthPageInfo'], ParentType, ContextType>;
};

export type HealthMetricInputErrorResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthMetricInputError'] = ResolversParentTypes['HealthMetricInputError']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HealthMetricsRecordedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthMetricsRecorded'] = ResolversParentTypes['HealthMetricsRecorded']> = {
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type HealthPageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthPageInfo'] = ResolversParentTypes['HealthPageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type HealthSeriesPointResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['HealthSeriesPoint'] = ResolversParentTypes['HealthSeriesPoint']> = {
  avg?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  min?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  start?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  sum?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  connectHealthIntegration?: Resolver<ResolversTypes['HealthIntegration'], ParentType, ContextType, RequireFields<MutationConnectHealthIntegrationArgs, 'input'>>;
  createHealthGoal?: Resolver<ResolversTypes['HealthGoal'], ParentType, ContextType, RequireFields<MutationCreateHealthGoalArgs, 'input'>>;
  deactivateHealthGoal?: Resolver<ResolversTypes['HealthGoal'], ParentType, ContextType, RequireFields<MutationDeactivateHealthGoalArgs, 'id'>>;
  disconnectHealthIntegration?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDisconnectHealthIntegrationArgs, 'provider'>>;
  recordHealthMetrics?: Resolver<ResolversTypes['RecordHealthMetricsResult'], ParentType, ContextType, RequireFields<MutationRecordHealthMetricsArgs, 'input'>>;
  updateHealthGoal?: Resolver<ResolversTypes['HealthGoal'], ParentType, ContextType, RequireFields<MutationUpdateHealthGoalArgs, 'id' | 'input'>>;
};

export type RecordHealthMetricsResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RecordHealthMetricsResult'] = ResolversParentTypes['RecordHealthMetricsResult']> = {
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  duplicates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['HealthMetricInputError']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  healthMetricsRecorded?: SubscriptionResolver<ResolversTypes['HealthMetricsRecorded'], "healthMetricsRecorded", ParentType, ContextType, Partial<SubscriptionHealthMetricsRecordedArgs>>;
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
  healthGoals?: Resolver<Maybe<ResolversTypes['HealthGoalConnection']>, ParentType, ContextType, RequireFields<UserHealthGoalsArgs, 'activeOnly'>>;
  healthIntegrations?: Resolver<Maybe<Array<ResolversTypes['HealthIntegration']>>, ParentType, ContextType>;
  healthMetrics?: Resolver<Maybe<ResolversTypes['HealthMetricConnection']>, ParentType, ContextType, Partial<UserHealthMetricsArgs>>;
  healthSeries?: Resolver<Maybe<Array<ResolversTypes['HealthSeriesPoint']>>, ParentType, ContextType, RequireFields<UserHealthSeriesArgs, 'bucket' | 'includeEmpty' | 'metricType'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latestHealthMetrics?: Resolver<Maybe<Array<ResolversTypes['HealthMetric']>>, ParentType, ContextType, Partial<UserLatestHealthMetricsArgs>>;
};

export type Resolvers<ContextType = RequestContext> = {
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  HealthGoal?: HealthGoalResolvers<ContextType>;
  HealthGoalConnection?: HealthGoalConnectionResolvers<ContextType>;
  HealthGoalProgress?: HealthGoalProgressResolvers<ContextType>;
  HealthIntegration?: HealthIntegrationResolvers<ContextType>;
  HealthMetric?: HealthMetricResolvers<ContextType>;
  HealthMetricConnection?: HealthMetricConnectionResolvers<ContextType>;
  HealthMetricInputError?: HealthMetricInputErrorResolvers<ContextType>;
  HealthMetricsRecorded?: HealthMetricsRecordedResolvers<ContextType>;
  HealthPageInfo?: HealthPageInfoResolvers<ContextType>;
  HealthSeriesPoint?: HealthSeriesPointResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  RecordHealthMetricsResult?: RecordHealthMetricsResultResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TimeZone?: GraphQLScalarType;
  TrainerClient?: TrainerClientResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

