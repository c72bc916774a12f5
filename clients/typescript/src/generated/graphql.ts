/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How active-user counts are windowed. */
export type ActivePeriod =
  /** Distinct users active on the day (DAU). */
  | 'DAY'
  /** Distinct users active in the 30 days ending with the day (MAU). */
  | 'MONTH'
  /** Distinct users active in the 7 days ending with the day (WAU). */
  | 'WEEK';

/** A new lesson. */
export type AddLessonInput = {
  /** Content items to work through, in order (at most 50): the trainer's own or published ones. */
  contentItemIds?: Array<string | number> | null | undefined;
  /** Up to 10000 characters. */
  description?: string | null | undefined;
  /** Expected duration in minutes, 0-1440. */
  durationMinutes?: number | null | undefined;
  /** The sequenceNumber it gets (1 = first); the end when left out. Later lessons move down one. */
  sequenceNumber?: number | null | undefined;
  /** 1-200 characters. */
  title: string;
};

/** An exercise line to add to a plan. */
export type AddWorkoutPlanExerciseInput = {
  /** The exercise from the catalogue. */
  exerciseId: string | number;
  /** Repetitions per set, 1-1000. */
  reps: number;
  /** Rest between sets in seconds, 0-3600 (default 60). */
  restSeconds?: number | null | undefined;
  /** Position, from 1; must be free in the plan. Left out: after the last line. */
  sequenceNumber?: number | null | undefined;
  /** Number of sets, 1-50. */
  sets: number;
  /** Load in kilograms, 0-1000; null for bodyweight. */
  weightKg?: number | null | undefined;
};

/**
 * One product event a client observed. Events are stored as sent (after the limits below), attributed
 * to the signed-in user if there is one, with the client's IP address cut to its network (/24 for
 * IPv4, /48 for IPv6).
 */
export type AnalyticsEventInput = {
  /** A UUID the client makes once per event and repeats when it retries, so a retried batch is stored once. */
  clientEventId: string;
  /** Device, OS and app version; at most 2 KiB as JSON and 5 levels deep. */
  deviceInfo?: Record<string, unknown> | null | undefined;
  /** Properties of the event; at most 8 KiB as JSON and 5 levels deep. */
  eventData?: Record<string, unknown> | null | undefined;
  /**
   * What happened: 1-64 lower-case letters, digits and '_', starting with a letter (e.g. screen_view).
   * Server-side types (signup, login, workout_complete, subscription_*, payment_*) are refused.
   */
  eventType: string;
  /** When it happened on the device; within the last 7 days and not in the future. Defaults to arrival time. */
  occurredAt?: string | null | undefined;
  /** Which client sent it. */
  source: EventSource;
};

/** An application to become a trainer. */
export type ApplyAsTrainerInput = {
  /** Your certification. */
  certificationLevel: CertificationLevel;
  /** What you specialize in, 1-10 entries of up to 50 characters. */
  specializations: Array<string>;
};

/** How often a plan is charged. */
export type BillingPeriod =
  /** Every twelve calendar months. */
  | 'ANNUAL'
  /** Every calendar month. */
  | 'MONTHLY'
  /** Every three calendar months. */
  | 'QUARTERLY';

/** A trainer's certification, as they declare it when applying; an admin checks it on verification. */
export type CertificationLevel =
  /** An advanced or specialist certificate. */
  | 'ADVANCED'
  /** An entry-level personal trainer certificate. */
  | 'BASIC'
  /** A master trainer or equivalent. */
  | 'MASTER';

/** A password change. */
export type ChangePasswordInput = {
  /** The password in use now. */
  currentPassword: string;
  /** The new password; same rules as at sign-up. */
  newPassword: string;
};

/** The challenge from TwoFactorRequired and a code. */
export type CompleteTwoFactorSignInInput = {
  /** TwoFactorRequired.challenge. */
  challenge: string;
  /** A 6-digit TOTP code, or an unused recovery code (xxxxx-xxxxx). */
  code: string;
};

/** How a workout went. */
export type CompleteWorkoutSessionInput = {
  /** How hard it felt. */
  intensityLevel: IntensityLevel;
  /** Notes, up to 2000 characters; replaces the notes given at start when present. */
  notes?: string | null | undefined;
};

/**
 * Connecting a provider whose data the app sends (APPLE_HEALTH, GOOGLE_FIT). GARMIN and
 * GOOGLE_HEALTH connect through startHealthIntegration instead.
 */
export type ConnectHealthIntegrationInput = {
  /** Which provider: APPLE_HEALTH or GOOGLE_FIT. */
  provider: HealthProvider;
};

/** The language content is written in; it chooses the stemming used to search it. */
export type ContentLanguage =
  /** English (English stemming: 'running' finds 'run'). */
  | 'ENGLISH'
  /** Russian (Russian stemming: 'упражнения' finds 'упражнение'). */
  | 'RUSSIAN';

/** What kind of media a content item is. */
export type ContentType =
  /** A written article. */
  | 'ARTICLE'
  /** An audio recording, e.g. a guided session or podcast. */
  | 'AUDIO'
  /** A single-image explainer. */
  | 'INFOGRAPHIC'
  /** A video. */
  | 'VIDEO';

/** Narrows the course catalogue. */
export type CourseFilter = {
  /** Only courses by this trainer (drafts too when the trainer asks). */
  creatorId?: string | number | null | undefined;
  /** Only courses at this level. */
  difficulty?: Difficulty | null | undefined;
  /** Only free (true) or only paid (false) courses. */
  isFree?: boolean | null | undefined;
};

/** A new content item; it starts as a draft. */
export type CreateContentItemInput = {
  /** http(s) URL of the media. */
  contentUrl?: string | null | undefined;
  /** Up to 10000 characters. */
  description?: string | null | undefined;
  /** How demanding it is. */
  difficulty?: Difficulty | null | undefined;
  /** The language it is written in (default ENGLISH). */
  language?: ContentLanguage | null | undefined;
  /** Up to 20 tags of 1-40 characters; stored lower-case, duplicates dropped. */
  tags?: Array<string> | null | undefined;
  /** http(s) URL of a preview image. */
  thumbnailUrl?: string | null | undefined;
  /** 1-200 characters. */
  title: string;
  /** The kind of media. */
  type: ContentType;
};

/** A new course; it starts as a draft without lessons. */
export type CreateCourseInput = {
  /** http(s) URL of a cover image. */
  coverImageUrl?: string | null | undefined;
  /** The ISO 4217 currency of priceCents (default USD). */
  currency?: string | null | undefined;
  /** Up to 10000 characters. */
  description?: string | null | undefined;
  /** How demanding it is. */
  difficulty?: Difficulty | null | undefined;
  /** Expected total duration in hours, 0-1000. */
  durationHours?: number | null | undefined;
  /** 1-200 characters. */
  name: string;
  /** Price in cents, 0-10000000; 0 (the default) makes the course free. */
  priceCents?: number | null | undefined;
};

/** A new habit. */
export type CreateHabitInput = {
  /** Free grouping, up to 50 characters. */
  category?: string | null | undefined;
  /** Days per week, 1-7 (default 7). */
  frequencyPerWeek?: number | null | undefined;
  /** Name, 1-100 characters. */
  name: string;
  /** The amount to reach on a day, positive. */
  targetValue?: number | null | undefined;
  /** The unit of targetValue, up to 32 characters. */
  unit?: string | null | undefined;
};

/** A new goal. */
export type CreateHealthGoalInput = {
  /** Last day: on or after startDate and at most 10 years after it; open-ended when left out. */
  endDate?: string | null | undefined;
  /** The metric. */
  metricType: HealthMetricType;
  /** First day of the period: on or after 2000-01-01 and at most 10 years from today. */
  startDate: string;
  /**
   * The target in the metric's unit, above 0: a whole number of steps, bpm (at most 300), kcal, m
   * or min (at most 1,000,000,000); kg (WEIGHT, at most 1,000) with up to two decimals.
   */
  targetValue: number;
  /** The metric's unit (HealthMetricType says which); the type's unit when left out, any other is refused. */
  unit?: string | null | undefined;
};

/** A new plan. */
export type CreateSubscriptionPlanInput = {
  /** How often it is charged. */
  billingPeriod: BillingPeriod;
  /** ISO 4217 currency. */
  currency: string;
  /** What the plan offers, up to 2000 characters. */
  description?: string | null | undefined;
  /** Feature keys granted (at most 50, each 1..64 of a-z, 0-9, '_', ':', '-'). */
  features?: Array<string>;
  /** Course limit; null for none. */
  maxCourses?: number | null | undefined;
  /** Trainer limit; null for none. */
  maxTrainers?: number | null | undefined;
  /** Display name, 1..100 characters. */
  name: string;
  /** Price per period in cents; must be positive. */
  priceCents: number;
  /** Free days before the first charge, 0..90. */
  trialPeriodDays?: number | null | undefined;
};

/** A new plan. */
export type CreateWorkoutPlanInput = {
  /** Description, up to 5000 characters. */
  description?: string | null | undefined;
  /** How hard it is. */
  difficulty: Difficulty;
  /** How many weeks it runs, 1-104. */
  durationWeeks: number;
  /** Name, 1-120 characters. */
  name: string;
  /** Who it is for, up to 64 characters. */
  targetAudience?: string | null | undefined;
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
  recordedAt: string;
  /** The device that measured it, up to 100 characters. */
  sourceDevice?: string | null | undefined;
  /**
   * The store's own id of the record (HealthKit UUID, Health Connect record id), 1-128 characters:
   * the idempotency key. Sending it again with the same content changes nothing.
   */
  sourceRecordId: string;
  /** The unit, which is the type's unit; the type's unit when left out. Any other unit refuses the sample. */
  unit?: string | null | undefined;
  /** The value: finite, not negative, below 100,000,000, at most two decimals are kept. */
  value: number;
};

/** A health store the mobile app reads on the device and sends with syncDeviceHealthData. */
export type DeviceHealthSource =
  /** Apple HealthKit (iOS); record ids are HealthKit sample UUIDs. */
  | 'APPLE_HEALTH'
  /** Android Health Connect; record ids are Health Connect record ids (metadata.id). */
  | 'HEALTH_CONNECT';

/** How demanding content or a course is. */
export type Difficulty =
  /** For experienced athletes. */
  | 'ADVANCED'
  /** No experience needed. */
  | 'BEGINNER'
  /** Some training experience. */
  | 'INTERMEDIATE';

/** Turning two-factor off. */
export type DisableTwoFactorInput = {
  /** A current TOTP code or an unused recovery code. */
  code: string;
  /** The account's password. */
  password: string;
};

/** Where a client event was sent from. */
export type EventSource =
  /** The Android app. */
  | 'ANDROID'
  /** The iOS app. */
  | 'IOS'
  /** A web browser. */
  | 'WEB';

/** The kind of training an exercise belongs to. */
export type ExerciseCategory =
  /** Stability and balance work. */
  | 'BALANCE'
  /** Endurance and conditioning work. */
  | 'CARDIO'
  /** Trunk and abdominal work. */
  | 'CORE'
  /** Stretching and range of motion. */
  | 'FLEXIBILITY'
  /** Jumps and explosive movements. */
  | 'PLYOMETRICS'
  /** Resistance training for force and muscle. */
  | 'STRENGTH';

