import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PlanRow as PlanRowModel, SubscriptionRow as SubscriptionRowModel, PaymentRow as PaymentRowModel, RefundRow as RefundRowModel } from '../tables.js';
import type { UserRef as UserRefModel } from '../models.js';
import type { CoachingKey as CoachingKeyModel } from '../coaching.js';
import type { NextAction as NextActionModel } from '../next-action.js';
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
  /** An ISO 4217 currency code, e.g. USD. */
  Currency: { input: string; output: string; }
  /** A calendar date, as YYYY-MM-DD. */
  Date: { input: Date; output: Date | string; }
  /** An instant in UTC, as an ISO 8601 string (e.g. 2026-11-27T14:00:00Z). */
  DateTime: { input: Date; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** The user already has a subscription that is active or pending. */
export type AlreadySubscribed = Problem & {
  __typename?: 'AlreadySubscribed';
  /** Stable code of the outcome, always ALREADY_SUBSCRIBED. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The subscription they have. */
  subscription: UserSubscription;
};

/** How often a plan is charged. */
export type BillingPeriod =
  /** Every twelve calendar months. */
  | 'ANNUAL'
  /** Every calendar month. */
  | 'MONTHLY'
  /** Every three calendar months. */
  | 'QUARTERLY';

/** A new plan. */
export type CreateSubscriptionPlanInput = {
  /** How often it is charged. */
  billingPeriod: BillingPeriod;
  /** ISO 4217 currency. */
  currency: Scalars['Currency']['input'];
  /** What the plan offers, up to 2000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Feature keys granted (at most 50, each 1..64 of a-z, 0-9, '_', ':', '-'). */
  features?: Array<Scalars['String']['input']>;
  /** Course limit; null for none. */
  maxCourses?: InputMaybe<Scalars['Int']['input']>;
  /** Trainer limit; null for none. */
  maxTrainers?: InputMaybe<Scalars['Int']['input']>;
  /** Display name, 1..100 characters. */
  name: Scalars['String']['input'];
  /** Price per period in cents; must be positive. */
  priceCents: Scalars['Int']['input'];
  /** Free days before the first charge, 0..90. */
  trialPeriodDays?: InputMaybe<Scalars['Int']['input']>;
};

/** The chosen gateway does not take the plan's currency; nothing was started or charged. */
export type CurrencyNotSupported = Problem & {
  __typename?: 'CurrencyNotSupported';
  /** Stable code of the outcome, always CURRENCY_NOT_SUPPORTED. */
  code: Scalars['String']['output'];
  /** The plan's currency. */
  currency: Scalars['Currency']['output'];
  /** The gateway asked for. */
  gateway: PaymentGateway;
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The currencies that gateway takes. */
  supportedCurrencies: Array<Scalars['Currency']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Cancels a subscription of the signed-in user (or any, for admins). */
  cancelSubscription: UserSubscription;
  /**
   * Development gateway only: the payer's answer to a TEST payment's confirmation step (what a
   * bank's 3-D Secure page does). `succeed` true completes it and activates its subscription;
   * false fails it. Applied once; for the payer or an admin. BAD_USER_INPUT when the payment is not
   * a TEST payment waiting for confirmation.
   */
  confirmTestPayment: Payment;
  /** Creates a plan. Admins only. */
  createSubscriptionPlan: SubscriptionPlan;
  /**
   * Refunds part or all of a completed payment. Admins only. Refunds never exceed the payment (the
   * database refuses it, whoever writes), and a payment takes at most 20 refunds (CONFLICT after
   * that; failed ones count). The refund that completes the payment's amount ends its
   * subscription at once (CANCELED, its entitlements gone); a partial refund leaves it as it is.
   */
  refundPayment: RefundPaymentResult;
  /** Turns renewal at the end of each period on or off. */
  setAutoRenewal: UserSubscription;
  /**
   * Subscribes the signed-in user. A plan with trial days starts a trial (no charge until it
   * ends); otherwise the first period is charged and the subscription becomes active when the
   * payment succeeds. Retrying with the same `idempotencyKey` never charges twice.
   */
  subscribe: SubscribeResult;
  /** Changes a plan. Admins only. */
  updateSubscriptionPlan: SubscriptionPlan;
};


export type MutationCancelSubscriptionArgs = {
  atPeriodEnd?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationConfirmTestPaymentArgs = {
  paymentId: Scalars['ID']['input'];
  succeed?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationCreateSubscriptionPlanArgs = {
  input: CreateSubscriptionPlanInput;
};


export type MutationRefundPaymentArgs = {
  amountCents: Scalars['Int']['input'];
  paymentId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSetAutoRenewalArgs = {
  enabled: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
};


export type MutationSubscribeArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  paymentMethod: PaymentMethodInput;
  planId: Scalars['ID']['input'];
};


export type MutationUpdateSubscriptionPlanArgs = {
  id: Scalars['ID']['input'];
  input: UpdateSubscriptionPlanInput;
};

/** Where a list continues. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A charge for one period of a subscription. Visible to the subscriber and admins. */
export type Payment = {
  __typename?: 'Payment';
  /** Amount in minor units of the currency (cents); always positive. */
  amountCents: Scalars['Int']['output'];
  /** The last four digits of the card, when a card paid. No other card data is kept. */
  cardLast4?: Maybe<Scalars['String']['output']>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** ISO 4217 currency. */
  currency: Scalars['Currency']['output'];
  /** Why the gateway declined it, when it did. */
  failureReason?: Maybe<Scalars['String']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** While PENDING: what the payer must do for the gateway to settle it; null otherwise. */
  nextAction?: Maybe<PaymentNextAction>;
  /** The payer's country (ISO 3166-1 alpha-2) as the gateway reported it. */
  payerCountry?: Maybe<Scalars['String']['output']>;
  /** The cardholder's name as the gateway reported it; removed when the account is deleted. */
  payerName?: Maybe<Scalars['String']['output']>;
  /** The gateway that handled it. */
  paymentGateway: PaymentGateway;
  /** End (exclusive) of the period it pays for. */
  periodEnd: Scalars['Date']['output'];
  /** First day of the period it pays for. */
  periodStart: Scalars['Date']['output'];
  /** When the gateway settled it. */
  processedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Sum of refunds that succeeded or are pending, in cents. */
  refundedCents: Scalars['Int']['output'];
  /** Its refunds, oldest first (at most 20 from refundPayment; see there). */
  refunds: Array<Refund>;
  /** Where it is. */
  status: PaymentStatus;
  /** The subscription it pays for. */
  subscription: UserSubscription;
};

/**
 * The first payment needs the payer: the subscription is PENDING, gives no entitlements, and
 * becomes ACTIVE when the gateway confirms the payment. Unconfirmed, it expires with its payment
 * FAILED after the grace days (BILLING_GRACE_DAYS, 3 by default). Query paymentState after the step.
 */
export type PaymentActionRequired = {
  __typename?: 'PaymentActionRequired';
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** What the payer must do next. */
  nextAction: PaymentNextAction;
  /** The pending first payment (always set; nullable only to match SubscriptionStarted.payment in one selection). */
  payment?: Maybe<Payment>;
  /** The pending subscription. */
  subscription: UserSubscription;
};

/** A page of payments. */
export type PaymentConnection = {
  __typename?: 'PaymentConnection';
  /** The payments on this page. */
  nodes: Array<Payment>;
  /** Where the list continues. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** The gateway declined the first payment: nothing was charged and the subscription never became active; it stays in the history as EXPIRED with this FAILED payment. */
export type PaymentDeclined = Problem & {
  __typename?: 'PaymentDeclined';
  /** Stable code of the outcome, always PAYMENT_DECLINED. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** The declined payment (always set; nullable only to match SubscriptionStarted.payment in one selection). */
  payment?: Maybe<Payment>;
};

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

/** A payment gateway that takes payments now. */
export type PaymentGatewayInfo = {
  __typename?: 'PaymentGatewayInfo';
  /** The ISO 4217 currencies it takes; subscribe refuses a plan in any other with CurrencyNotSupported. */
  currencies: Array<Scalars['Currency']['output']>;
  /** The gateway, as PaymentMethodInput.gateway takes it. */
  gateway: PaymentGateway;
};

/** How the subscriber pays: a gateway and its saved payment method (never card numbers). */
export type PaymentMethodInput = {
  /** The gateway; paymentGateways lists those available. */
  gateway: PaymentGateway;
  /** The gateway's payment method reference: a Stripe `pm_...` id, a YooKassa payment_method_id, a TEST token. */
  token: Scalars['String']['input'];
};

/** The confirmation step of a pending payment. */
export type PaymentNextAction = {
  __typename?: 'PaymentNextAction';
  /** For CLIENT_SECRET: the secret the gateway's client library confirms with. Only the payer and admins see it. */
  clientSecret?: Maybe<Scalars['String']['output']>;
  /** For REDIRECT: where to send the payer. */
  redirectUrl?: Maybe<Scalars['String']['output']>;
  /** Which kind of step. */
  type: PaymentNextActionType;
};

/** What the payer must do before a pending payment can settle. */
export type PaymentNextActionType =
  /** Confirm with the gateway's client library using `clientSecret` (Stripe.js handleNextAction, for 3-D Secure). */
  | 'CLIENT_SECRET'
  /** Development gateway: call confirmTestPayment (what a bank's 3-D Secure page would do). */
  | 'CONFIRM_TEST_PAYMENT'
  /** Send the payer to `redirectUrl` (the gateway's or bank's page); they come back to the app's return page. */
  | 'REDIRECT';

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

/** The plan does not exist or is closed to new subscriptions. */
export type PlanUnavailable = Problem & {
  __typename?: 'PlanUnavailable';
  /** Stable code of the outcome, always PLAN_UNAVAILABLE. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
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

export type Query = {
  __typename?: 'Query';
  /** A payment by id, for its payer or an admin; null otherwise. */
  payment?: Maybe<Payment>;
  /** The gateways that take payments now, with the currencies each accepts. Public. */
  paymentGateways: Array<PaymentGatewayInfo>;
  /**
   * A payment's current state, for the client coming back from a confirmation step (the
   * `payment` parameter of the return URL): while it is PENDING the gateway is asked, and its
   * answer applied as a notification would be, so a payment the gateway already settled is
   * COMPLETED or FAILED here even before its notification arrives. For its payer or an admin;
   * null otherwise.
   */
  paymentState?: Maybe<Payment>;
  /** A subscription by id, for its subscriber or an admin; null otherwise. */
  subscription?: Maybe<UserSubscription>;
  /** Plans, cheapest first. Public; `includeInactive` is for admins. */
  subscriptionPlans: SubscriptionPlanConnection;
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPaymentStateArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySubscriptionPlansArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeInactive?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Money returned for a payment, in part or in full. Visible to the subscriber and admins. */
export type Refund = {
  __typename?: 'Refund';
  /** Amount returned in minor units of the payment's currency; always positive. */
  amountCents: Scalars['Int']['output'];
  /** When it was asked for. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The payment refunded. */
  payment: Payment;
  /** When the gateway settled it. */
  processedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why, as the admin wrote it. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Where it is. */
  status: RefundStatus;
};

/** The amount is more than what remains unrefunded of the payment. */
export type RefundExceedsPayment = Problem & {
  __typename?: 'RefundExceedsPayment';
  /** Stable code of the outcome, always REFUND_EXCEEDS_PAYMENT. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** Cents that can still be refunded. */
  refundableCents: Scalars['Int']['output'];
};

/** The refund was asked of the gateway; its status says how far it got. */
export type RefundIssued = {
  __typename?: 'RefundIssued';
  /** The payment, with its refunds. */
  payment: Payment;
  /** The refund. */
  refund: Refund;
};

/** The outcome of refundPayment. */
export type RefundPaymentResult = RefundExceedsPayment | RefundIssued | RefundRecordedAsManual;

/**
 * The payment's gateway has no refund call (WebMoney Merchant): the refund is recorded as MANUAL
 * and counts as returned; an admin sends the money back by hand (WebMoney Keeper).
 */
export type RefundRecordedAsManual = {
  __typename?: 'RefundRecordedAsManual';
  /** Human-readable explanation, naming what to do by hand. */
  message: Scalars['String']['output'];
  /** The payment, with its refunds. */
  payment: Payment;
  /** The refund, status MANUAL. */
  refund: Refund;
};

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

/** The outcome of subscribe. */
export type SubscribeResult = AlreadySubscribed | CurrencyNotSupported | PaymentActionRequired | PaymentDeclined | PlanUnavailable | SubscriptionStarted;

/**
 * Live updates over WebSocket (graphql-ws at the gateway's /graphql; see docs/subscriptions.md).
 * Each event is authorized for the subscriber when it is delivered.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The viewer's subscription changed status: started, activated, renewed, canceled or expired.
   * Only the viewer's own subscriptions are ever delivered.
   */
  mySubscriptionUpdated: UserSubscription;
};

/** A page of subscriptions. */
export type SubscriptionConnection = {
  __typename?: 'SubscriptionConnection';
  /** The subscriptions on this page. */
  nodes: Array<UserSubscription>;
  /** Where the list continues. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** A plan users subscribe to. Public. */
export type SubscriptionPlan = {
  __typename?: 'SubscriptionPlan';
  /** How often it is charged. */
  billingPeriod: BillingPeriod;
  /** When the plan was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The currency of the price. */
  currency: Scalars['Currency']['output'];
  /** What the plan offers, for display. */
  description?: Maybe<Scalars['String']['output']>;
  /** What an active subscription to this plan entitles to; other subgraphs gate content on these. */
  features: Array<Scalars['String']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Whether new subscriptions may start on this plan. */
  isActive: Scalars['Boolean']['output'];
  /** How many courses a subscriber may enroll in; null for no limit. */
  maxCourses?: Maybe<Scalars['Int']['output']>;
  /** How many trainers a subscriber may follow; null for no limit. */
  maxTrainers?: Maybe<Scalars['Int']['output']>;
  /** Display name. */
  name: Scalars['String']['output'];
  /** Price per billing period in minor units of the currency (cents). */
  priceCents: Scalars['Int']['output'];
  /** Free days before the first charge (0..90). */
  trialPeriodDays: Scalars['Int']['output'];
};

/** A page of plans. */
export type SubscriptionPlanConnection = {
  __typename?: 'SubscriptionPlanConnection';
  /** The plans on this page. */
  nodes: Array<SubscriptionPlan>;
  /** Where the list continues. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** The subscription exists: in its trial, active, or pending while the gateway confirms the payment. */
export type SubscriptionStarted = {
  __typename?: 'SubscriptionStarted';
  /** The first payment; null for a trial. */
  payment?: Maybe<Payment>;
  /** The subscription. */
  subscription: UserSubscription;
};

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

/**
 * A coaching relationship (training owns it), extended with the plan the client pays for, for
 * their trainer: the plan only, never subscriptions or payments. Only the relationship's trainer,
 * while it is active, and the client read it; anyone else gets null and a FORBIDDEN error. Billing
 * learns of a hire or an end from training's events, about a second after it happens; a new coach
 * gets FORBIDDEN until then.
 */
export type TrainerClient = {
  __typename?: 'TrainerClient';
  /** The plan of the client's subscription that gives access now; null without one. */
  activePlan?: Maybe<SubscriptionPlan>;
  /** The trainer's id. */
  trainerId: Scalars['ID']['output'];
  /** The client's user id. */
  userId: Scalars['ID']['output'];
};

/** Plan changes; a field left out keeps its value. Price and period changes apply to new periods. */
export type UpdateSubscriptionPlanInput = {
  /** What the plan offers, up to 2000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Feature keys granted. */
  features?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Open or close the plan to new subscriptions. */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Course limit. */
  maxCourses?: InputMaybe<Scalars['Int']['input']>;
  /** Trainer limit. */
  maxTrainers?: InputMaybe<Scalars['Int']['input']>;
  /** Display name, 1..100 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Price per period in cents; must be positive. */
  priceCents?: InputMaybe<Scalars['Int']['input']>;
  /** Free days before the first charge, 0..90. */
  trialPeriodDays?: InputMaybe<Scalars['Int']['input']>;
};

/** Billing's view of a person. */
export type User = {
  __typename?: 'User';
  /**
   * The subscription that gives access now, if any: active and, today, before its end date (plus the
   * grace days while a renewal is still being charged). Only the user and admins see it; anyone else
   * gets null and a FORBIDDEN error.
   */
  activeSubscription?: Maybe<UserSubscription>;
  /**
   * The features of the active subscription's plan: what content and other subgraphs gate on, on
   * every read (the gateway's viewer carries them, cached at most 30 s and refreshed when a
   * subscription starts or ends). Empty without an active subscription. Only the user and admins
   * see them; anyone else gets null and a FORBIDDEN error.
   */
  entitlements?: Maybe<Array<Scalars['String']['output']>>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /**
   * Their subscriptions, newest first. Only the user and admins see them; anyone else gets null and
   * a FORBIDDEN error.
   */
  subscriptions?: Maybe<SubscriptionConnection>;
};


/** Billing's view of a person. */
export type UserSubscriptionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * A user's subscription to a plan. Visible to that user and admins. (Named UserSubscription because
 * `Subscription` is GraphQL's root type for subscription operations.)
 */
export type UserSubscription = {
  __typename?: 'UserSubscription';
  /** Whether it renews at the end of each period. */
  autoRenewal: Scalars['Boolean']['output'];
  /** When the user canceled it (it may still run to the end of its period). */
  canceledAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it was started. */
  createdAt: Scalars['DateTime']['output'];
  /** The end (exclusive) of the period paid for, or of the trial. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** True while the current period is a free trial. */
  isTrial: Scalars['Boolean']['output'];
  /** The gateway renewals are charged through. */
  paymentGateway: PaymentGateway;
  /** Its payments, newest first. */
  payments: PaymentConnection;
  /** The plan subscribed to. */
  plan: SubscriptionPlan;
  /** The day of the next charge attempt; null when nothing will be charged again. */
  renewalDate?: Maybe<Scalars['Date']['output']>;
  /** The day it started. */
  startDate: Scalars['Date']['output'];
  /** Lifecycle state. */
  status: SubscriptionStatus;
  /** When the trial ends (it converts to a paid period then, unless canceled). */
  trialEndDate?: Maybe<Scalars['Date']['output']>;
  /** The subscriber. */
  user: User;
};


/**
 * A user's subscription to a plan. Visible to that user and admins. (Named UserSubscription because
 * `Subscription` is GraphQL's root type for subscription operations.)
 */
export type UserSubscriptionPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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
  Payment: Payment;
  Refund: Refund;
  SubscriptionPlan: SubscriptionPlan;
  TrainerClient: TrainerClient;
  User: User;
  UserSubscription: UserSubscription;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Payment:
    ( { __typename: 'Payment' }
    & GraphQLRecursivePick<FederationTypes['Payment'], {"id":true}> );
  Refund:
    ( { __typename: 'Refund' }
    & GraphQLRecursivePick<FederationTypes['Refund'], {"id":true}> );
  SubscriptionPlan:
    ( { __typename: 'SubscriptionPlan' }
    & GraphQLRecursivePick<FederationTypes['SubscriptionPlan'], {"id":true}> );
  TrainerClient:
    ( { __typename: 'TrainerClient' }
    & GraphQLRecursivePick<FederationTypes['TrainerClient'], {"trainerId":true,"userId":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
  UserSubscription:
    ( { __typename: 'UserSubscription' }
    & GraphQLRecursivePick<FederationTypes['UserSubscription'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  RefundPaymentResult:
    | ( Omit<RefundExceedsPayment, 'code'> )
    | ( Omit<RefundIssued, 'payment' | 'refund'> & { payment: _RefType['Payment'], refund: _RefType['Refund'] } )
    | ( Omit<RefundRecordedAsManual, 'payment' | 'refund'> & { payment: _RefType['Payment'], refund: _RefType['Refund'] } )
  ;
  SubscribeResult:
    | ( Omit<AlreadySubscribed, 'code' | 'subscription'> & { subscription: ResolversTypes['UserSubscription'] } )
    | ( Omit<CurrencyNotSupported, 'code'> )
    | ( Omit<PaymentActionRequired, 'nextAction' | 'payment' | 'subscription'> & { nextAction: _RefType['PaymentNextAction'], payment?: Maybe<_RefType['Payment']>, subscription: _RefType['UserSubscription'] } )
    | ( Omit<PaymentDeclined, 'code' | 'payment'> & { payment?: Maybe<ResolversTypes['Payment']> } )
    | ( Omit<PlanUnavailable, 'code'> )
    | ( Omit<SubscriptionStarted, 'payment' | 'subscription'> & { payment?: Maybe<_RefType['Payment']>, subscription: _RefType['UserSubscription'] } )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Problem:
    | ( Omit<AlreadySubscribed, 'code' | 'subscription'> & { subscription: ResolversTypes['UserSubscription'] } )
    | ( Omit<CurrencyNotSupported, 'code'> )
    | ( Omit<PaymentDeclined, 'code' | 'payment'> & { payment?: Maybe<ResolversTypes['Payment']> } )
    | ( Omit<PlanUnavailable, 'code'> )
    | ( Omit<RefundExceedsPayment, 'code'> )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AlreadySubscribed: ResolverTypeWrapper<Omit<AlreadySubscribed, 'code' | 'subscription'> & { subscription: ResolversTypes['UserSubscription'] }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  BillingPeriod: BillingPeriod;
  CreateSubscriptionPlanInput: CreateSubscriptionPlanInput;
  Currency: ResolverTypeWrapper<Scalars['Currency']['output']>;
  CurrencyNotSupported: ResolverTypeWrapper<Omit<CurrencyNotSupported, 'code'>>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Payment: ResolverTypeWrapper<PaymentRowModel>;
  PaymentActionRequired: ResolverTypeWrapper<Omit<PaymentActionRequired, 'nextAction' | 'payment' | 'subscription'> & { nextAction: ResolversTypes['PaymentNextAction'], payment?: Maybe<ResolversTypes['Payment']>, subscription: ResolversTypes['UserSubscription'] }>;
  PaymentConnection: ResolverTypeWrapper<Omit<PaymentConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['Payment']>; totalCount: () => Promise<number> }>;
  PaymentDeclined: ResolverTypeWrapper<Omit<PaymentDeclined, 'code' | 'payment'> & { payment?: Maybe<ResolversTypes['Payment']> }>;
  PaymentGateway: PaymentGateway;
  PaymentGatewayInfo: ResolverTypeWrapper<PaymentGatewayInfo>;
  PaymentMethodInput: PaymentMethodInput;
  PaymentNextAction: ResolverTypeWrapper<NextActionModel>;
  PaymentNextActionType: PaymentNextActionType;
  PaymentStatus: PaymentStatus;
  PlanUnavailable: ResolverTypeWrapper<Omit<PlanUnavailable, 'code'>>;
  Problem: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Problem']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Refund: ResolverTypeWrapper<RefundRowModel>;
  RefundExceedsPayment: ResolverTypeWrapper<Omit<RefundExceedsPayment, 'code'>>;
  RefundIssued: ResolverTypeWrapper<Omit<RefundIssued, 'payment' | 'refund'> & { payment: ResolversTypes['Payment'], refund: ResolversTypes['Refund'] }>;
  RefundPaymentResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RefundPaymentResult']>;
  RefundRecordedAsManual: ResolverTypeWrapper<Omit<RefundRecordedAsManual, 'payment' | 'refund'> & { payment: ResolversTypes['Payment'], refund: ResolversTypes['Refund'] }>;
  RefundStatus: RefundStatus;
  SubscribeResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SubscribeResult']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SubscriptionConnection: ResolverTypeWrapper<Omit<SubscriptionConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['UserSubscription']>; totalCount: () => Promise<number> }>;
  SubscriptionPlan: ResolverTypeWrapper<PlanRowModel>;
  SubscriptionPlanConnection: ResolverTypeWrapper<Omit<SubscriptionPlanConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['SubscriptionPlan']>; totalCount: () => Promise<number> }>;
  SubscriptionStarted: ResolverTypeWrapper<Omit<SubscriptionStarted, 'payment' | 'subscription'> & { payment?: Maybe<ResolversTypes['Payment']>, subscription: ResolversTypes['UserSubscription'] }>;
  SubscriptionStatus: SubscriptionStatus;
  TrainerClient: ResolverTypeWrapper<CoachingKeyModel>;
  UpdateSubscriptionPlanInput: UpdateSubscriptionPlanInput;
  User: ResolverTypeWrapper<UserRefModel>;
  UserSubscription: ResolverTypeWrapper<SubscriptionRowModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AlreadySubscribed: Omit<AlreadySubscribed, 'code' | 'subscription'> & { subscription: ResolversTypes['UserSubscription'] };
  String: Scalars['String']['output'];
  CreateSubscriptionPlanInput: CreateSubscriptionPlanInput;
  Currency: Scalars['Currency']['output'];
  CurrencyNotSupported: Omit<CurrencyNotSupported, 'code'>;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  ID: Scalars['ID']['output'];
  PageInfo: PageInfo;
  Payment: PaymentRowModel;
  PaymentActionRequired: Omit<PaymentActionRequired, 'nextAction' | 'payment' | 'subscription'> & { nextAction: ResolversParentTypes['PaymentNextAction'], payment?: Maybe<ResolversParentTypes['Payment']>, subscription: ResolversParentTypes['UserSubscription'] };
  PaymentConnection: Omit<PaymentConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['Payment']>; totalCount: () => Promise<number> };
  PaymentDeclined: Omit<PaymentDeclined, 'code' | 'payment'> & { payment?: Maybe<ResolversTypes['Payment']> };
  PaymentGatewayInfo: PaymentGatewayInfo;
  PaymentMethodInput: PaymentMethodInput;
  PaymentNextAction: NextActionModel;
  PlanUnavailable: Omit<PlanUnavailable, 'code'>;
  Problem: ResolversInterfaceTypes<ResolversParentTypes>['Problem'];
  Query: Record<PropertyKey, never>;
  Refund: RefundRowModel;
  RefundExceedsPayment: Omit<RefundExceedsPayment, 'code'>;
  RefundIssued: Omit<RefundIssued, 'payment' | 'refund'> & { payment: ResolversParentTypes['Payment'], refund: ResolversParentTypes['Refund'] };
  RefundPaymentResult: ResolversUnionTypes<ResolversParentTypes>['RefundPaymentResult'];
  RefundRecordedAsManual: Omit<RefundRecordedAsManual, 'payment' | 'refund'> & { payment: ResolversParentTypes['Payment'], refund: ResolversParentTypes['Refund'] };
  SubscribeResult: ResolversUnionTypes<ResolversParentTypes>['SubscribeResult'];
  Subscription: Record<PropertyKey, never>;
  SubscriptionConnection: Omit<SubscriptionConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['UserSubscription']>; totalCount: () => Promise<number> };
  SubscriptionPlan: PlanRowModel;
  SubscriptionPlanConnection: Omit<SubscriptionPlanConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['SubscriptionPlan']>; totalCount: () => Promise<number> };
  SubscriptionStarted: Omit<SubscriptionStarted, 'payment' | 'subscription'> & { payment?: Maybe<ResolversParentTypes['Payment']>, subscription: ResolversParentTypes['UserSubscription'] };
  TrainerClient: CoachingKeyModel;
  UpdateSubscriptionPlanInput: UpdateSubscriptionPlanInput;
  User: UserRefModel;
  UserSubscription: SubscriptionRowModel;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AlreadySubscribedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AlreadySubscribed'] = ResolversParentTypes['AlreadySubscribed']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscription?: Resolver<ResolversTypes['UserSubscription'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface CurrencyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Currency'], any> {
  name: 'Currency';
}

export type CurrencyNotSupportedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CurrencyNotSupported'] = ResolversParentTypes['CurrencyNotSupported']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
  gateway?: Resolver<ResolversTypes['PaymentGateway'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  supportedCurrencies?: Resolver<Array<ResolversTypes['Currency']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelSubscription?: Resolver<ResolversTypes['UserSubscription'], ParentType, ContextType, RequireFields<MutationCancelSubscriptionArgs, 'atPeriodEnd' | 'id'>>;
  confirmTestPayment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType, RequireFields<MutationConfirmTestPaymentArgs, 'paymentId' | 'succeed'>>;
  createSubscriptionPlan?: Resolver<ResolversTypes['SubscriptionPlan'], ParentType, ContextType, RequireFields<MutationCreateSubscriptionPlanArgs, 'input'>>;
  refundPayment?: Resolver<ResolversTypes['RefundPaymentResult'], ParentType, ContextType, RequireFields<MutationRefundPaymentArgs, 'amountCents' | 'paymentId'>>;
  setAutoRenewal?: Resolver<ResolversTypes['UserSubscription'], ParentType, ContextType, RequireFields<MutationSetAutoRenewalArgs, 'enabled' | 'id'>>;
  subscribe?: Resolver<ResolversTypes['SubscribeResult'], ParentType, ContextType, RequireFields<MutationSubscribeArgs, 'paymentMethod' | 'planId'>>;
  updateSubscriptionPlan?: Resolver<ResolversTypes['SubscriptionPlan'], ParentType, ContextType, RequireFields<MutationUpdateSubscriptionPlanArgs, 'id' | 'input'>>;
};

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PaymentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment'], FederationReferenceType extends FederationReferenceTypes['Payment'] = FederationReferenceTypes['Payment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Payment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amountCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cardLast4?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nextAction?: Resolver<Maybe<ResolversTypes['PaymentNextAction']>, ParentType, ContextType>;
  payerCountry?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  payerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  paymentGateway?: Resolver<ResolversTypes['PaymentGateway'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  processedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  refundedCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refunds?: Resolver<Array<ResolversTypes['Refund']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
  subscription?: Resolver<ResolversTypes['UserSubscription'], ParentType, ContextType>;
};

export type PaymentActionRequiredResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PaymentActionRequired'] = ResolversParentTypes['PaymentActionRequired']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nextAction?: Resolver<ResolversTypes['PaymentNextAction'], ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  subscription?: Resolver<ResolversTypes['UserSubscription'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PaymentConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PaymentConnection'] = ResolversParentTypes['PaymentConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Payment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PaymentDeclinedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PaymentDeclined'] = ResolversParentTypes['PaymentDeclined']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PaymentGatewayInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PaymentGatewayInfo'] = ResolversParentTypes['PaymentGatewayInfo']> = {
  currencies?: Resolver<Array<ResolversTypes['Currency']>, ParentType, ContextType>;
  gateway?: Resolver<ResolversTypes['PaymentGateway'], ParentType, ContextType>;
};

export type PaymentNextActionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PaymentNextAction'] = ResolversParentTypes['PaymentNextAction']> = {
  clientSecret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  redirectUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['PaymentNextActionType'], ParentType, ContextType>;
};

export type PlanUnavailableResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PlanUnavailable'] = ResolversParentTypes['PlanUnavailable']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProblemResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Problem'] = ResolversParentTypes['Problem']> = {
  __resolveType: TypeResolveFn<'AlreadySubscribed' | 'CurrencyNotSupported' | 'PaymentDeclined' | 'PlanUnavailable' | 'RefundExceedsPayment', ParentType, ContextType>;
};

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<QueryPaymentArgs, 'id'>>;
  paymentGateways?: Resolver<Array<ResolversTypes['PaymentGatewayInfo']>, ParentType, ContextType>;
  paymentState?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<QueryPaymentStateArgs, 'id'>>;
  subscription?: Resolver<Maybe<ResolversTypes['UserSubscription']>, ParentType, ContextType, RequireFields<QuerySubscriptionArgs, 'id'>>;
  subscriptionPlans?: Resolver<ResolversTypes['SubscriptionPlanConnection'], ParentType, ContextType, RequireFields<QuerySubscriptionPlansArgs, 'first' | 'includeInactive'>>;
};

