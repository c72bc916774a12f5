import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CohortRow as CohortRowModel } from '../tables.js';
import type { MetricsRange as MetricsRangeModel } from '../metrics.js';
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
  /** A JSON object; arrays, strings and numbers at the top level are rejected before any resolver runs. */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** A UUID in its canonical text form. */
  UUID: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** How active-user counts are windowed. */
export type ActivePeriod =
  /** Distinct users active on the day (DAU). */
  | 'DAY'
  /** Distinct users active in the 30 days ending with the day (MAU). */
  | 'MONTH'
  /** Distinct users active in the 7 days ending with the day (WAU). */
  | 'WEEK';

/** Active users for one day of the range. */
export type ActiveUsersPoint = {
  __typename?: 'ActiveUsersPoint';
  /** Distinct users with at least one event in the window ending that day. */
  activeUsers: Scalars['Int']['output'];
  /** The day (UTC). */
  date: Scalars['Date']['output'];
};

/**
 * One product event a client observed. Events are stored as sent (after the limits below), attributed
 * to the signed-in user if there is one, with the client's IP address cut to its network (/24 for
 * IPv4, /48 for IPv6).
 */
export type AnalyticsEventInput = {
  /** A UUID the client makes once per event and repeats when it retries, so a retried batch is stored once. */
  clientEventId: Scalars['UUID']['input'];
  /** Device, OS and app version; at most 2 KiB as JSON and 5 levels deep. */
  deviceInfo?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Properties of the event; at most 8 KiB as JSON and 5 levels deep. */
  eventData?: InputMaybe<Scalars['JSONObject']['input']>;
  /**
   * What happened: 1-64 lower-case letters, digits and '_', starting with a letter (e.g. screen_view).
   * Server-side types (signup, login, workout_complete, subscription_*, payment_*) are refused.
   */
  eventType: Scalars['String']['input'];
  /** When it happened on the device; within the last 7 days and not in the future. Defaults to arrival time. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Which client sent it. */
  source: EventSource;
};

/** One problem of a refused event; the event was not stored, the batch's valid events were. */
export type AnalyticsEventInputError = Problem & {
  __typename?: 'AnalyticsEventInputError';
  /** BAD_USER_INPUT: the ErrorCode an error about this input would carry. */
  code: Scalars['String']['output'];
  /** The input field at fault as a path from the mutation's arguments, e.g. events.2.eventData. */
  field: Scalars['String']['output'];
  /** The event's position in the events list, from 0. */
  index: Scalars['Int']['output'];
  /** Human-readable explanation, safe to show to the user. */
  message: Scalars['String']['output'];
};

/**
 * A named set of users defined by rules over their events and properties (admins only). Membership
 * is computed by refreshCohort and by the scheduled refresh, not live.
 */
export type Cohort = {
  __typename?: 'Cohort';
  /** When membership was last computed; null before the first computation. */
  computedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the cohort was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The definition in the cohort definition language (docs/domains.md, 'Cohorts'). */
  definition: Scalars['JSONObject']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /**
   * Members as of computedAt, ordered by user id. A deleted user leaves every cohort at once, so
   * every member is a user.
   */
  members: CohortMemberConnection;
  /** Unique name (case-insensitive). */
  name: Scalars['String']['output'];
  /** When the name or definition last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** How many users were members when the cohort was last computed. */
  userCount: Scalars['Int']['output'];
};


/**
 * A named set of users defined by rules over their events and properties (admins only). Membership
 * is computed by refreshCohort and by the scheduled refresh, not live.
 */
