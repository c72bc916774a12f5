import { z } from 'zod';

/**
 * The catalogue of domain events: every event a subgraph may publish, with the version producers
 * write now and the payload of that version as a zod schema (the TypeScript types are inferred
 * from it). It is the vocabulary the subgraphs share, so it lives in the kit; it holds contracts
 * only, no domain rules. Producers write through `writeEvent` (outbox.ts), which accepts only a
 * name from here and its payload; consumers declare handlers through `eventConsumer`
 * (consumer.ts), whose handler map accepts only names from here and hands each handler the
 * payload checked against this schema. docs/architecture.md#how-to-add-an-event says how to add
 * or change an event.
 *
 * A change that only adds an optional field keeps the version (consumers keep fields they do not
 * know). Any other change raises the version; the schema of the old one goes to `earlier`, turned
 * into the current payload, so consumers still read events written before the change. Outbox
 * rows from before versions existed carry none and are version 1.
 */

/** An id in the graph (a UUID, any case, as `isUuid` in kit/ids.ts). */
const id = z.guid();
/** An instant as JavaScript (`toISOString`) or PostgreSQL (`to_json` of a timestamptz) writes it. */
const instant = z.iso.datetime({ offset: true });
/** A calendar date, `YYYY-MM-DD`. */
const day = z.iso.date();
const cents = z.number().int().nonnegative();
const currency = z.string().regex(/^[A-Z]{3}$/);

export interface EventContract<P extends z.ZodObject = z.ZodObject> {
  /** The version producers write now. */
  readonly version: number;
  /** The payload of that version. */
  readonly payload: P;
  /** Earlier versions consumers still read, each parsed into the current payload. */
  readonly earlier: Readonly<Record<number, z.ZodType<z.output<P>>>>;
}

function event<P extends z.ZodObject>(
  version: number,
  payload: P,
  earlier: Record<number, z.ZodType<z.output<P>>> = {},
): EventContract<P> {
  return { version, payload, earlier };
}

/** A coaching relationship (training's `trainer_clients` row) with its trainer's user. */
const coachingRelationship = z.object({
  relationshipId: id,
  trainerId: id,
  trainerUserId: id,
  userId: id,
  startedAt: instant,
});

const subscriptionRef = { subscriptionId: id, userId: id };
const paymentFacts = {
  paymentId: id,
  ...subscriptionRef,
  amountCents: cents,
  currency,
  gateway: z.string(),
};

export const catalogue = {
  // identity (subgraphs/identity)
  'user.signed_up': event(1, z.object({ userId: id, signedUpAt: instant })),
  /** `method` is the OAuth provider for an OAuth sign-in. */
  'user.signed_in': event(
    1,
    z.object({ userId: id, ip: z.string().nullable(), method: z.string().optional() }),
  ),
  'user.password_reset': event(1, z.object({ userId: id, resetAt: instant })),
  /**
   * The profile properties analytics projects for cohorts. A property present replaces the
   * projected one (null clears it), an absent one is kept; `updatedAt` defaults to occurredAt.
   */
  'user.profile_updated': event(
    1,
    z.object({
      userId: id,
      updatedAt: instant.optional(),
      gender: z.string().max(32).nullable().optional(),
      countryCode: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .nullable()
        .optional(),
      dateOfBirth: day.nullable().optional(),
      /** The IANA zone the user's days follow (kit/time-zones.ts). */
      timeZone: z.string().min(1).max(64).optional(),
    }),
  ),
  /** The account is gone: every subgraph erases what it holds of the user (its gdpr.ts). */
  'user.deleted': event(1, z.object({ userId: id, deletedAt: instant })),

  // training (subgraphs/training)
  /** A workout session began (it is IN_PROGRESS). */
  'workout.started': event(
    1,
    z.object({ sessionId: id, userId: id, workoutPlanId: id.nullable(), startedAt: instant }),
  ),
  'workout.completed': event(
    1,
    z.object({
      sessionId: id,
      userId: id,
      workoutPlanId: id.nullable(),
      workoutPlanVersion: z.number().int().positive().nullable(),
      startedAt: instant,
      completedAt: instant,
      durationSeconds: z.number().int().nonnegative(),
      intensityLevel: z.string(),
    }),
  ),
  /** A session in progress was given up. */
  'workout.abandoned': event(
    1,
    z.object({ sessionId: id, userId: id, startedAt: instant, abandonedAt: instant }),
  ),
  'coaching.started': event(1, coachingRelationship.extend({ endedAt: z.null() })),
  /** `account_deleted`: either party's account was erased (the relationship is gone from training). */
  'coaching.ended': event(
    1,
    coachingRelationship.extend({ endedAt: instant, reason: z.enum(['ended', 'account_deleted']) }),
  ),

  // content (subgraphs/content)
  /**
   * The trainer's rating changed: the average of every rating on their published content items
   * (null with none) and how many ratings that is, as of `computedAt`. A consumer keeps the
   * newest `computedAt` it has seen, so a late redelivery never brings an older value back.
   */
  'content.trainer_rating_changed': event(
    1,
    z.object({
      trainerId: id,
      average: z.number().min(1).max(5).nullable(),
      count: z.number().int().nonnegative(),
      computedAt: instant,
    }),
  ),

  // health (subgraphs/health)
  /**
   * New samples of a user were stored through recordHealthMetrics: how many, and the span of
   * their times (`from`..`to`); never the values.
   */
  'health.metrics_recorded': event(
    1,
    z.object({
      userId: id,
      accepted: z.number().int().positive(),
      from: instant,
      to: instant,
      recordedAt: instant,
    }),
  ),

  // billing (subgraphs/billing)
  'subscription.started': event(
    1,
    z.object({
      ...subscriptionRef,
      planId: id,
      status: z.string(),
      isTrial: z.boolean(),
      trialEndDate: day.nullable(),
    }),
  ),
  /** The first payment succeeded. */
  'subscription.activated': event(1, z.object({ ...subscriptionRef, planId: id })),
  'subscription.renewed': event(
    1,
    z.object({
      ...subscriptionRef,
      paymentId: id,
      periodStart: day,
      periodEnd: day,
      convertedFromTrial: z.boolean(),
    }),
  ),
  /**
   * Canceled by the user (`atPeriodEnd`, `endDate`), at once because the account was deleted
   * (`reason: account_deleted`) or its payment refunded in full (`reason: refunded`, `paymentId`),
   * or at the end of a canceled period (`planId`, `reason: period_ended`).
   */
  'subscription.canceled': event(
    1,
    z.object({
      ...subscriptionRef,
      planId: id.optional(),
      atPeriodEnd: z.boolean().optional(),
      endDate: day.nullable().optional(),
      reason: z.enum(['account_deleted', 'refunded', 'period_ended']).optional(),
      paymentId: id.optional(),
    }),
  ),
  /** No reason: the first payment failed. */
  'subscription.expired': event(
    1,
    z.object({
      ...subscriptionRef,
      planId: id,
      reason: z.enum(['period_ended', 'never_paid', 'renewal_unpaid']).optional(),
    }),
  ),
  'payment.completed': event(1, z.object(paymentFacts)),
  'payment.failed': event(1, z.object({ ...paymentFacts, reason: z.string().nullable() })),
  'payment.refunded': event(
    1,
    z.object({
      paymentId: id,
      refundId: id,
      userId: id.nullable(),
      amountCents: cents,
      currency,
      fullyRefunded: z.boolean(),
    }),
  ),
} as const satisfies Record<string, EventContract>;