export type RefundResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Refund'] = ResolversParentTypes['Refund'], FederationReferenceType extends FederationReferenceTypes['Refund'] = FederationReferenceTypes['Refund']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Refund']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amountCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
  processedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RefundStatus'], ParentType, ContextType>;
};

export type RefundExceedsPaymentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RefundExceedsPayment'] = ResolversParentTypes['RefundExceedsPayment']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refundableCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RefundIssuedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RefundIssued'] = ResolversParentTypes['RefundIssued']> = {
  payment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
  refund?: Resolver<ResolversTypes['Refund'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RefundPaymentResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RefundPaymentResult'] = ResolversParentTypes['RefundPaymentResult']> = {
  __resolveType: TypeResolveFn<'RefundExceedsPayment' | 'RefundIssued' | 'RefundRecordedAsManual', ParentType, ContextType>;
};

export type RefundRecordedAsManualResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RefundRecordedAsManual'] = ResolversParentTypes['RefundRecordedAsManual']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
  refund?: Resolver<ResolversTypes['Refund'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SubscribeResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SubscribeResult'] = ResolversParentTypes['SubscribeResult']> = {
  __resolveType: TypeResolveFn<'AlreadySubscribed' | 'CurrencyNotSupported' | 'PaymentActionRequired' | 'PaymentDeclined' | 'PlanUnavailable' | 'SubscriptionStarted', ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  mySubscriptionUpdated?: SubscriptionResolver<ResolversTypes['UserSubscription'], "mySubscriptionUpdated", ParentType, ContextType>;
};

export type SubscriptionConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SubscriptionConnection'] = ResolversParentTypes['SubscriptionConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['UserSubscription']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SubscriptionPlanResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SubscriptionPlan'] = ResolversParentTypes['SubscriptionPlan'], FederationReferenceType extends FederationReferenceTypes['SubscriptionPlan'] = FederationReferenceTypes['SubscriptionPlan']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['SubscriptionPlan']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billingPeriod?: Resolver<ResolversTypes['BillingPeriod'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  features?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isActive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  maxCourses?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxTrainers?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priceCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trialPeriodDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SubscriptionPlanConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SubscriptionPlanConnection'] = ResolversParentTypes['SubscriptionPlanConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['SubscriptionPlan']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SubscriptionStartedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SubscriptionStarted'] = ResolversParentTypes['SubscriptionStarted']> = {
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  subscription?: Resolver<ResolversTypes['UserSubscription'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TrainerClientResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TrainerClient'] = ResolversParentTypes['TrainerClient'], FederationReferenceType extends FederationReferenceTypes['TrainerClient'] = FederationReferenceTypes['TrainerClient']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['TrainerClient']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activePlan?: Resolver<Maybe<ResolversTypes['SubscriptionPlan']>, ParentType, ContextType>;
  trainerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activeSubscription?: Resolver<Maybe<ResolversTypes['UserSubscription']>, ParentType, ContextType>;
  entitlements?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subscriptions?: Resolver<Maybe<ResolversTypes['SubscriptionConnection']>, ParentType, ContextType, RequireFields<UserSubscriptionsArgs, 'first'>>;
};

export type UserSubscriptionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['UserSubscription'] = ResolversParentTypes['UserSubscription'], FederationReferenceType extends FederationReferenceTypes['UserSubscription'] = FederationReferenceTypes['UserSubscription']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['UserSubscription']> | FederationReferenceType, FederationReferenceType, ContextType>;
  autoRenewal?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canceledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isTrial?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  paymentGateway?: Resolver<ResolversTypes['PaymentGateway'], ParentType, ContextType>;
  payments?: Resolver<ResolversTypes['PaymentConnection'], ParentType, ContextType, RequireFields<UserSubscriptionPaymentsArgs, 'first'>>;
  plan?: Resolver<ResolversTypes['SubscriptionPlan'], ParentType, ContextType>;
  renewalDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SubscriptionStatus'], ParentType, ContextType>;
  trialEndDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type Resolvers<ContextType = RequestContext> = {
  AlreadySubscribed?: AlreadySubscribedResolvers<ContextType>;
  Currency?: GraphQLScalarType;
  CurrencyNotSupported?: CurrencyNotSupportedResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PaymentActionRequired?: PaymentActionRequiredResolvers<ContextType>;
  PaymentConnection?: PaymentConnectionResolvers<ContextType>;
  PaymentDeclined?: PaymentDeclinedResolvers<ContextType>;
  PaymentGatewayInfo?: PaymentGatewayInfoResolvers<ContextType>;
  PaymentNextAction?: PaymentNextActionResolvers<ContextType>;
  PlanUnavailable?: PlanUnavailableResolvers<ContextType>;
  Problem?: ProblemResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Refund?: RefundResolvers<ContextType>;
  RefundExceedsPayment?: RefundExceedsPaymentResolvers<ContextType>;
  RefundIssued?: RefundIssuedResolvers<ContextType>;
  RefundPaymentResult?: RefundPaymentResultResolvers<ContextType>;
  RefundRecordedAsManual?: RefundRecordedAsManualResolvers<ContextType>;
  SubscribeResult?: SubscribeResultResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SubscriptionConnection?: SubscriptionConnectionResolvers<ContextType>;
  SubscriptionPlan?: SubscriptionPlanResolvers<ContextType>;
  SubscriptionPlanConnection?: SubscriptionPlanConnectionResolvers<ContextType>;
  SubscriptionStarted?: SubscriptionStartedResolvers<ContextType>;
  TrainerClient?: TrainerClientResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserSubscription?: UserSubscriptionResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = RequestContext> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