export type CohortMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of cohorts. */
export type CohortConnection = {
  __typename?: 'CohortConnection';
  /** The cohorts on this page, newest first. */
  nodes: Array<Cohort>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** A page of a cohort's members. */
export type CohortMemberConnection = {
  __typename?: 'CohortMemberConnection';
  /** The members on this page, in user id order. */
  nodes: Array<User>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many members the cohort has (the same as Cohort.userCount once computed). */
  totalCount: Scalars['Int']['output'];
};

/** Where a client event was sent from. */
export type EventSource =
  /** The Android app. */
  | 'ANDROID'
  /** The iOS app. */
  | 'IOS'
  /** A web browser. */
  | 'WEB';

/** How many events of one type arrived on one day. */
export type EventTypeCount = {
  __typename?: 'EventTypeCount';
  /** Events of that type that day. */
  count: Scalars['Int']['output'];
  /** The day (UTC). */
  date: Scalars['Date']['output'];
  /** The event type. */
  eventType: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Creates a cohort and computes its membership (admins only). Invalid definitions are refused with BAD_USER_INPUT naming the field. */
  createCohort: Cohort;
  /** Recomputes a cohort's membership and userCount now (admins only). */
  refreshCohort: Cohort;
  /**
   * Stores up to 1,000 client events. With a session they are attributed to the user; without one
   * they are anonymous. A retried batch is stored once (by clientEventId). The valid events are
   * stored and each invalid one is reported by index in errors (and not stored). More than 1,000
   * events, or too many calls (RATE_LIMITED), is refused whole as an error.
   */
  trackEvents: TrackEventsResult;
  /** Renames a cohort or replaces its definition, then recomputes membership (admins only). */
  updateCohort: Cohort;
};


export type MutationCreateCohortArgs = {
  definition: Scalars['JSONObject']['input'];
  name: Scalars['String']['input'];
};


export type MutationRefreshCohortArgs = {
  id: Scalars['ID']['input'];
};


export type MutationTrackEventsArgs = {
  events: Array<AnalyticsEventInput>;
};


export type MutationUpdateCohortArgs = {
  definition?: InputMaybe<Scalars['JSONObject']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};

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

/** Product metrics over a range of days (admins only); computed from stored events, days in UTC. */
export type ProductMetrics = {
  __typename?: 'ProductMetrics';
  /** One point per day of the range: daily, weekly or monthly active users. */
  activeUsers: Array<ActiveUsersPoint>;
  /**
   * Events per type per day, for the given types (at most 50) or all types; days without events are
   * left out. Without eventTypes, a range with more than 50 event types is BAD_USER_INPUT.
   */
  eventCounts: Array<EventTypeCount>;
  /** First day of the range. */
  from: Scalars['Date']['output'];
  /** Last day of the range (inclusive). */
  to: Scalars['Date']['output'];
  /** Weekly signup cohorts (weeks start on Monday, UTC) that overlap the range, with activity for `weeks` weeks (1-26, default 8). */
  weeklyRetention: Array<RetentionCohort>;
};


/** Product metrics over a range of days (admins only); computed from stored events, days in UTC. */
export type ProductMetricsActiveUsersArgs = {
  period: ActivePeriod;
};


/** Product metrics over a range of days (admins only); computed from stored events, days in UTC. */
export type ProductMetricsEventCountsArgs = {
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
};


/** Product metrics over a range of days (admins only); computed from stored events, days in UTC. */
export type ProductMetricsWeeklyRetentionArgs = {
  weeks?: InputMaybe<Scalars['Int']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** One cohort by id, or null (admins only). */
  cohort?: Maybe<Cohort>;
  /** Cohorts, newest first (admins only). `first` is at most 100 (default 20). */
  cohorts: CohortConnection;
  /** Product metrics from `from` to `to` inclusive, at most 366 days (admins only). */
  productMetrics: ProductMetrics;
};


export type QueryCohortArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCohortsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryProductMetricsArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};

/** The users who signed up in one week and how many came back in each following week. */
export type RetentionCohort = {
  __typename?: 'RetentionCohort';
  /** Users who signed up that week. */
  size: Scalars['Int']['output'];
  /** Monday (UTC) of the signup week. */
  weekStart: Scalars['Date']['output'];
  /** Activity per week since signup; entry N is week N (week 0 is the signup week). */
  weeks: Array<RetentionWeek>;
};

/** One week of a signup cohort's activity. */
export type RetentionWeek = {
  __typename?: 'RetentionWeek';
  /** Members of the cohort with at least one event in that week. */
  activeUsers: Scalars['Int']['output'];
  /** activeUsers / size, from 0 to 1. */
  rate: Scalars['Float']['output'];
  /** Weeks since the signup week. */
  week: Scalars['Int']['output'];
};