/** Narrows the exercise catalogue; every field given must match. */
export type ExerciseFilter = {
  /** Only this category. */
  category?: ExerciseCategory | null | undefined;
  /** Only this difficulty. */
  difficulty?: Difficulty | null | undefined;
  /** Only exercises that use this piece of equipment (case-insensitive). */
  equipment?: string | null | undefined;
  /** Only exercises that work this muscle group (case-insensitive). */
  muscleGroup?: string | null | undefined;
  /** Only exercises whose name contains this text (case-insensitive, up to 100 characters). */
  search?: string | null | undefined;
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

/** One sample to record. */
export type HealthMetricInput = {
  /** What was measured. */
  metricType: HealthMetricType;
  /** When it was measured: on or after 2000-01-01 and not more than 5 minutes in the future. */
  recordedAt: string;
  /** Where the sample came from; MANUAL when left out. */
  source?: HealthMetricSource | null | undefined;
  /** The device that measured it, up to 100 characters. */
  sourceDevice?: string | null | undefined;
  /**
   * The unit, which is the type's unit (count, bpm, kcal, m, min or kg); the type's unit when left
   * out. Any other unit refuses the sample: values are not converted.
   */
  unit?: string | null | undefined;
  /** The value: finite, not negative, below 100,000,000, at most two decimals are kept. */
  value: number;
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

/** Why the last sync of an integration failed; it is retried on its own, after a pause. */
export type HealthSyncError =
  /** The provider's answer could not be used. */
  | 'PROVIDER_ERROR'
  /** The provider did not answer or answered with an error on its side. */
  | 'PROVIDER_UNAVAILABLE'
  /** The provider asked us to slow down; the next try waits as long as it said. */
  | 'RATE_LIMITED';

/** How hard a completed session felt. */
export type IntensityLevel =
  /** Hard effort. */
  | 'HIGH'
  /** Easy; could talk throughout. */
  | 'LOW'
  /** All-out. */
  | 'MAXIMAL'
  /** Steady effort. */
  | 'MODERATE';

/** A run of whole days on a calendar (a time zone's), both ends included. */
export type LocalDateRange = {
  /** The first day. */
  from: string;
  /** The last day, on or after from. */
  to: string;
};

/** One day of a habit. */
export type LogHabitInput = {
  /** Whether the day counts as done (default true). */
  completed?: boolean | null | undefined;
  /**
   * The day on the owner's calendar (User.timeZone); today there when left out. Not after that
   * today and not more than 366 days back.
   */
  date?: string | null | undefined;
  /** The habit. */
  habitId: string | number;
  /** Notes, up to 1000 characters. */
  notes?: string | null | undefined;
  /** The amount done, not negative. */
  value?: number | null | undefined;
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

/** Why an OAuth callback failed. */
export type OAuthFailureReason =
  /** This provider account is already linked to another user. */
  | 'ACCOUNT_LINKED_ELSEWHERE'
  /** The linked account is deactivated or deleted. */
  | 'ACCOUNT_UNAVAILABLE'
  /**
   * The state is unknown, used, expired, or for another provider, or oauthCallback did not come
   * from the client that started the flow (no or another flow cookie or flowSecret, another viewer).
   */
  | 'INVALID_STATE'
  /** The provider refused the code or could not be reached. */
  | 'PROVIDER_ERROR';

/** The sign-in providers an account can link. */
export type OAuthProvider =
  /** Sign in with Apple. */
  | 'APPLE'
  /** Google (OpenID Connect, with PKCE). */
  | 'GOOGLE'
  /** VK ID. */
  | 'VK'
  /** Yandex ID. */
  | 'YANDEX';

/** The payment service that handles a payment. */
export type PaymentGateway =
  /**
   * Sberbank internet acquiring (roubles). The payer enters the card on Sberbank's page
   * (PaymentActionRequired with a REDIRECT); the token is any label (e.g. `card`). The card is
   * bound for renewals with the first payment, so plans with a trial are refused.
   */
  | 'SBERBANK'
  /** Stripe (cards, international). */
  | 'STRIPE'
  /**
   * The development gateway: in-process, no keys, takes no money. Tokens `test_success` (pays),
   * `test_decline` (declined) and `test_requires_action` (pending until confirmTestPayment).
   * On by default outside production; never available in production.
   */
  | 'TEST'
  /**
   * WebMoney Merchant (USD, EUR or RUB, per the purses configured). The payer pays on WebMoney's
   * page (PaymentActionRequired with a REDIRECT); the token is any label (e.g. `wallet`). It cannot
   * charge without the payer: no trials, and a renewal fails (subscribe again when it ends).
   * Refunds are returned by hand: refundPayment answers RefundRecordedAsManual.
   */
  | 'WEBMONEY'
  /** YooKassa, formerly Yandex.Kassa (Russia). */
  | 'YANDEX_KASSA';

/** How the subscriber pays: a gateway and its saved payment method (never card numbers). */
export type PaymentMethodInput = {
  /** The gateway; paymentGateways lists those available. */
  gateway: PaymentGateway;
  /** The gateway's payment method reference: a Stripe `pm_...` id, a YooKassa payment_method_id, a TEST token. */
  token: string;
};

/** Where a payment is. */
export type PaymentStatus =
  /** Money taken. */
  | 'COMPLETED'
  /** Declined or canceled by the gateway. */
  | 'FAILED'
  /** Sent to the gateway; its answer has not arrived yet. */
  | 'PENDING'
  /** Refunded in full. */
  | 'REFUNDED';

/** Where a refund is. */
export type RefundStatus =
  /** The gateway refused it; it does not count against the payment. */
  | 'FAILED'
  /**
   * The gateway has no refund call (WebMoney): recorded as returned by hand, which an admin does
   * in WebMoney Keeper. Counts against the payment like SUCCEEDED and ends the subscription the same way.
   */
  | 'MANUAL'
  /** Asked of the gateway; its answer has not arrived yet. */
  | 'PENDING'
  /** Money returned. */
  | 'SUCCEEDED';

/** A password reset. */
export type ResetPasswordInput = {
  /** The new password; same rules as at sign-up. */
  newPassword: string;
  /** The token from the reset mail. */
  token: string;
};

/** What a person may do beyond their own data. */
export type Role =
  /** Operators: manage plans, cohorts and accounts. */
  | 'ADMIN'
  /** Every account. */
  | 'USER';

/** How a sign-in hands the new session to the client. */
export type SessionDelivery =
  /**
   * In an HttpOnly, SameSite=Lax session cookie (Secure and named `__Host-session` outside
   * plain-http development) that the browser sends by itself; AuthSuccess.token is null.
   */
  | 'COOKIE'
  /** In the answer (AuthSuccess.token), for apps that send it as `Authorization: Bearer`. */
  | 'TOKEN';

/** Credentials for sign-in. */
export type SignInInput = {
  /** The account's email or username, in any case. */
  login: string;
  /** The password. */
  password: string;
};

/** Fields for a new account. */
export type SignUpInput = {
  /** Date of birth; must be in the past. */
  dateOfBirth?: string | null | undefined;
  /** Sign-in email; compared case-insensitively. */
  email: string;
  /** Given name, up to 100 characters. */
  firstName?: string | null | undefined;
  /** Gender as the user describes it, up to 32 characters. */
  gender?: string | null | undefined;
  /** Family name, up to 100 characters. */
  lastName?: string | null | undefined;
  /** At least 10 characters, at most 256; not a common password, not the email or username. */
  password: string;
  /** The device's IANA time zone (Intl.DateTimeFormat().resolvedOptions().timeZone); UTC when left out. */
  timeZone?: string | null | undefined;
  /** 3-30 letters, digits, '.', '_' or '-'; compared case-insensitively. */
  username: string;
};

/** How to start a workout. */
export type StartWorkoutSessionInput = {
  /** Notes, up to 2000 characters. */
  notes?: string | null | undefined;
  /** The published plan to follow; left out for a free workout. */
  workoutPlanId?: string | number | null | undefined;
};

/** What a habit's streaks are counted in. */
export type StreakUnit =
  /** Consecutive days (habits done every day). */
  | 'DAY'
  /** Consecutive ISO weeks (Monday to Sunday) with at least frequencyPerWeek completions. */
  | 'WEEK';

/** Where a subscription is in its lifecycle. */
export type SubscriptionStatus =
  /** Gives access: paid for (or in its trial) for the current period. */
  | 'ACTIVE'
  /** Ended by the user (at once, or at the end of the period they canceled in), or at once by a full refund of one of its payments. */
  | 'CANCELED'
  /** Ended because it was not renewed, its trial ran out unpaid, or a renewal stayed unpaid. */
  | 'EXPIRED'
  /** A paid plan waiting for its first payment. */
  | 'PENDING';

/** One batch of changes of an on-device source since the anchor the app last committed. */
export type SyncDeviceHealthDataInput = {
  /** The anchor of healthSyncState the batch starts from; null on the first sync of this source. */
  anchor?: string | null | undefined;
  /** Record ids the source deleted, at most 5,000: their samples are left out of every read from now on. */
  deletedSourceRecordIds?: Array<string>;
  /** The anchor to commit with this batch (opaque, 1-4,096 characters): the next batch starts from it. */
  nextAnchor: string;
  /** New samples, at most 5,000. */
  samples?: Array<DeviceHealthSampleInput>;
  /** The on-device source. */
  source: DeviceHealthSource;
};

/** Goal changes; fields left out keep their value. */
export type UpdateHealthGoalInput = {
  /** A new last day, on or after startDate and at most 10 years after it; an explicit null makes the goal open-ended. */
  endDate?: string | null | undefined;
  /** A new first day: on or after 2000-01-01 and at most 10 years from today. */
  startDate?: string | null | undefined;
  /** A new target, with the limits of CreateHealthGoalInput.targetValue for the goal's metric. */
  targetValue?: number | null | undefined;
  /** The unit of targetValue, checked against the goal's metric's unit; the metric's unit when left out. */
  unit?: string | null | undefined;
};

/** Profile changes; a field left out keeps its value, an explicit null clears it. */
export type UpdateProfileInput = {
  /** Country of residence. */
  countryCode?: string | null | undefined;
  /** Date of birth; must be in the past. */
  dateOfBirth?: string | null | undefined;
  /** Given name, up to 100 characters. */
  firstName?: string | null | undefined;
  /** Gender as the user describes it, up to 32 characters. */
  gender?: string | null | undefined;
  /** Family name, up to 100 characters. */
  lastName?: string | null | undefined;
  /** A new IANA time zone; it cannot be cleared. */
  timeZone?: string | null | undefined;
  /** A new username, same rules as at sign-up. */
  username?: string | null | undefined;
};

/** Narrows the public catalogue of published plans; every field given must match the published version. */
export type WorkoutPlanFilter = {
  /** Only this difficulty. */
  difficulty?: Difficulty | null | undefined;
  /** Only plans of at most this many weeks. */
  maxDurationWeeks?: number | null | undefined;
  /** Only plans of at least this many weeks. */
  minDurationWeeks?: number | null | undefined;
  /** Only this target audience (case-insensitive). */
  targetAudience?: string | null | undefined;
  /** Only this trainer's plans. */
  trainerId?: string | number | null | undefined;
};

/** Narrows a user's workout sessions. */
export type WorkoutSessionFilter = {
  /** Only sessions started before this instant. */
  startedBefore?: string | null | undefined;
  /** Only sessions started at or after this instant. */
  startedFrom?: string | null | undefined;
  /** Only sessions in this status. */
  status?: WorkoutSessionStatus | null | undefined;
};

/** Where a workout session stands. */
export type WorkoutSessionStatus =
  /** Given up before finishing. */
  | 'ABANDONED'
  /** Finished; duration and intensity are recorded. */
  | 'COMPLETED'
  /** Started and not yet finished. */
  | 'IN_PROGRESS';

export type CohortMembersQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CohortMembersQuery = { cohort: { id: string, name: string, userCount: number, members: { totalCount: number, nodes: Array<{ id: string, username: string, firstName: string | null, lastName: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type CohortsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CohortsQuery = { cohorts: { nodes: Array<{ id: string, name: string, userCount: number, computedAt: string | null, updatedAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateCohortMutationVariables = Exact<{
  name: string;
  definition: Record<string, unknown>;
}>;


export type CreateCohortMutation = { createCohort: { id: string, name: string, userCount: number, computedAt: string | null } };

export type ProductMetricsQueryVariables = Exact<{
  from: string;
  to: string;
  period: ActivePeriod;
  eventTypes?: Array<string> | string | null | undefined;
  weeks?: number | null | undefined;
}>;


export type ProductMetricsQuery = { productMetrics: { activeUsers: Array<{ date: string, activeUsers: number }>, eventCounts: Array<{ date: string, eventType: string, count: number }>, weeklyRetention: Array<{ weekStart: string, size: number, weeks: Array<{ week: number, activeUsers: number, rate: number }> }> } };

export type RefreshCohortMutationVariables = Exact<{
  id: string | number;
}>;


export type RefreshCohortMutation = { refreshCohort: { id: string, userCount: number, computedAt: string | null } };

export type TrackEventsMutationVariables = Exact<{
  events: Array<AnalyticsEventInput> | AnalyticsEventInput;
}>;


export type TrackEventsMutation = { trackEvents: { accepted: number, duplicates: number, errors: Array<{ index: number, field: string, code: string, message: string }> } };

export type UpdateCohortMutationVariables = Exact<{
  id: string | number;
  name?: string | null | undefined;
  definition?: Record<string, unknown> | null | undefined;
}>;


export type UpdateCohortMutation = { updateCohort: { id: string, name: string, definition: Record<string, unknown>, userCount: number, computedAt: string | null } };

export type CancelSubscriptionMutationVariables = Exact<{
  id: string | number;
  atPeriodEnd?: boolean | null | undefined;
}>;


export type CancelSubscriptionMutation = { cancelSubscription: { id: string, status: SubscriptionStatus, endDate: string | null, autoRenewal: boolean, canceledAt: string | null } };

export type CreateSubscriptionPlanMutationVariables = Exact<{
  input: CreateSubscriptionPlanInput;
}>;


export type CreateSubscriptionPlanMutation = { createSubscriptionPlan: { id: string, name: string, priceCents: number, currency: string, billingPeriod: BillingPeriod, trialPeriodDays: number, features: Array<string> } };

export type MyBillingQueryVariables = Exact<{ [key: string]: never; }>;


export type MyBillingQuery = { me: { id: string, entitlements: Array<string> | null, activeSubscription: { id: string, status: SubscriptionStatus, isTrial: boolean, trialEndDate: string | null, endDate: string | null, renewalDate: string | null, autoRenewal: boolean, canceledAt: string | null, plan: { id: string, name: string } } | null, subscriptions: { nodes: Array<{ id: string, status: SubscriptionStatus, startDate: string, endDate: string | null, plan: { name: string }, payments: { nodes: Array<{ id: string, amountCents: number, currency: string, status: PaymentStatus, cardLast4: string | null, createdAt: string, refundedCents: number }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type MySubscriptionUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MySubscriptionUpdatedSubscription = { mySubscriptionUpdated: { id: string, status: SubscriptionStatus, startDate: string, endDate: string | null, plan: { id: string, name: string } } };

export type PaymentGatewaysQueryVariables = Exact<{ [key: string]: never; }>;


export type PaymentGatewaysQuery = { paymentGateways: Array<{ gateway: PaymentGateway, currencies: Array<string> }> };

export type RefundPaymentMutationVariables = Exact<{
  paymentId: string | number;
  amountCents: number;
  reason?: string | null | undefined;
}>;


export type RefundPaymentMutation = { refundPayment:
    | { __typename: 'RefundExceedsPayment', code: string, message: string, refundableCents: number }
    | { __typename: 'RefundIssued', refund: { id: string, amountCents: number, status: RefundStatus }, payment: { id: string, status: PaymentStatus, refundedCents: number } }
    | { __typename: 'RefundRecordedAsManual' }
   };

export type SetAutoRenewalMutationVariables = Exact<{
  id: string | number;
  enabled: boolean;
}>;


export type SetAutoRenewalMutation = { setAutoRenewal: { id: string, autoRenewal: boolean, renewalDate: string | null } };

export type SubscribeMutationVariables = Exact<{
  planId: string | number;
  paymentMethod: PaymentMethodInput;
  idempotencyKey?: string | null | undefined;
}>;


export type SubscribeMutation = { subscribe:
    | { __typename: 'AlreadySubscribed', code: string, message: string, subscription: { id: string, status: SubscriptionStatus } }
    | { __typename: 'CurrencyNotSupported', code: string, message: string, supportedCurrencies: Array<string> }
    | { __typename: 'PaymentActionRequired' }
    | { __typename: 'PaymentDeclined', code: string, message: string }
    | { __typename: 'PlanUnavailable', code: string, message: string }
    | { __typename: 'SubscriptionStarted', subscription: { id: string, status: SubscriptionStatus, isTrial: boolean, trialEndDate: string | null, endDate: string | null }, payment: { id: string, status: PaymentStatus, amountCents: number, currency: string } | null }
   };

export type SubscriptionPlansQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SubscriptionPlansQuery = { subscriptionPlans: { nodes: Array<{ id: string, name: string, description: string | null, priceCents: number, currency: string, billingPeriod: BillingPeriod, trialPeriodDays: number, features: Array<string> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AddLessonMutationVariables = Exact<{
  courseId: string | number;
  input: AddLessonInput;
}>;


export type AddLessonMutation = { addLesson: { id: string, lessons: Array<{ id: string, sequenceNumber: number, title: string }> } };

export type ContentItemQueryVariables = Exact<{
  id: string | number;
}>;


export type ContentItemQuery = { contentItem: { id: string, type: ContentType, title: string, description: string | null, contentUrl: string | null, tags: Array<string>, isPublished: boolean, rating: number | null, myRating: number | null } | null };

export type CourseQueryVariables = Exact<{
  id: string | number;
}>;


export type CourseQuery = { course: { id: string, name: string, description: string | null, isFree: boolean, priceCents: number, hasAccess: boolean, isEnrolled: boolean, lessons: Array<{ id: string, sequenceNumber: number, title: string, durationMinutes: number | null, locked: boolean, contentItems: Array<{ id: string, type: ContentType, title: string, contentUrl: string | null }> | null }> } | null };

export type CourseCatalogueQueryVariables = Exact<{
  filter?: CourseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CourseCatalogueQuery = { courses: { nodes: Array<{ id: string, name: string, coverImageUrl: string | null, difficulty: Difficulty | null, isFree: boolean, priceCents: number, enrollmentsCount: number, creator: { id: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateContentItemMutationVariables = Exact<{
  input: CreateContentItemInput;
}>;


export type CreateContentItemMutation = { createContentItem: { id: string, isPublished: boolean } };

export type CreateCourseMutationVariables = Exact<{
  input: CreateCourseInput;
}>;


export type CreateCourseMutation = { createCourse: { id: string } };

export type EnrollInCourseMutationVariables = Exact<{
  courseId: string | number;
}>;


export type EnrollInCourseMutation = { enrollInCourse:
    | { __typename: 'Enrollment', enrolledAt: string, course: { id: string, enrollmentsCount: number } }
    | { __typename: 'PurchaseRequired', code: string, message: string, course: { id: string, priceCents: number } }
   };

export type MyEnrollmentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyEnrollmentsQuery = { me: { id: string, enrollments: { nodes: Array<{ enrolledAt: string, course: { id: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type PublishContentItemMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishContentItemMutation = { publishContentItem: { id: string, isPublished: boolean } };

export type RateContentItemMutationVariables = Exact<{
  id: string | number;
  rating: number;
}>;


export type RateContentItemMutation = { rateContentItem: { id: string, rating: number | null, ratingsCount: number, myRating: number | null } };

export type RecordContentViewMutationVariables = Exact<{
  id: string | number;
}>;


export type RecordContentViewMutation = { recordContentView: boolean };

export type ReorderLessonsMutationVariables = Exact<{
  courseId: string | number;
  lessonIds: Array<string | number> | string | number;
}>;


export type ReorderLessonsMutation = { reorderLessons: { id: string, lessons: Array<{ id: string, sequenceNumber: number, title: string }> } };

export type SearchContentQueryVariables = Exact<{
  query?: string | null | undefined;
  type?: ContentType | null | undefined;
  difficulty?: Difficulty | null | undefined;
  tags?: Array<string> | string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchContentQuery = { searchContent: { nodes: Array<{ rank: number, snippet: string | null, item: { id: string, type: ContentType, title: string, thumbnailUrl: string | null, difficulty: Difficulty | null, language: ContentLanguage, viewCount: number, rating: number | null, ratingsCount: number, creator: { id: string }, courses: Array<{ id: string, name: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AthleteDashboardQueryVariables = Exact<{
  week: LocalDateRange;
  month: LocalDateRange;
}>;


export type AthleteDashboardQuery = { me: { id: string, timeZone: string | null, stepsWeek: Array<{ start: string, count: number, sum: number | null }> | null, stepsMonth: Array<{ start: string, count: number, sum: number | null }> | null, heartRate: Array<{ start: string, count: number, min: number | null }> | null, weight: Array<{ start: string, count: number, avg: number | null }> | null, sleep: Array<{ start: string, count: number, sum: number | null }> | null, healthGoals: { nodes: Array<{ id: string, metricType: HealthMetricType, targetValue: number, unit: string }> } | null, latestHealthMetrics: Array<{ metricType: HealthMetricType, value: number, unit: string }> | null } | null };

export type CompleteHealthIntegrationMutationVariables = Exact<{
  provider: HealthProvider;
  code: string;
  state: string;
  flowSecret?: string | null | undefined;
}>;


export type CompleteHealthIntegrationMutation = { completeHealthIntegration:
    | { __typename: 'HealthIntegrationConnected', integration: { id: string, provider: HealthProvider, isActive: boolean, backfill: { from: string, until: string, percent: number, done: boolean } | null } }
    | { __typename: 'HealthIntegrationFailed', code: string, message: string, reason: HealthIntegrationFailureReason }
   };

export type ConnectHealthIntegrationMutationVariables = Exact<{
  input: ConnectHealthIntegrationInput;
}>;


export type ConnectHealthIntegrationMutation = { connectHealthIntegration: { id: string, provider: HealthProvider, isActive: boolean } };

export type CreateHealthGoalMutationVariables = Exact<{
  input: CreateHealthGoalInput;
}>;


export type CreateHealthGoalMutation = { createHealthGoal: { id: string, progress: { currentValue: number, percent: number, onTrack: boolean | null } } };

export type DailyStepsQueryVariables = Exact<{
  from: string;
  to: string;
  timeZone?: string | null | undefined;
}>;


export type DailyStepsQuery = { me: { id: string, healthSeries: Array<{ start: string, count: number, sum: number | null }> | null } | null };

export type DeactivateHealthGoalMutationVariables = Exact<{
  id: string | number;
}>;


export type DeactivateHealthGoalMutation = { deactivateHealthGoal: { id: string, isActive: boolean } };

export type DisconnectHealthIntegrationMutationVariables = Exact<{
  provider: HealthProvider;
}>;


export type DisconnectHealthIntegrationMutation = { disconnectHealthIntegration: boolean };

export type HealthDashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type HealthDashboardQuery = { me: { id: string, latestHealthMetrics: Array<{ metricType: HealthMetricType, value: number, unit: string, recordedAt: string }> | null, healthGoals: { nodes: Array<{ id: string, metricType: HealthMetricType, targetValue: number, unit: string, startDate: string, endDate: string | null, progress: { currentValue: number, percent: number, onTrack: boolean | null } }> } | null, healthIntegrations: Array<{ provider: HealthProvider, isActive: boolean, needsReconnect: boolean, inactiveReason: HealthIntegrationInactiveReason | null, lastSyncAt: string | null, lastError: HealthSyncError | null, backfill: { percent: number, done: boolean } | null }> | null } | null };

export type HealthMetricsQueryVariables = Exact<{
  metricType?: HealthMetricType | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type HealthMetricsQuery = { me: { id: string, healthMetrics: { nodes: Array<{ id: string, metricType: HealthMetricType, value: number, unit: string, source: HealthMetricSource, sourceDevice: string | null, recordedAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type HealthMetricsRecordedSubscriptionVariables = Exact<{
  userId?: string | number | null | undefined;
}>;


export type HealthMetricsRecordedSubscription = { healthMetricsRecorded: { accepted: number, from: string, to: string, recordedAt: string, user: { id: string, username: string } } };

export type HealthSourcePrioritiesQueryVariables = Exact<{
  metricTypes?: Array<HealthMetricType> | HealthMetricType | null | undefined;
}>;


export type HealthSourcePrioritiesQuery = { me: { id: string, healthSourcePriorities: Array<{ metricType: HealthMetricType, sources: Array<HealthMetricSource>, isDefault: boolean }> | null } | null };

export type HealthSyncStateQueryVariables = Exact<{ [key: string]: never; }>;


export type HealthSyncStateQuery = { me: { id: string, healthSyncState: Array<{ source: DeviceHealthSource, anchor: string, updatedAt: string }> | null } | null };

export type HeartRateByHourQueryVariables = Exact<{
  from: string;
  to: string;
  timeZone?: string | null | undefined;
}>;


export type HeartRateByHourQuery = { me: { id: string, healthSeries: Array<{ start: string, avg: number | null, min: number | null, max: number | null }> | null } | null };

export type RecordHealthMetricsMutationVariables = Exact<{
  input: Array<HealthMetricInput> | HealthMetricInput;
}>;


export type RecordHealthMetricsMutation = { recordHealthMetrics: { accepted: number, duplicates: number, errors: Array<{ index: number, field: string, code: string, message: string }> } };

export type SetHealthSourcePriorityMutationVariables = Exact<{
  metricType: HealthMetricType;
  sources: Array<HealthMetricSource> | HealthMetricSource;
}>;


export type SetHealthSourcePriorityMutation = { setHealthSourcePriority: { metricType: HealthMetricType, sources: Array<HealthMetricSource>, isDefault: boolean } };

export type StartHealthIntegrationMutationVariables = Exact<{
  provider: HealthProvider;
  redirectUri: string;
  client?: OAuthClient | null | undefined;
}>;


export type StartHealthIntegrationMutation = { startHealthIntegration: { authorizationUrl: string, state: string, flowSecret: string | null, expiresAt: string } };

export type SyncDeviceHealthDataMutationVariables = Exact<{
  input: SyncDeviceHealthDataInput;
}>;


export type SyncDeviceHealthDataMutation = { syncDeviceHealthData:
    | { __typename: 'DeviceHealthDataSynced', source: DeviceHealthSource, anchor: string, accepted: number, duplicates: number, retracted: number, errors: Array<{ index: number, field: string, code: string, reason: DeviceHealthSampleErrorReason, message: string }> }
    | { __typename: 'HealthSyncAnchorStale', source: DeviceHealthSource, currentAnchor: string | null, code: string, message: string }
   };

export type UpdateHealthGoalMutationVariables = Exact<{
  id: string | number;
  input: UpdateHealthGoalInput;
}>;


export type UpdateHealthGoalMutation = { updateHealthGoal: { id: string, targetValue: number, startDate: string, endDate: string | null } };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword:
    | { __typename: 'InvalidCredentials', code: string, message: string }
    | { __typename: 'PasswordChanged', revokedSessions: number }
    | { __typename: 'TooManyAttempts', code: string, message: string }
    | { __typename: 'WeakPassword', code: string, message: string, reasons: Array<string> }
   };

export type CompleteTwoFactorSignInMutationVariables = Exact<{
  input: CompleteTwoFactorSignInInput;
  session?: SessionDelivery | null | undefined;
}>;


export type CompleteTwoFactorSignInMutation = { completeTwoFactorSignIn:
    | { __typename: 'AuthSuccess', token: string | null, expiresAt: string, user: { id: string } }
    | { __typename: 'InvalidToken', code: string, message: string }
    | { __typename: 'InvalidTwoFactorCode', code: string, message: string }
    | { __typename: 'TooManyAttempts', code: string, message: string, retryAfterSeconds: number }
   };

export type ConfirmTwoFactorMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmTwoFactorMutation = { confirmTwoFactor:
    | { __typename: 'InvalidTwoFactorCode', code: string, message: string }
    | { __typename: 'TooManyAttempts', code: string, message: string, retryAfterSeconds: number }
    | { __typename: 'TwoFactorEnabled', recoveryCodes: Array<string> }
   };

export type DeactivateUserMutationVariables = Exact<{
  userId: string | number;
  reason?: string | null | undefined;
}>;


export type DeactivateUserMutation = { deactivateUser: { id: string, isActive: boolean | null } };

export type DeleteMyAccountMutationVariables = Exact<{
  password: string;
}>;


export type DeleteMyAccountMutation = { deleteMyAccount:
    | { __typename: 'AccountDeleted', deletedAt: string }
    | { __typename: 'InvalidCredentials', code: string, message: string }
    | { __typename: 'ReauthenticationRequired', code: string, message: string }
    | { __typename: 'TooManyAttempts', code: string, message: string }
   };

export type DisableTwoFactorMutationVariables = Exact<{
  input: DisableTwoFactorInput;
}>;


export type DisableTwoFactorMutation = { disableTwoFactor:
    | { __typename: 'InvalidCredentials', code: string, message: string }
    | { __typename: 'InvalidTwoFactorCode', code: string, message: string }
    | { __typename: 'TooManyAttempts', code: string, message: string, retryAfterSeconds: number }
    | { __typename: 'TwoFactorDisabled', user: { twoFactorEnabled: boolean | null } }
   };

export type EnrollTwoFactorMutationVariables = Exact<{ [key: string]: never; }>;


export type EnrollTwoFactorMutation = { enrollTwoFactor: { otpauthUri: string, secret: string } };

export type ExportMyDataQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportMyDataQuery = { exportMyData: Record<string, unknown> };

export type LinkedAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type LinkedAccountsQuery = { linkedAccounts: Array<{ provider: OAuthProvider, emailFromProvider: string | null, linkedAt: string }> };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, username: string, email: string | null, firstName: string | null, lastName: string | null, roles: Array<Role> | null, createdAt: string } | null };

export type OAuthCallbackMutationVariables = Exact<{
  provider: OAuthProvider;
  code: string;
  state: string;
  flowSecret?: string | null | undefined;
}>;


export type OAuthCallbackMutation = { oauthCallback:
    | { __typename: 'AuthSuccess', token: string | null, expiresAt: string, user: { id: string, username: string } }
    | { __typename: 'OAuthEmailInUse', code: string, message: string }
    | { __typename: 'OAuthFailed', code: string, message: string, reason: OAuthFailureReason }
    | { __typename: 'ProviderLinked', linkedAccount: { provider: OAuthProvider, emailFromProvider: string | null, linkedAt: string } }
    | { __typename: 'TwoFactorRequired', challenge: string, expiresAt: string }
   };

export type OAuthStartMutationVariables = Exact<{
  provider: OAuthProvider;
  redirectUri: string;
  client?: OAuthClient | null | undefined;
}>;


export type OAuthStartMutation = { oauthStart: { authorizationUrl: string, state: string, flowSecret: string | null, expiresAt: string } };

export type ReactivateUserMutationVariables = Exact<{
  userId: string | number;
  reason?: string | null | undefined;
}>;


export type ReactivateUserMutation = { reactivateUser: { id: string, isActive: boolean | null } };

export type RequestEmailVerificationMutationVariables = Exact<{ [key: string]: never; }>;


export type RequestEmailVerificationMutation = { requestEmailVerification: boolean };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { resetPassword:
    | { __typename: 'InvalidToken', code: string, message: string }
    | { __typename: 'PasswordReset', revokedSessions: number }
    | { __typename: 'WeakPassword', code: string, message: string, reasons: Array<string> }
   };

export type SearchUsersQueryVariables = Exact<{
  prefix?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchUsersQuery = { searchUsers: { nodes: Array<{ id: string, username: string, email: string | null, isActive: boolean | null, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
  session?: SessionDelivery | null | undefined;
}>;


export type SignInMutation = { signIn:
    | { __typename: 'AuthSuccess', token: string | null, expiresAt: string, user: { id: string, username: string } }
    | { __typename: 'InvalidCredentials', code: string, message: string }
    | { __typename: 'TooManyAttempts', code: string, message: string, retryAfterSeconds: number }
    | { __typename: 'TwoFactorRequired', challenge: string, expiresAt: string }
   };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
  session?: SessionDelivery | null | undefined;
}>;


export type SignUpMutation = { signUp:
    | { __typename: 'AuthSuccess', token: string | null, expiresAt: string, user: { id: string, username: string, email: string | null } }
    | { __typename: 'EmailTaken', code: string, message: string }
    | { __typename: 'TooManyAttempts', code: string, message: string, retryAfterSeconds: number }
    | { __typename: 'UsernameTaken', code: string, message: string }
    | { __typename: 'WeakPassword', code: string, message: string, reasons: Array<string> }
   };

export type UnlinkProviderMutationVariables = Exact<{
  provider: OAuthProvider;
}>;


export type UnlinkProviderMutation = { unlinkProvider:
    | { __typename: 'LastSignInMethod', code: string, message: string }
    | { __typename: 'ProviderUnlinked', linkedAccounts: Array<{ provider: OAuthProvider }> }
   };

export type UpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type UpdateProfileMutation = { updateProfile: { id: string, firstName: string | null, lastName: string | null, dateOfBirth: string | null, gender: string | null, countryCode: string | null, username: string } };

export type VerifyEmailMutationVariables = Exact<{
  token: string;
}>;


export type VerifyEmailMutation = { verifyEmail:
    | { __typename: 'EmailVerified', user: { id: string, emailVerified: boolean | null } }
    | { __typename: 'InvalidToken', code: string, message: string }
   };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { me: { id: string, username: string, email: string | null, timeZone: string | null, roles: Array<Role> | null, trainer: { id: string, verified: boolean } | null } | null };

export type AddWorkoutPlanExerciseMutationVariables = Exact<{
  workoutPlanId: string | number;
  input: AddWorkoutPlanExerciseInput;
}>;


export type AddWorkoutPlanExerciseMutation = { addWorkoutPlanExercise: { id: string, name: string, description: string | null, difficulty: Difficulty, durationWeeks: number, targetAudience: string | null, version: number, isPublished: boolean, hasUnpublishedChanges: boolean | null, publishedAt: string | null, trainer: { id: string }, exercises: Array<{ id: string, sequenceNumber: number, sets: number, reps: number, weightKg: number | null, restSeconds: number, exercise: { id: string, name: string } }> } };

export type ApplyAsTrainerMutationVariables = Exact<{
  input: ApplyAsTrainerInput;
}>;


export type ApplyAsTrainerMutation = { applyAsTrainer: { id: string, verified: boolean } };

export type CompleteWorkoutSessionMutationVariables = Exact<{
  id: string | number;
  input: CompleteWorkoutSessionInput;
}>;


export type CompleteWorkoutSessionMutation = { completeWorkoutSession: { id: string, status: WorkoutSessionStatus, completedAt: string | null, durationSeconds: number | null, intensityLevel: IntensityLevel | null } };

export type CreateHabitMutationVariables = Exact<{
  input: CreateHabitInput;
}>;


export type CreateHabitMutation = { createHabit: { id: string, name: string, frequencyPerWeek: number, streakUnit: StreakUnit, currentStreak: number, bestStreak: number } };

export type CreateWorkoutPlanMutationVariables = Exact<{
  input: CreateWorkoutPlanInput;
}>;


export type CreateWorkoutPlanMutation = { createWorkoutPlan: { id: string, name: string, description: string | null, difficulty: Difficulty, durationWeeks: number, targetAudience: string | null, version: number, isPublished: boolean, hasUnpublishedChanges: boolean | null, publishedAt: string | null, trainer: { id: string }, exercises: Array<{ id: string, sequenceNumber: number, sets: number, reps: number, weightKg: number | null, restSeconds: number, exercise: { id: string, name: string } }> } };

export type ExerciseCatalogueQueryVariables = Exact<{
  filter?: ExerciseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ExerciseCatalogueQuery = { exercises: { nodes: Array<{ id: string, name: string, category: ExerciseCategory, difficulty: Difficulty, equipment: Array<string>, muscleGroups: Array<string>, videoUrl: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LogHabitMutationVariables = Exact<{
  input: LogHabitInput;
}>;


export type LogHabitMutation = { logHabit: { id: string, loggedDate: string, value: number | null, completed: boolean } };

export type MyHabitsQueryVariables = Exact<{
  from: string;
  to: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyHabitsQuery = { me: { id: string, trainer: { id: string } | null, habits: { totalCount: number, nodes: Array<{ id: string, name: string, unit: string | null, targetValue: number | null, frequencyPerWeek: number, streakUnit: StreakUnit, currentStreak: number, bestStreak: number, completionRate: number, logs: Array<{ loggedDate: string, value: number | null, completed: boolean }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type MyWorkoutSessionsQueryVariables = Exact<{
  filter?: WorkoutSessionFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyWorkoutSessionsQuery = { me: { id: string, workoutSessions: { nodes: Array<{ id: string, status: WorkoutSessionStatus, startedAt: string, durationSeconds: number | null, workoutPlan: { id: string, name: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type PlanDetailsFragment = { id: string, name: string, description: string | null, difficulty: Difficulty, durationWeeks: number, targetAudience: string | null, version: number, isPublished: boolean, hasUnpublishedChanges: boolean | null, publishedAt: string | null, trainer: { id: string }, exercises: Array<{ id: string, sequenceNumber: number, sets: number, reps: number, weightKg: number | null, restSeconds: number, exercise: { id: string, name: string } }> };

export type PublishWorkoutPlanMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishWorkoutPlanMutation = { publishWorkoutPlan: { id: string, name: string, description: string | null, difficulty: Difficulty, durationWeeks: number, targetAudience: string | null, version: number, isPublished: boolean, hasUnpublishedChanges: boolean | null, publishedAt: string | null, trainer: { id: string }, exercises: Array<{ id: string, sequenceNumber: number, sets: number, reps: number, weightKg: number | null, restSeconds: number, exercise: { id: string, name: string } }> } };

export type ReorderWorkoutPlanExercisesMutationVariables = Exact<{
  workoutPlanId: string | number;
  exerciseIds: Array<string | number> | string | number;
}>;


export type ReorderWorkoutPlanExercisesMutation = { reorderWorkoutPlanExercises: { id: string, name: string, description: string | null, difficulty: Difficulty, durationWeeks: number, targetAudience: string | null, version: number, isPublished: boolean, hasUnpublishedChanges: boolean | null, publishedAt: string | null, trainer: { id: string }, exercises: Array<{ id: string, sequenceNumber: number, sets: number, reps: number, weightKg: number | null, restSeconds: number, exercise: { id: string, name: string } }> } };

export type StartWorkoutSessionMutationVariables = Exact<{
  input: StartWorkoutSessionInput;
}>;


export type StartWorkoutSessionMutation = { startWorkoutSession: { id: string, status: WorkoutSessionStatus, startedAt: string, workoutPlanVersion: { version: number, name: string } | null } };

export type TrainerDashboardQueryVariables = Exact<{
  days: LocalDateRange;
}>;


export type TrainerDashboardQuery = { me: { id: string, trainer: { id: string, clients: { nodes: Array<{ id: string, startedAt: string, user: { id: string, username: string, firstName: string | null, lastName: string | null }, activePlan: { id: string, name: string } | null, steps: Array<{ start: string, sum: number | null }> | null, habits: { nodes: Array<{ id: string, name: string, currentStreak: number, bestStreak: number, streakUnit: StreakUnit }> } | null }> } | null } | null } | null };

export type VerifyTrainerMutationVariables = Exact<{
  trainerId: string | number;
}>;


export type VerifyTrainerMutation = { verifyTrainer: { id: string, verified: boolean, verifiedAt: string | null } };

export type WorkoutPlanCatalogueQueryVariables = Exact<{
  filter?: WorkoutPlanFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WorkoutPlanCatalogueQuery = { workoutPlans: { nodes: Array<{ id: string, name: string, description: string | null, difficulty: Difficulty, durationWeeks: number, targetAudience: string | null, version: number, isPublished: boolean, hasUnpublishedChanges: boolean | null, publishedAt: string | null, trainer: { id: string }, exercises: Array<{ id: string, sequenceNumber: number, sets: number, reps: number, weightKg: number | null, restSeconds: number, exercise: { id: string, name: string } }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WorkoutSessionUpdatedSubscriptionVariables = Exact<{
  userId?: string | number | null | undefined;
}>;


export type WorkoutSessionUpdatedSubscription = { workoutSessionUpdated: { id: string, status: WorkoutSessionStatus, startedAt: string, completedAt: string | null, durationSeconds: number | null, intensityLevel: IntensityLevel | null, user: { id: string, username: string } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PlanDetailsFragmentDoc = new TypedDocumentString(`
    fragment PlanDetails on WorkoutPlan {
  id
  name
  description
  difficulty
  durationWeeks
  targetAudience
  version
  isPublished
  hasUnpublishedChanges
  publishedAt
  trainer {
    id
  }
  exercises {
    id
    sequenceNumber
    sets
    reps
    weightKg
    restSeconds
    exercise {
      id
      name
    }
  }
}
    `, {"fragmentName":"PlanDetails"}) as unknown as TypedDocumentString<PlanDetailsFragment, unknown>;
export const CohortMembersDocument = new TypedDocumentString(`
    query CohortMembers($id: ID!, $first: Int, $after: String) {
  cohort(id: $id) {
    id
    name
    userCount
    members(first: $first, after: $after) {
      nodes {
        id
        username
        firstName
        lastName
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
}
    `, {"hash":"sha256:666ca82e929ff7d534ab5fce6aaf849075880534baabafb7731e934ce9eee43d"}) as unknown as TypedDocumentString<CohortMembersQuery, CohortMembersQueryVariables>;
export const CohortsDocument = new TypedDocumentString(`
    query Cohorts($first: Int, $after: String) {
  cohorts(first: $first, after: $after) {
    nodes {
      id
      name
      userCount
      computedAt
      updatedAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:a930b497548d1dfd4ffb23e38372bbfaa24f507a11e0f0c6e69a10540e41429c"}) as unknown as TypedDocumentString<CohortsQuery, CohortsQueryVariables>;
export const CreateCohortDocument = new TypedDocumentString(`
    mutation CreateCohort($name: String!, $definition: JSONObject!) {
  createCohort(name: $name, definition: $definition) {
    id
    name
    userCount
    computedAt
  }
}
    `, {"hash":"sha256:49bc26f7636f572aeeedf912bfae7742cab57902726f0a2384a022ff5db2611d"}) as unknown as TypedDocumentString<CreateCohortMutation, CreateCohortMutationVariables>;
export const ProductMetricsDocument = new TypedDocumentString(`
    query ProductMetrics($from: Date!, $to: Date!, $period: ActivePeriod!, $eventTypes: [String!], $weeks: Int) {
  productMetrics(from: $from, to: $to) {
    activeUsers(period: $period) {
      date
      activeUsers
    }
    eventCounts(eventTypes: $eventTypes) {
      date
      eventType
      count
    }
    weeklyRetention(weeks: $weeks) {
      weekStart
      size
      weeks {
        week
        activeUsers
        rate
      }
    }
  }
}
    `, {"hash":"sha256:a0cce69cbb1eb8e418045e48e10e6ccf3c2c845f394e5e918eec90cf37142bba"}) as unknown as TypedDocumentString<ProductMetricsQuery, ProductMetricsQueryVariables>;
export const RefreshCohortDocument = new TypedDocumentString(`
    mutation RefreshCohort($id: ID!) {
  refreshCohort(id: $id) {
    id
    userCount
    computedAt
  }
}
    `, {"hash":"sha256:13011b499f281084d99f93579ba2fb4233dd2e1ae99412b84b6ad674c8cc6b81"}) as unknown as TypedDocumentString<RefreshCohortMutation, RefreshCohortMutationVariables>;
export const TrackEventsDocument = new TypedDocumentString(`
    mutation TrackEvents($events: [AnalyticsEventInput!]!) {
  trackEvents(events: $events) {
    accepted
    duplicates
    errors {
      index
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:6bc08c8aaa54f2a1f7d52fd3bde0d1277b1e8f9848c68ccf86551877eb81bf36"}) as unknown as TypedDocumentString<TrackEventsMutation, TrackEventsMutationVariables>;
export const UpdateCohortDocument = new TypedDocumentString(`
    mutation UpdateCohort($id: ID!, $name: String, $definition: JSONObject) {
  updateCohort(id: $id, name: $name, definition: $definition) {
    id
    name
    definition
    userCount
    computedAt
  }
}
    `, {"hash":"sha256:0cb37007fc2e3d07b884f00e59136c0cca18fa36dd219075de7670281eab195c"}) as unknown as TypedDocumentString<UpdateCohortMutation, UpdateCohortMutationVariables>;
export const CancelSubscriptionDocument = new TypedDocumentString(`
    mutation CancelSubscription($id: ID!, $atPeriodEnd: Boolean) {
  cancelSubscription(id: $id, atPeriodEnd: $atPeriodEnd) {
    id
    status
    endDate
    autoRenewal
    canceledAt
  }
}
    `, {"hash":"sha256:381ef6dac75a1415aa12195d660bba23722325429cdfe7289e83d6421696088e"}) as unknown as TypedDocumentString<CancelSubscriptionMutation, CancelSubscriptionMutationVariables>;
export const CreateSubscriptionPlanDocument = new TypedDocumentString(`
    mutation CreateSubscriptionPlan($input: CreateSubscriptionPlanInput!) {
  createSubscriptionPlan(input: $input) {
    id
    name
    priceCents
    currency
    billingPeriod
    trialPeriodDays
    features
  }
}
    `, {"hash":"sha256:e8c870d92a36af0d24212d6c093b2ce24c3372edbccbdd7f2af069863e2f6fe1"}) as unknown as TypedDocumentString<CreateSubscriptionPlanMutation, CreateSubscriptionPlanMutationVariables>;
export const MyBillingDocument = new TypedDocumentString(`
    query MyBilling {
  me {
    id
    entitlements
    activeSubscription {
      id
      status
      isTrial
      trialEndDate
      endDate
      renewalDate
      autoRenewal
      canceledAt
      plan {
        id
        name
      }
    }
    subscriptions(first: 10) {
      nodes {
        id
        status
        startDate
        endDate
        plan {
          name
        }
        payments(first: 10) {
          nodes {
            id
            amountCents
            currency
            status
            cardLast4
            createdAt
            refundedCents
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `, {"hash":"sha256:05969ddc4b3f5ae39ec064c80abb4976187cf183a9d1c0527642885432225a27"}) as unknown as TypedDocumentString<MyBillingQuery, MyBillingQueryVariables>;
export const MySubscriptionUpdatedDocument = new TypedDocumentString(`
    subscription MySubscriptionUpdated {
  mySubscriptionUpdated {
    id
    status
    startDate
    endDate
    plan {
      id
      name
    }
  }
}
    `, {"hash":"sha256:59c8637092a1a180b92a937fcf0353f6111f0635cad6aeac825ee01d9ed77da0"}) as unknown as TypedDocumentString<MySubscriptionUpdatedSubscription, MySubscriptionUpdatedSubscriptionVariables>;
export const PaymentGatewaysDocument = new TypedDocumentString(`
    query PaymentGateways {
  paymentGateways {
    gateway
    currencies
  }
}
    `, {"hash":"sha256:88b6d3eca37045df6548b17da7a5c1a5e54280720bb410f04cbb8ef059dc3b03"}) as unknown as TypedDocumentString<PaymentGatewaysQuery, PaymentGatewaysQueryVariables>;
export const RefundPaymentDocument = new TypedDocumentString(`
    mutation RefundPayment($paymentId: ID!, $amountCents: Int!, $reason: String) {
  refundPayment(paymentId: $paymentId, amountCents: $amountCents, reason: $reason) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on RefundIssued {
      refund {
        id
        amountCents
        status
      }
      payment {
        id
        status
        refundedCents
      }
    }
    ... on RefundExceedsPayment {
      refundableCents
    }
  }
}
    `, {"hash":"sha256:27ca5b1fc17d8235a40171e0b1b1686c457690009b9c0654949abc6276841e91"}) as unknown as TypedDocumentString<RefundPaymentMutation, RefundPaymentMutationVariables>;
export const SetAutoRenewalDocument = new TypedDocumentString(`
    mutation SetAutoRenewal($id: ID!, $enabled: Boolean!) {
  setAutoRenewal(id: $id, enabled: $enabled) {
    id
    autoRenewal
    renewalDate
  }
}
    `, {"hash":"sha256:2d83a81545d01f70d7e9d063a1b1545f4ce77e83761fee6c6d5c1fbb22353a47"}) as unknown as TypedDocumentString<SetAutoRenewalMutation, SetAutoRenewalMutationVariables>;
export const SubscribeDocument = new TypedDocumentString(`
    mutation Subscribe($planId: ID!, $paymentMethod: PaymentMethodInput!, $idempotencyKey: String) {
  subscribe(
    planId: $planId
    paymentMethod: $paymentMethod
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on SubscriptionStarted {
      subscription {
        id
        status
        isTrial
        trialEndDate
        endDate
      }
      payment {
        id
        status
        amountCents
        currency
      }
    }
    ... on AlreadySubscribed {
      subscription {
        id
        status
      }
    }
    ... on CurrencyNotSupported {
      supportedCurrencies
    }
  }
}
    `, {"hash":"sha256:23da1981f27d30abc8409c6fd2e688a68cc405ac1abadc412e60ca9179078b1f"}) as unknown as TypedDocumentString<SubscribeMutation, SubscribeMutationVariables>;
export const SubscriptionPlansDocument = new TypedDocumentString(`
    query SubscriptionPlans($first: Int, $after: String) {
  subscriptionPlans(first: $first, after: $after) {
    nodes {
      id
      name
      description
      priceCents
      currency
      billingPeriod
      trialPeriodDays
      features
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:6cf12ceb11f63781ae45f5bc03ed7fde5e2f8c0b9e20c4f15b06545227bc5840"}) as unknown as TypedDocumentString<SubscriptionPlansQuery, SubscriptionPlansQueryVariables>;
export const AddLessonDocument = new TypedDocumentString(`
    mutation AddLesson($courseId: ID!, $input: AddLessonInput!) {
  addLesson(courseId: $courseId, input: $input) {
    id
    lessons {
      id
      sequenceNumber
      title
    }
  }
}
    `, {"hash":"sha256:102a31c4e3f3c6ddfc7fa47a5e639bbfa885777e47e5f0f6fa5d5318477d549f"}) as unknown as TypedDocumentString<AddLessonMutation, AddLessonMutationVariables>;
export const ContentItemDocument = new TypedDocumentString(`
    query ContentItem($id: ID!) {
  contentItem(id: $id) {
    id
    type
    title
    description
    contentUrl
    tags
    isPublished
    rating
    myRating
  }
}
    `, {"hash":"sha256:754435fe505f054137f0ce58ae3476ff23a5097cbb017ff952b4bd4206fd481d"}) as unknown as TypedDocumentString<ContentItemQuery, ContentItemQueryVariables>;
export const CourseDocument = new TypedDocumentString(`
    query Course($id: ID!) {
  course(id: $id) {
    id
    name
    description
    isFree
    priceCents
    hasAccess
    isEnrolled
    lessons {
      id
      sequenceNumber
      title
      durationMinutes
      locked
      contentItems {
        id
        type
        title
        contentUrl
      }
    }
  }
}
    `, {"hash":"sha256:98b1e9ab1df1dfcc35c79f252dd96c0efee1ae2a92adcc45c9bb722929a58f8b"}) as unknown as TypedDocumentString<CourseQuery, CourseQueryVariables>;
export const CourseCatalogueDocument = new TypedDocumentString(`
    query CourseCatalogue($filter: CourseFilter, $first: Int, $after: String) {
  courses(filter: $filter, first: $first, after: $after) {
    nodes {
      id
      name
      coverImageUrl
      difficulty
      isFree
      priceCents
      enrollmentsCount
      creator {
        id
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:eab16cc67341e29242d5a59951a4648dc55aed1b593ce5fe8f1619b3bc048070"}) as unknown as TypedDocumentString<CourseCatalogueQuery, CourseCatalogueQueryVariables>;
export const CreateContentItemDocument = new TypedDocumentString(`
    mutation CreateContentItem($input: CreateContentItemInput!) {
  createContentItem(input: $input) {
    id
    isPublished
  }
}
    `, {"hash":"sha256:e5708dd22350dfaaf35ef07f41e45755f345f33e38462c2888f364a8fab39b07"}) as unknown as TypedDocumentString<CreateContentItemMutation, CreateContentItemMutationVariables>;
export const CreateCourseDocument = new TypedDocumentString(`
    mutation CreateCourse($input: CreateCourseInput!) {
  createCourse(input: $input) {
    id
  }
}
    `, {"hash":"sha256:744f06849ba36879d709ee017a6b6278a643b71c79647f342e6f4254b4a861b4"}) as unknown as TypedDocumentString<CreateCourseMutation, CreateCourseMutationVariables>;
export const EnrollInCourseDocument = new TypedDocumentString(`
    mutation EnrollInCourse($courseId: ID!) {
  enrollInCourse(courseId: $courseId) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on Enrollment {
      enrolledAt
      course {
        id
        enrollmentsCount
      }
    }
    ... on PurchaseRequired {
      course {
        id
        priceCents
      }
    }
  }
}
    `, {"hash":"sha256:4a60f585b356e42e97a516b285385550624148f5798b63f549954601238a8fcc"}) as unknown as TypedDocumentString<EnrollInCourseMutation, EnrollInCourseMutationVariables>;
export const MyEnrollmentsDocument = new TypedDocumentString(`
    query MyEnrollments($first: Int, $after: String) {
  me {
    id
    enrollments(first: $first, after: $after) {
      nodes {
        enrolledAt
        course {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `, {"hash":"sha256:d043fe7a0cb2d0ef34f33d0f9be000b0ed5ffe0aaf7a6cb6019fc1c07fb1277a"}) as unknown as TypedDocumentString<MyEnrollmentsQuery, MyEnrollmentsQueryVariables>;
export const PublishContentItemDocument = new TypedDocumentString(`
    mutation PublishContentItem($id: ID!) {
  publishContentItem(id: $id) {
    id
    isPublished
  }
}
    `, {"hash":"sha256:f292c2928f47d636a73e37c667abf192086731404d1d3b9d8b9bb933a325a0c6"}) as unknown as TypedDocumentString<PublishContentItemMutation, PublishContentItemMutationVariables>;
export const RateContentItemDocument = new TypedDocumentString(`
    mutation RateContentItem($id: ID!, $rating: Int!) {
  rateContentItem(id: $id, rating: $rating) {
    id
    rating
    ratingsCount
    myRating
  }
}
    `, {"hash":"sha256:0a5b29a2062c9d4e476d7d021ebbccdd1a88e10024c5c7f56e116d9e8ffaf37b"}) as unknown as TypedDocumentString<RateContentItemMutation, RateContentItemMutationVariables>;
export const RecordContentViewDocument = new TypedDocumentString(`
    mutation RecordContentView($id: ID!) {
  recordContentView(id: $id)
}
    `, {"hash":"sha256:a1266c029fa374a88457f25ecb9c2310e83228bbd089a28487032f5e3109bbb1"}) as unknown as TypedDocumentString<RecordContentViewMutation, RecordContentViewMutationVariables>;
export const ReorderLessonsDocument = new TypedDocumentString(`
    mutation ReorderLessons($courseId: ID!, $lessonIds: [ID!]!) {
  reorderLessons(courseId: $courseId, lessonIds: $lessonIds) {
    id
    lessons {
      id
      sequenceNumber
      title
    }
  }
}
    `, {"hash":"sha256:c00416d1f3e7dd22756bc0826d67c7b3dffc51a4bfe192ad8cf3cb5bf6768969"}) as unknown as TypedDocumentString<ReorderLessonsMutation, ReorderLessonsMutationVariables>;
export const SearchContentDocument = new TypedDocumentString(`
    query SearchContent($query: String, $type: ContentType, $difficulty: Difficulty, $tags: [String!], $first: Int, $after: String) {
  searchContent(
    query: $query
    type: $type
    difficulty: $difficulty
    tags: $tags
    first: $first
    after: $after
  ) {
    nodes {
      rank
      snippet
      item {
        id
        type
        title
        thumbnailUrl
        difficulty
        language
        viewCount
        rating
        ratingsCount
        creator {
          id
        }
        courses {
          id
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:d120e6c86764b54c9ac0b507cf937aa4c9069745c13a7e9383399ef189e8334f"}) as unknown as TypedDocumentString<SearchContentQuery, SearchContentQueryVariables>;
export const AthleteDashboardDocument = new TypedDocumentString(`
    query AthleteDashboard($week: LocalDateRange!, $month: LocalDateRange!) {
  me {
    id
    timeZone
    stepsWeek: healthSeries(
      metricType: STEPS
      days: $week
      bucket: DAY
      includeEmpty: true
    ) {
      start
      count
      sum
    }
    stepsMonth: healthSeries(
      metricType: STEPS
      days: $month
      bucket: DAY
      includeEmpty: true
    ) {
      start
      count
      sum
    }
    heartRate: healthSeries(
      metricType: HEART_RATE
      days: $month
      bucket: DAY
      includeEmpty: true
    ) {
      start
      count
      min
    }
    weight: healthSeries(
      metricType: WEIGHT
      days: $month
      bucket: DAY
      includeEmpty: true
    ) {
      start
      count
      avg
    }
    sleep: healthSeries(
      metricType: SLEEP
      days: $week
      bucket: DAY
      includeEmpty: true
    ) {
      start
      count
      sum
    }
    healthGoals {
      nodes {
        id
        metricType
        targetValue
        unit
      }
    }
    latestHealthMetrics {
      metricType
      value
      unit
    }
  }
}
    `, {"hash":"sha256:caf8d96ff84de99cef1d58ecbc22552f8f87f64daa65b46a0c140981d262ee51"}) as unknown as TypedDocumentString<AthleteDashboardQuery, AthleteDashboardQueryVariables>;
export const CompleteHealthIntegrationDocument = new TypedDocumentString(`
    mutation CompleteHealthIntegration($provider: HealthProvider!, $code: String!, $state: String!, $flowSecret: String) {
  completeHealthIntegration(
    provider: $provider
    code: $code
    state: $state
    flowSecret: $flowSecret
  ) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on HealthIntegrationConnected {
      integration {
        id
        provider
        isActive
        backfill {
          from
          until
          percent
          done
        }
      }
    }
    ... on HealthIntegrationFailed {
      reason
    }
  }
}
    `, {"hash":"sha256:1b9c6734ca95f98741a36557d136d42667567593da8ffe10cca834a75423ab79"}) as unknown as TypedDocumentString<CompleteHealthIntegrationMutation, CompleteHealthIntegrationMutationVariables>;
export const ConnectHealthIntegrationDocument = new TypedDocumentString(`
    mutation ConnectHealthIntegration($input: ConnectHealthIntegrationInput!) {
  connectHealthIntegration(input: $input) {
    id
    provider
    isActive
  }
}
    `, {"hash":"sha256:d3e44c92b2d51b056015bfe93e15cc2f0876b8f35823bced0ac6020504691364"}) as unknown as TypedDocumentString<ConnectHealthIntegrationMutation, ConnectHealthIntegrationMutationVariables>;
export const CreateHealthGoalDocument = new TypedDocumentString(`
    mutation CreateHealthGoal($input: CreateHealthGoalInput!) {
  createHealthGoal(input: $input) {
    id
    progress {
      currentValue
      percent
      onTrack
    }
  }
}
    `, {"hash":"sha256:1bc97811a08aa874b1096ea31cbb0862d1b064e68632be252ee142db299b76cd"}) as unknown as TypedDocumentString<CreateHealthGoalMutation, CreateHealthGoalMutationVariables>;
export const DailyStepsDocument = new TypedDocumentString(`
    query DailySteps($from: DateTime!, $to: DateTime!, $timeZone: TimeZone) {
  me {
    id
    healthSeries(
      metricType: STEPS
      from: $from
      to: $to
      bucket: DAY
      timeZone: $timeZone
    ) {
      start
      count
      sum
    }
  }
}
    `, {"hash":"sha256:da2201f236e2d09eff6ea6bc451a5902719d282d07ccb15ea158c39da9d20066"}) as unknown as TypedDocumentString<DailyStepsQuery, DailyStepsQueryVariables>;
export const DeactivateHealthGoalDocument = new TypedDocumentString(`
    mutation DeactivateHealthGoal($id: ID!) {
  deactivateHealthGoal(id: $id) {
    id
    isActive
  }
}
    `, {"hash":"sha256:3d74ffbeff221a7ccb67ab2dcfaf5891b458b37f2a29407f1ef206c0acfe2564"}) as unknown as TypedDocumentString<DeactivateHealthGoalMutation, DeactivateHealthGoalMutationVariables>;
export const DisconnectHealthIntegrationDocument = new TypedDocumentString(`
    mutation DisconnectHealthIntegration($provider: HealthProvider!) {
  disconnectHealthIntegration(provider: $provider)
}
    `, {"hash":"sha256:2ab1ad1cedcb66a88ce4174b0df722bfae6298375d37348985f7cc888565e1fb"}) as unknown as TypedDocumentString<DisconnectHealthIntegrationMutation, DisconnectHealthIntegrationMutationVariables>;
export const HealthDashboardDocument = new TypedDocumentString(`
    query HealthDashboard {
  me {
    id
    latestHealthMetrics {
      metricType
      value
      unit
      recordedAt
    }
    healthGoals {
      nodes {
        id
        metricType
        targetValue
        unit
        startDate
        endDate
        progress {
          currentValue
          percent
          onTrack
        }
      }
    }
    healthIntegrations {
      provider
      isActive
      needsReconnect
      inactiveReason
      lastSyncAt
      lastError
      backfill {
        percent
        done
      }
    }
  }
}
    `, {"hash":"sha256:0507ea04ea0a6c69be98acc1b5c3d070f1be670960e9f0a79e3aeec611f09a49"}) as unknown as TypedDocumentString<HealthDashboardQuery, HealthDashboardQueryVariables>;
export const HealthMetricsDocument = new TypedDocumentString(`
    query HealthMetrics($metricType: HealthMetricType, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  me {
    id
    healthMetrics(
      metricType: $metricType
      from: $from
      to: $to
      first: $first
      after: $after
    ) {
      nodes {
        id
        metricType
        value
        unit
        source
        sourceDevice
        recordedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `, {"hash":"sha256:757a4b5e6065e3fe89357863b063aa4fbc01b4fabd8cc6fcf949673935ca5f81"}) as unknown as TypedDocumentString<HealthMetricsQuery, HealthMetricsQueryVariables>;
export const HealthMetricsRecordedDocument = new TypedDocumentString(`
    subscription HealthMetricsRecorded($userId: ID) {
  healthMetricsRecorded(userId: $userId) {
    accepted
    from
    to
    recordedAt
    user {
      id
      username
    }
  }
}
    `, {"hash":"sha256:3de572dd8dcba4159b211f9bd7075451d5e3ae4df340eaf3c66bf2e892b40108"}) as unknown as TypedDocumentString<HealthMetricsRecordedSubscription, HealthMetricsRecordedSubscriptionVariables>;
export const HealthSourcePrioritiesDocument = new TypedDocumentString(`
    query HealthSourcePriorities($metricTypes: [HealthMetricType!]) {
  me {
    id
    healthSourcePriorities(metricTypes: $metricTypes) {
      metricType
      sources
      isDefault
    }
  }
}
    `, {"hash":"sha256:9e87e75c958a4413d312f139f96d2919e06c1635c80440aea426bbe4135149c3"}) as unknown as TypedDocumentString<HealthSourcePrioritiesQuery, HealthSourcePrioritiesQueryVariables>;
export const HealthSyncStateDocument = new TypedDocumentString(`
    query HealthSyncState {
  me {
    id
    healthSyncState {
      source
      anchor
      updatedAt
    }
  }
}
    `, {"hash":"sha256:cb62a5238a3716bda46de119031c79cc67908a6a7417799b81260dbd87e32a9d"}) as unknown as TypedDocumentString<HealthSyncStateQuery, HealthSyncStateQueryVariables>;
export const HeartRateByHourDocument = new TypedDocumentString(`
    query HeartRateByHour($from: DateTime!, $to: DateTime!, $timeZone: TimeZone) {
  me {
    id
    healthSeries(
      metricType: HEART_RATE
      from: $from
      to: $to
      bucket: HOUR
      timeZone: $timeZone
    ) {
      start
      avg
      min
      max
    }
  }
}
    `, {"hash":"sha256:e7f3a6c76d04f23ef197f9ec6a70def55c992eef771314efb5a2d867e8bf791e"}) as unknown as TypedDocumentString<HeartRateByHourQuery, HeartRateByHourQueryVariables>;
export const RecordHealthMetricsDocument = new TypedDocumentString(`
    mutation RecordHealthMetrics($input: [HealthMetricInput!]!) {
  recordHealthMetrics(input: $input) {
    accepted
    duplicates
    errors {
      index
      field
      code
      message
    }
  }
}
    `, {"hash":"sha256:9635ee9b8e4cc8291945535511a5f302f6101e2a0f6fa95c7adc6ac848252119"}) as unknown as TypedDocumentString<RecordHealthMetricsMutation, RecordHealthMetricsMutationVariables>;
export const SetHealthSourcePriorityDocument = new TypedDocumentString(`
    mutation SetHealthSourcePriority($metricType: HealthMetricType!, $sources: [HealthMetricSource!]!) {
  setHealthSourcePriority(metricType: $metricType, sources: $sources) {
    metricType
    sources
    isDefault
  }
}
    `, {"hash":"sha256:540175a669c1d85f04d52322700e167cbeaebd99d056a83b6d28440ef2b96053"}) as unknown as TypedDocumentString<SetHealthSourcePriorityMutation, SetHealthSourcePriorityMutationVariables>;
export const StartHealthIntegrationDocument = new TypedDocumentString(`
    mutation StartHealthIntegration($provider: HealthProvider!, $redirectUri: String!, $client: OAuthClient) {
  startHealthIntegration(
    provider: $provider
    redirectUri: $redirectUri
    client: $client
  ) {
    authorizationUrl
    state
    flowSecret
    expiresAt
  }
}
    `, {"hash":"sha256:7656e61b3711597a332ddd9b1ecfb0d61f0e996b563d90aa8f8577dbf181c7b9"}) as unknown as TypedDocumentString<StartHealthIntegrationMutation, StartHealthIntegrationMutationVariables>;
export const SyncDeviceHealthDataDocument = new TypedDocumentString(`
    mutation SyncDeviceHealthData($input: SyncDeviceHealthDataInput!) {
  syncDeviceHealthData(input: $input) {
    __typename
    ... on DeviceHealthDataSynced {
      source
      anchor
      accepted
      duplicates
      retracted
      errors {
        index
        field
        code
        reason
        message
      }
    }
    ... on HealthSyncAnchorStale {
      source
      currentAnchor
      code
      message
    }
  }
}
    `, {"hash":"sha256:48f5c42c1fa8b1aa175f60b16006fa9c7de6fb63c25d0fa2ee361f0323bf7d81"}) as unknown as TypedDocumentString<SyncDeviceHealthDataMutation, SyncDeviceHealthDataMutationVariables>;
export const UpdateHealthGoalDocument = new TypedDocumentString(`
    mutation UpdateHealthGoal($id: ID!, $input: UpdateHealthGoalInput!) {
  updateHealthGoal(id: $id, input: $input) {
    id
    targetValue
    startDate
    endDate
  }
}
    `, {"hash":"sha256:9aa20480d3784e8cb251ccf871a4923670abd1df15c29ce0f3aee1c9ae4a027d"}) as unknown as TypedDocumentString<UpdateHealthGoalMutation, UpdateHealthGoalMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on PasswordChanged {
      revokedSessions
    }
    ... on WeakPassword {
      reasons
    }
  }
}
    `, {"hash":"sha256:aee467986b527e16bc4c16f1b9fd4c41628b62606f5df6db212e2e313c796a32"}) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const CompleteTwoFactorSignInDocument = new TypedDocumentString(`
    mutation CompleteTwoFactorSignIn($input: CompleteTwoFactorSignInInput!, $session: SessionDelivery = TOKEN) {
  completeTwoFactorSignIn(input: $input, session: $session) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on AuthSuccess {
      token
      expiresAt
      user {
        id
      }
    }
    ... on TooManyAttempts {
      retryAfterSeconds
    }
  }
}
    `, {"hash":"sha256:4a033b95ed2a62ee4b16fab6eebd476ba0c5ba5df07fa6e2a23726226552f7b5"}) as unknown as TypedDocumentString<CompleteTwoFactorSignInMutation, CompleteTwoFactorSignInMutationVariables>;
export const ConfirmTwoFactorDocument = new TypedDocumentString(`
    mutation ConfirmTwoFactor($code: String!) {
  confirmTwoFactor(code: $code) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on TwoFactorEnabled {
      recoveryCodes
    }
    ... on TooManyAttempts {
      retryAfterSeconds
    }
  }
}
    `, {"hash":"sha256:1aff74e04f8179d6b4b0b3e18fb0ad1c5a4951769ecf7b9ebd80a5bec17c86a5"}) as unknown as TypedDocumentString<ConfirmTwoFactorMutation, ConfirmTwoFactorMutationVariables>;
export const DeactivateUserDocument = new TypedDocumentString(`
    mutation DeactivateUser($userId: ID!, $reason: String) {
  deactivateUser(userId: $userId, reason: $reason) {
    id
    isActive
  }
}
    `, {"hash":"sha256:8337dd23e96b6bbae1d1b27c407be94b73925d91769aafa088a303e5de904e31"}) as unknown as TypedDocumentString<DeactivateUserMutation, DeactivateUserMutationVariables>;
export const DeleteMyAccountDocument = new TypedDocumentString(`
    mutation DeleteMyAccount($password: String!) {
  deleteMyAccount(password: $password) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on AccountDeleted {
      deletedAt
    }
  }
}
    `, {"hash":"sha256:d64ce34c04e01780cce6721cfe44bf081afb56fc2f19e343cc083e8852930009"}) as unknown as TypedDocumentString<DeleteMyAccountMutation, DeleteMyAccountMutationVariables>;
export const DisableTwoFactorDocument = new TypedDocumentString(`
    mutation DisableTwoFactor($input: DisableTwoFactorInput!) {
  disableTwoFactor(input: $input) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on TwoFactorDisabled {
      user {
        twoFactorEnabled
      }
    }
    ... on TooManyAttempts {
      retryAfterSeconds
    }
  }
}
    `, {"hash":"sha256:6d27f11a7748803b55b3668f59068456501efffd4b3f83f96fc51d1ac4e3db13"}) as unknown as TypedDocumentString<DisableTwoFactorMutation, DisableTwoFactorMutationVariables>;
export const EnrollTwoFactorDocument = new TypedDocumentString(`
    mutation EnrollTwoFactor {
  enrollTwoFactor {
    otpauthUri
    secret
  }
}
    `, {"hash":"sha256:4cb04009f09937abcf6d86352a64569ab5dd446b3870ac312c0dbde5e6be0443"}) as unknown as TypedDocumentString<EnrollTwoFactorMutation, EnrollTwoFactorMutationVariables>;
export const ExportMyDataDocument = new TypedDocumentString(`
    query ExportMyData {
  exportMyData
}
    `, {"hash":"sha256:fe64ba5fa88b6166f17093b504886106404b2927f41b047c56d4158b98432323"}) as unknown as TypedDocumentString<ExportMyDataQuery, ExportMyDataQueryVariables>;
export const LinkedAccountsDocument = new TypedDocumentString(`
    query LinkedAccounts {
  linkedAccounts {
    provider
    emailFromProvider
    linkedAt
  }
}
    `, {"hash":"sha256:5000ec3d1ba1df2376559ad7923a5860197a505facec0b99485e29c30e8699da"}) as unknown as TypedDocumentString<LinkedAccountsQuery, LinkedAccountsQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    username
    email
    firstName
    lastName
    roles
    createdAt
  }
}
    `, {"hash":"sha256:4d40cce05f739d48a149a2da412eb4f9d96590a35b8f8731df5f41f30ccf5af9"}) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const OAuthCallbackDocument = new TypedDocumentString(`
    mutation OAuthCallback($provider: OAuthProvider!, $code: String!, $state: String!, $flowSecret: String) {
  oauthCallback(
    provider: $provider
    code: $code
    state: $state
    flowSecret: $flowSecret
  ) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on AuthSuccess {
      token
      expiresAt
      user {
        id
        username
      }
    }
    ... on TwoFactorRequired {
      challenge
      expiresAt
    }
    ... on ProviderLinked {
      linkedAccount {
        provider
        emailFromProvider
        linkedAt
      }
    }
    ... on OAuthFailed {
      reason
    }
  }
}
    `, {"hash":"sha256:7d7eaeba428831a16e70063fd4e85e3cf7c4d69a3468e9bb71c9f76a37bd8177"}) as unknown as TypedDocumentString<OAuthCallbackMutation, OAuthCallbackMutationVariables>;
export const OAuthStartDocument = new TypedDocumentString(`
    mutation OAuthStart($provider: OAuthProvider!, $redirectUri: String!, $client: OAuthClient) {
  oauthStart(provider: $provider, redirectUri: $redirectUri, client: $client) {
    authorizationUrl
    state
    flowSecret
    expiresAt
  }
}
    `, {"hash":"sha256:5b2bfaa5c255a64e42973b3997e1e0d27ea584f727609613c8dfb609778093d8"}) as unknown as TypedDocumentString<OAuthStartMutation, OAuthStartMutationVariables>;
export const ReactivateUserDocument = new TypedDocumentString(`
    mutation ReactivateUser($userId: ID!, $reason: String) {
  reactivateUser(userId: $userId, reason: $reason) {
    id
    isActive
  }
}
    `, {"hash":"sha256:91b1049cc2ed4451b0cae9b76c56de9775bc6c99a629279ddc132cc0d360a896"}) as unknown as TypedDocumentString<ReactivateUserMutation, ReactivateUserMutationVariables>;
export const RequestEmailVerificationDocument = new TypedDocumentString(`
    mutation RequestEmailVerification {
  requestEmailVerification
}
    `, {"hash":"sha256:546ead34ed3d0d05a2c2552be8f05d2829f66bdc1c12611666dce7167dbb09cc"}) as unknown as TypedDocumentString<RequestEmailVerificationMutation, RequestEmailVerificationMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: EmailAddress!) {
  requestPasswordReset(email: $email)
}
    `, {"hash":"sha256:fa6307c7dc6ffebe0ff55ed9d51ae23e10c16b2b6190827218bf3b9065a14291"}) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on PasswordReset {
      revokedSessions
    }
    ... on WeakPassword {
      reasons
    }
  }
}
    `, {"hash":"sha256:96a3116010037e4730bc7982cbcb100bd66e5d2d9c0d14c5de59660d51275c6f"}) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const SearchUsersDocument = new TypedDocumentString(`
    query SearchUsers($prefix: String, $first: Int, $after: String) {
  searchUsers(prefix: $prefix, first: $first, after: $after) {
    nodes {
      id
      username
      email
      isActive
      createdAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:a9dc412fc87929b6617e486851745c7218059557b0edcccf3f402b67ae74e808"}) as unknown as TypedDocumentString<SearchUsersQuery, SearchUsersQueryVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: SignInInput!, $session: SessionDelivery = TOKEN) {
  signIn(input: $input, session: $session) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on AuthSuccess {
      token
      expiresAt
      user {
        id
        username
      }
    }
    ... on TooManyAttempts {
      retryAfterSeconds
    }
    ... on TwoFactorRequired {
      challenge
      expiresAt
    }
  }
}
    `, {"hash":"sha256:d28f3891e926d90499d8284802f2818acd058d84b79b7248b8b101572a295103"}) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut
}
    `, {"hash":"sha256:39300be1f6ff47633a8c264de2a924d5b71367b646d3bf86d82d7c51c6543956"}) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!, $session: SessionDelivery = TOKEN) {
  signUp(input: $input, session: $session) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on AuthSuccess {
      token
      expiresAt
      user {
        id
        username
        email
      }
    }
    ... on WeakPassword {
      reasons
    }
    ... on TooManyAttempts {
      retryAfterSeconds
    }
  }
}
    `, {"hash":"sha256:2942d08b7de5d4e7ac07c4d84318fa02544676f75f1719d3886ebcf7517ee7be"}) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const UnlinkProviderDocument = new TypedDocumentString(`
    mutation UnlinkProvider($provider: OAuthProvider!) {
  unlinkProvider(provider: $provider) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on ProviderUnlinked {
      linkedAccounts {
        provider
      }
    }
  }
}
    `, {"hash":"sha256:7719a5524ab0fb1d101629bc2650fd2f8e2634699504fe2b8a6aa3acfaa7da86"}) as unknown as TypedDocumentString<UnlinkProviderMutation, UnlinkProviderMutationVariables>;
export const UpdateProfileDocument = new TypedDocumentString(`
    mutation UpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    id
    firstName
    lastName
    dateOfBirth
    gender
    countryCode
    username
  }
}
    `, {"hash":"sha256:79f212d2ac82e8d291f5335433f2260671a86f315d5ab5fe1e49db3a1288fdae"}) as unknown as TypedDocumentString<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($token: String!) {
  verifyEmail(token: $token) {
    __typename
    ... on Problem {
      code
      message
    }
    ... on EmailVerified {
      user {
        id
        emailVerified
      }
    }
  }
}
    `, {"hash":"sha256:a0c015d8c8c9f804bbbb0b73ed465b3541351e67626864069ba35cd2d7ef63d1"}) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  me {
    id
    username
    email
    timeZone
    roles
    trainer {
      id
      verified
    }
  }
}
    `, {"hash":"sha256:30141c7ff0815b98ae5e4624f3985d64f127b6e080d430235481942c7c193e8d"}) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const AddWorkoutPlanExerciseDocument = new TypedDocumentString(`
    mutation AddWorkoutPlanExercise($workoutPlanId: ID!, $input: AddWorkoutPlanExerciseInput!) {
  addWorkoutPlanExercise(workoutPlanId: $workoutPlanId, input: $input) {
    ...PlanDetails
  }
}
    fragment PlanDetails on WorkoutPlan {
  id
  name
  description
  difficulty
  durationWeeks
  targetAudience
  version
  isPublished
  hasUnpublishedChanges
  publishedAt
  trainer {
    id
  }
  exercises {
    id
    sequenceNumber
    sets
    reps
    weightKg
    restSeconds
    exercise {
      id
      name
    }
  }
}`, {"hash":"sha256:460b6a7645452a2c0efdbd7896ef20e6fd5adce6c0b8a0fcf2a5cc0361b7c8d0"}) as unknown as TypedDocumentString<AddWorkoutPlanExerciseMutation, AddWorkoutPlanExerciseMutationVariables>;
export const ApplyAsTrainerDocument = new TypedDocumentString(`
    mutation ApplyAsTrainer($input: ApplyAsTrainerInput!) {
  applyAsTrainer(input: $input) {
    id
    verified
  }
}
    `, {"hash":"sha256:c38c5e344ab131486fdd3f00f5d856b5b74473c4078b1229fdb6ec00affdac26"}) as unknown as TypedDocumentString<ApplyAsTrainerMutation, ApplyAsTrainerMutationVariables>;
export const CompleteWorkoutSessionDocument = new TypedDocumentString(`
    mutation CompleteWorkoutSession($id: ID!, $input: CompleteWorkoutSessionInput!) {
  completeWorkoutSession(id: $id, input: $input) {
    id
    status
    completedAt
    durationSeconds
    intensityLevel
  }
}
    `, {"hash":"sha256:30b3e0d2444a08d53ad292aac49e99717567ae84f7ce9f13f525bd17332c1efc"}) as unknown as TypedDocumentString<CompleteWorkoutSessionMutation, CompleteWorkoutSessionMutationVariables>;
export const CreateHabitDocument = new TypedDocumentString(`
    mutation CreateHabit($input: CreateHabitInput!) {
  createHabit(input: $input) {
    id
    name
    frequencyPerWeek
    streakUnit
    currentStreak
    bestStreak
  }
}
    `, {"hash":"sha256:176e4a75182c908f4bc2aac702ee7df99474a6f021faf96cc665919c62f624b2"}) as unknown as TypedDocumentString<CreateHabitMutation, CreateHabitMutationVariables>;
export const CreateWorkoutPlanDocument = new TypedDocumentString(`
    mutation CreateWorkoutPlan($input: CreateWorkoutPlanInput!) {
  createWorkoutPlan(input: $input) {
    ...PlanDetails
  }
}
    fragment PlanDetails on WorkoutPlan {
  id
  name
  description
  difficulty
  durationWeeks
  targetAudience
  version
  isPublished
  hasUnpublishedChanges
  publishedAt
  trainer {
    id
  }
  exercises {
    id
    sequenceNumber
    sets
    reps
    weightKg
    restSeconds
    exercise {
      id
      name
    }
  }
}`, {"hash":"sha256:6cff865c747def06bf93d47da54082c4f3334b5671dea286933665a2e6621bec"}) as unknown as TypedDocumentString<CreateWorkoutPlanMutation, CreateWorkoutPlanMutationVariables>;
export const ExerciseCatalogueDocument = new TypedDocumentString(`
    query ExerciseCatalogue($filter: ExerciseFilter, $first: Int, $after: String) {
  exercises(filter: $filter, first: $first, after: $after) {
    nodes {
      id
      name
      category
      difficulty
      equipment
      muscleGroups
      videoUrl
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:92d0584600bd044ae75c8c2aaa051c4df286c1620dddc0ae1322fc5fd03667cb"}) as unknown as TypedDocumentString<ExerciseCatalogueQuery, ExerciseCatalogueQueryVariables>;
export const LogHabitDocument = new TypedDocumentString(`
    mutation LogHabit($input: LogHabitInput!) {
  logHabit(input: $input) {
    id
    loggedDate
    value
    completed
  }
}
    `, {"hash":"sha256:844cc412f3def5a7ab388ada43604f830591c22507247cc2f829f5d8f6d1e032"}) as unknown as TypedDocumentString<LogHabitMutation, LogHabitMutationVariables>;
export const MyHabitsDocument = new TypedDocumentString(`
    query MyHabits($from: Date!, $to: Date!, $first: Int, $after: String) {
  me {
    id
    trainer {
      id
    }
    habits(first: $first, after: $after) {
      nodes {
        id
        name
        unit
        targetValue
        frequencyPerWeek
        streakUnit
        currentStreak
        bestStreak
        completionRate(from: $from, to: $to)
        logs(from: $from, to: $to) {
          loggedDate
          value
          completed
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
}
    `, {"hash":"sha256:0c63db8d1e02fb37d116da367abf5c6706d6dacf14f8b315fafd39dda720c8a1"}) as unknown as TypedDocumentString<MyHabitsQuery, MyHabitsQueryVariables>;
export const MyWorkoutSessionsDocument = new TypedDocumentString(`
    query MyWorkoutSessions($filter: WorkoutSessionFilter, $first: Int, $after: String) {
  me {
    id
    workoutSessions(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        status
        startedAt
        durationSeconds
        workoutPlan {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `, {"hash":"sha256:ac43a1ae3dd85290d012f430983dbec5672834ce3576b67d5b59d1ae5175a4b1"}) as unknown as TypedDocumentString<MyWorkoutSessionsQuery, MyWorkoutSessionsQueryVariables>;
export const PublishWorkoutPlanDocument = new TypedDocumentString(`
    mutation PublishWorkoutPlan($id: ID!) {
  publishWorkoutPlan(id: $id) {
    ...PlanDetails
  }
}
    fragment PlanDetails on WorkoutPlan {
  id
  name
  description
  difficulty
  durationWeeks
  targetAudience
  version
  isPublished
  hasUnpublishedChanges
  publishedAt
  trainer {
    id
  }
  exercises {
    id
    sequenceNumber
    sets
    reps
    weightKg
    restSeconds
    exercise {
      id
      name
    }
  }
}`, {"hash":"sha256:beb4e1b0be51c6380c5f9004e1c666a6201c37a7b7a3991a35d92a365a241165"}) as unknown as TypedDocumentString<PublishWorkoutPlanMutation, PublishWorkoutPlanMutationVariables>;
export const ReorderWorkoutPlanExercisesDocument = new TypedDocumentString(`
    mutation ReorderWorkoutPlanExercises($workoutPlanId: ID!, $exerciseIds: [ID!]!) {
  reorderWorkoutPlanExercises(
    workoutPlanId: $workoutPlanId
    exerciseIds: $exerciseIds
  ) {
    ...PlanDetails
  }
}
    fragment PlanDetails on WorkoutPlan {
  id
  name
  description
  difficulty
  durationWeeks
  targetAudience
  version
  isPublished
  hasUnpublishedChanges
  publishedAt
  trainer {
    id
  }
  exercises {
    id
    sequenceNumber
    sets
    reps
    weightKg
    restSeconds
    exercise {
      id
      name
    }
  }
}`, {"hash":"sha256:664688041e1a70da9112cbde29f525f74b1a741b948ab89b8ff6edca873d09f7"}) as unknown as TypedDocumentString<ReorderWorkoutPlanExercisesMutation, ReorderWorkoutPlanExercisesMutationVariables>;
export const StartWorkoutSessionDocument = new TypedDocumentString(`
    mutation StartWorkoutSession($input: StartWorkoutSessionInput!) {
  startWorkoutSession(input: $input) {
    id
    status
    startedAt
    workoutPlanVersion {
      version
      name
    }
  }
}
    `, {"hash":"sha256:c766e13543978cc97ed3c98b72b2d97bfd5ed36e8f5ce0ab47de187721f4ce1d"}) as unknown as TypedDocumentString<StartWorkoutSessionMutation, StartWorkoutSessionMutationVariables>;
export const TrainerDashboardDocument = new TypedDocumentString(`
    query TrainerDashboard($days: LocalDateRange!) {
  me {
    id
    trainer {
      id
      clients(first: 20) {
        nodes {
          id
          startedAt
          user {
            id
            username
            firstName
            lastName
          }
          activePlan {
            id
            name
          }
          steps: healthSeries(
            metricType: STEPS
            days: $days
            bucket: DAY
            includeEmpty: true
          ) {
            start
            sum
          }
          habits(first: 10) {
            nodes {
              id
              name
              currentStreak
              bestStreak
              streakUnit
            }
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:ebbef68597c41d98e32519f95e2ea0b410cec53ec640cdf7061a7c44e37bc0ac"}) as unknown as TypedDocumentString<TrainerDashboardQuery, TrainerDashboardQueryVariables>;
export const VerifyTrainerDocument = new TypedDocumentString(`
    mutation VerifyTrainer($trainerId: ID!) {
  verifyTrainer(trainerId: $trainerId) {
    id
    verified
    verifiedAt
  }
}
    `, {"hash":"sha256:14166f0a95c643d0bc554b2bbc0a217300324d05869a507c199c6b78c5ee5d8d"}) as unknown as TypedDocumentString<VerifyTrainerMutation, VerifyTrainerMutationVariables>;
export const WorkoutPlanCatalogueDocument = new TypedDocumentString(`
    query WorkoutPlanCatalogue($filter: WorkoutPlanFilter, $first: Int, $after: String) {
  workoutPlans(filter: $filter, first: $first, after: $after) {
    nodes {
      ...PlanDetails
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment PlanDetails on WorkoutPlan {
  id
  name
  description
  difficulty
  durationWeeks
  targetAudience
  version
  isPublished
  hasUnpublishedChanges
  publishedAt
  trainer {
    id
  }
  exercises {
    id
    sequenceNumber
    sets
    reps
    weightKg
    restSeconds
    exercise {
      id
      name
    }
  }
}`, {"hash":"sha256:0ab7a8bb415d769fc68b473601f1591f71bb331a2b8d6658b3b65f2e9c65ba7c"}) as unknown as TypedDocumentString<WorkoutPlanCatalogueQuery, WorkoutPlanCatalogueQueryVariables>;
export const WorkoutSessionUpdatedDocument = new TypedDocumentString(`
    subscription WorkoutSessionUpdated($userId: ID) {
  workoutSessionUpdated(userId: $userId) {
    id
    status
    startedAt
    completedAt
    durationSeconds
    intensityLevel
    user {
      id
      username
    }
  }
}
    `, {"hash":"sha256:a51836aea69328ffa6cea38d21f4eaceeb7136ad1a19f5c56ed478a6e559f9f3"}) as unknown as TypedDocumentString<WorkoutSessionUpdatedSubscription, WorkoutSessionUpdatedSubscriptionVariables>;