export type Catalogue = typeof catalogue;
export type EventName = keyof Catalogue;
export const eventNames = Object.keys(catalogue) as EventName[];

/** What a producer writes for an event. */
export type EventPayloadInput<N extends EventName> = z.input<Catalogue[N]['payload']>;
/** What a consumer's handler receives for an event, checked. */
export type EventPayload<N extends EventName> = z.output<Catalogue[N]['payload']>;

/** One checked event as a consumer's handler receives it; for a union of names, a union of events. */
export type CatalogueEvent<N extends EventName = EventName> = N extends EventName
  ? {
      id: string;
      type: N;
      /** The subgraph that wrote it. */
      source: string;
      occurredAt: string;
      /** The version it was written in; the payload is the current version's whatever it was. */
      version: number;
      payload: EventPayload<N>;
    }
  : never;

export function isEventName(type: string): type is EventName {
  return Object.hasOwn(catalogue, type);
}

export type PayloadCheck<P> = { ok: true; payload: P } | { ok: false; reason: string };

/**
 * Checks a payload against a contract: the current version's schema, or an earlier version's,
 * which turns it into the current payload. Fields the schema does not know are kept (a newer
 * producer may have added them). The reason names versions and fields, never values, so it can
 * be logged.
 */
export function checkPayload<P extends z.ZodObject>(
  contract: EventContract<P>,
  version: number,
  payload: unknown,
): PayloadCheck<z.output<P>> {
  const schema =
    version === contract.version
      ? lenient(contract.payload)
      : Object.hasOwn(contract.earlier, version)
        ? contract.earlier[version]
        : undefined;
  if (!schema) return { ok: false, reason: `unknown version ${version} (current is ${contract.version})` };
  const result = schema.safeParse(payload);
  if (result.success) return { ok: true, payload: result.data as z.output<P> };
  return { ok: false, reason: `invalid payload: ${describeIssues(result.error)}` };
}

const lenientSchemas = new WeakMap<z.ZodObject, z.ZodObject>();
/** The schema that keeps unknown fields, made once per contract. */
function lenient(schema: z.ZodObject): z.ZodObject {
  let found = lenientSchemas.get(schema);
  if (!found) {
    found = schema.loose();
    lenientSchemas.set(schema, found);
  }
  return found;
}

/** Each failing field with the kind of failure (`userId: invalid_format`), never the value. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(payload)'}: ${issue.code}`)
    .join(', ');
}