/**
 * What trackEvents stored. The valid events are stored and every refused one is listed in errors;
 * accepted + duplicates + the number of distinct indexes in errors is the number of events sent.
 */
export type TrackEventsResult = {
  __typename?: 'TrackEventsResult';
  /** Valid events stored by this call. */
  accepted: Scalars['Int']['output'];
  /** Valid events skipped because their clientEventId was stored before (or repeated within the batch). */
  duplicates: Scalars['Int']['output'];
  /** Every problem of every refused event (an event may have several); empty when all were valid. */
  errors: Array<AnalyticsEventInputError>;
};

/** A person with an account, owned by the identity subgraph; analytics only refers to it. */
export type User = {
  __typename?: 'User';
  /** Stable identifier. */
  id: Scalars['ID']['output'];
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
  Cohort: Cohort;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Cohort:
    ( { __typename: 'Cohort' }
    & GraphQLRecursivePick<FederationTypes['Cohort'], {"id":true}> );
};


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Problem: ( Omit<AnalyticsEventInputError, 'code'> );
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ActivePeriod: ActivePeriod;
  ActiveUsersPoint: ResolverTypeWrapper<ActiveUsersPoint>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AnalyticsEventInput: AnalyticsEventInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AnalyticsEventInputError: ResolverTypeWrapper<Omit<AnalyticsEventInputError, 'code'>>;
  Cohort: ResolverTypeWrapper<CohortRowModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CohortConnection: ResolverTypeWrapper<Omit<CohortConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['Cohort']>; totalCount: () => Promise<number> }>;
  CohortMemberConnection: ResolverTypeWrapper<Omit<CohortMemberConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['User']>; totalCount: () => Promise<number> }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EventSource: EventSource;
  EventTypeCount: ResolverTypeWrapper<EventTypeCount>;
  JSONObject: ResolverTypeWrapper<Scalars['JSONObject']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Problem: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Problem']>;
  ProductMetrics: ResolverTypeWrapper<MetricsRangeModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RetentionCohort: ResolverTypeWrapper<RetentionCohort>;
  RetentionWeek: ResolverTypeWrapper<RetentionWeek>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  TrackEventsResult: ResolverTypeWrapper<Omit<TrackEventsResult, 'errors'> & { errors: Array<ResolversTypes['AnalyticsEventInputError']> }>;
  UUID: ResolverTypeWrapper<Scalars['UUID']['output']>;
  User: ResolverTypeWrapper<User>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ActiveUsersPoint: ActiveUsersPoint;
  Int: Scalars['Int']['output'];
  AnalyticsEventInput: AnalyticsEventInput;
  String: Scalars['String']['output'];
  AnalyticsEventInputError: Omit<AnalyticsEventInputError, 'code'>;
  Cohort: CohortRowModel;
  ID: Scalars['ID']['output'];
  CohortConnection: Omit<CohortConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['Cohort']>; totalCount: () => Promise<number> };
  CohortMemberConnection: Omit<CohortMemberConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['User']>; totalCount: () => Promise<number> };
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  EventTypeCount: EventTypeCount;
  JSONObject: Scalars['JSONObject']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Problem: ResolversInterfaceTypes<ResolversParentTypes>['Problem'];
  ProductMetrics: MetricsRangeModel;
  Query: Record<PropertyKey, never>;
  RetentionCohort: RetentionCohort;
  RetentionWeek: RetentionWeek;
  Float: Scalars['Float']['output'];
  TrackEventsResult: Omit<TrackEventsResult, 'errors'> & { errors: Array<ResolversParentTypes['AnalyticsEventInputError']> };
  UUID: Scalars['UUID']['output'];
  User: User;
};

export type ActiveUsersPointResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ActiveUsersPoint'] = ResolversParentTypes['ActiveUsersPoint']> = {
  activeUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type AnalyticsEventInputErrorResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AnalyticsEventInputError'] = ResolversParentTypes['AnalyticsEventInputError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CohortResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Cohort'] = ResolversParentTypes['Cohort'], FederationReferenceType extends FederationReferenceTypes['Cohort'] = FederationReferenceTypes['Cohort']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cohort']> | FederationReferenceType, FederationReferenceType, ContextType>;
  computedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  definition?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  members?: Resolver<ResolversTypes['CohortMemberConnection'], ParentType, ContextType, RequireFields<CohortMembersArgs, 'first'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  userCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CohortConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CohortConnection'] = ResolversParentTypes['CohortConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Cohort']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CohortMemberConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CohortMemberConnection'] = ResolversParentTypes['CohortMemberConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EventTypeCountResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EventTypeCount'] = ResolversParentTypes['EventTypeCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface JsonObjectScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSONObject'], any> {
  name: 'JSONObject';
}

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createCohort?: Resolver<ResolversTypes['Cohort'], ParentType, ContextType, RequireFields<MutationCreateCohortArgs, 'definition' | 'name'>>;
  refreshCohort?: Resolver<ResolversTypes['Cohort'], ParentType, ContextType, RequireFields<MutationRefreshCohortArgs, 'id'>>;
  trackEvents?: Resolver<ResolversTypes['TrackEventsResult'], ParentType, ContextType, RequireFields<MutationTrackEventsArgs, 'events'>>;
  updateCohort?: Resolver<ResolversTypes['Cohort'], ParentType, ContextType, RequireFields<MutationUpdateCohortArgs, 'id'>>;
};

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProblemResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Problem'] = ResolversParentTypes['Problem']> = {
  __resolveType: TypeResolveFn<'AnalyticsEventInputError', ParentType, ContextType>;
};

export type ProductMetricsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ProductMetrics'] = ResolversParentTypes['ProductMetrics']> = {
  activeUsers?: Resolver<Array<ResolversTypes['ActiveUsersPoint']>, ParentType, ContextType, RequireFields<ProductMetricsActiveUsersArgs, 'period'>>;
  eventCounts?: Resolver<Array<ResolversTypes['EventTypeCount']>, ParentType, ContextType, Partial<ProductMetricsEventCountsArgs>>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  weeklyRetention?: Resolver<Array<ResolversTypes['RetentionCohort']>, ParentType, ContextType, Partial<ProductMetricsWeeklyRetentionArgs>>;
};

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  cohort?: Resolver<Maybe<ResolversTypes['Cohort']>, ParentType, ContextType, RequireFields<QueryCohortArgs, 'id'>>;
  cohorts?: Resolver<ResolversTypes['CohortConnection'], ParentType, ContextType, RequireFields<QueryCohortsArgs, 'first'>>;
  productMetrics?: Resolver<ResolversTypes['ProductMetrics'], ParentType, ContextType, RequireFields<QueryProductMetricsArgs, 'from' | 'to'>>;
};

export type RetentionCohortResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RetentionCohort'] = ResolversParentTypes['RetentionCohort']> = {
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  weekStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  weeks?: Resolver<Array<ResolversTypes['RetentionWeek']>, ParentType, ContextType>;
};

export type RetentionWeekResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RetentionWeek'] = ResolversParentTypes['RetentionWeek']> = {
  activeUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  week?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TrackEventsResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TrackEventsResult'] = ResolversParentTypes['TrackEventsResult']> = {
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  duplicates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['AnalyticsEventInputError']>, ParentType, ContextType>;
};

export interface UuidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['UUID'], any> {
  name: 'UUID';
}

export type UserResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = RequestContext> = {
  ActiveUsersPoint?: ActiveUsersPointResolvers<ContextType>;
  AnalyticsEventInputError?: AnalyticsEventInputErrorResolvers<ContextType>;
  Cohort?: CohortResolvers<ContextType>;
  CohortConnection?: CohortConnectionResolvers<ContextType>;
  CohortMemberConnection?: CohortMemberConnectionResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  EventTypeCount?: EventTypeCountResolvers<ContextType>;
  JSONObject?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Problem?: ProblemResolvers<ContextType>;
  ProductMetrics?: ProductMetricsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RetentionCohort?: RetentionCohortResolvers<ContextType>;
  RetentionWeek?: RetentionWeekResolvers<ContextType>;
  TrackEventsResult?: TrackEventsResultResolvers<ContextType>;
  UUID?: GraphQLScalarType;
  User?: UserResolvers<ContextType>;
};

