import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kit/clock.js';
import { sha256Hex } from '../../kit/crypto.js';
import { isCheckViolation, rows } from '../../kit/db.js';
import type { Viewer } from '../../kit/identity-header.js';
import { replaceUuids } from '../../kit/ids.js';
import { viewerCacheKey } from '../../kit/viewer-cache.js';
import { eventually, startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';
import { MAX_REFUNDS_PER_PAYMENT } from './refunds.js';
import { RenewalWorker } from './workers/renew.js';
import { outbox, payments, subscriptions } from './tables.js';
import {
  type FakeStripe,
  type FakeYooKassa,
  startFakeStripe,
  startFakeYooKassa,
} from '../../testkit/payment-providers.js';

const WEBHOOK_SECRET = 'whsec_test_secret';
const _DAY = 86_400_000;
const stripeForSigning = new Stripe('sk_test_signing');

const PLAN_FIELDS = 'id name priceCents currency billingPeriod trialPeriodDays features isActive';
const SUB_FIELDS =
  'id status startDate endDate renewalDate autoRenewal isTrial trialEndDate canceledAt plan { id }';
const PAY_FIELDS =
  'id status amountCents currency paymentGateway cardLast4 payerName payerCountry periodStart periodEnd refundedCents';

const CREATE_PLAN = `mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { ${PLAN_FIELDS} } }`;
const SUBSCRIBE = `mutation($planId: ID!, $pm: PaymentMethodInput!, $key: String) {
  subscribe(planId: $planId, paymentMethod: $pm, idempotencyKey: $key) {
    __typename
    ... on SubscriptionStarted { subscription { ${SUB_FIELDS} } payment { ${PAY_FIELDS} } }
    ... on PaymentDeclined { message payment { ${PAY_FIELDS} } }
    ... on AlreadySubscribed { message subscription { id status } }
    ... on PlanUnavailable { message }
  }
}`;
const ME = `{ me { id activeSubscription { ${SUB_FIELDS} } entitlements subscriptions(first: 10) { nodes { ${SUB_FIELDS} payments { nodes { ${PAY_FIELDS} } } } pageInfo { hasNextPage endCursor } } } }`;
const CANCEL = `mutation($id: ID!, $atPeriodEnd: Boolean) { cancelSubscription(id: $id, atPeriodEnd: $atPeriodEnd) { ${SUB_FIELDS} } }`;
const REFUND = `mutation($id: ID!, $amount: Int!, $reason: String) {
  refundPayment(paymentId: $id, amountCents: $amount, reason: $reason) {
    __typename
    ... on RefundIssued { refund { id amountCents status reason } payment { id status refundedCents } }
    ... on RefundExceedsPayment { refundableCents }
  }
}`;

let stack: TestStack;
let fakeStripe: FakeStripe;
let fakeYoo: FakeYooKassa;
let admin: TestUser;
let clock: ManualClock;

beforeAll(async () => {
  fakeStripe = await startFakeStripe();
  fakeYoo = await startFakeYooKassa();
  clock = new ManualClock(new Date());
  stack = await startTestStack({
    clock,
    env: {
      STRIPE_SECRET_KEY: 'sk_test_billing',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: fakeStripe.url,
      YOOKASSA_SHOP_ID: fakeYoo.shopId,
      YOOKASSA_SECRET_KEY: fakeYoo.secretKey,
      YOOKASSA_API_URL: fakeYoo.url,
      BILLING_GRACE_DAYS: '3',
      BILLING_RENEWAL_INTERVAL_SECONDS: '0',
    },
  });
  admin = await stack.makeAdmin(await stack.signUp());
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await fakeStripe?.close();
  await fakeYoo?.close();
});

const db = () => stack.runtime.database.db;
const worker = () =>
  stack.subgraphs.billing.background.find((t) => t instanceof RenewalWorker) as RenewalWorker;
const webhookUrl = (path = '/webhooks/stripe') => stack.subgraphUrls.billing.replace(/\/graphql$/, path);

async function createPlan(overrides: Record<string, unknown> = {}) {
  const result = await stack.gql(
    CREATE_PLAN,
    {
      input: {
        name: `Plan ${randomUUID().slice(0, 8)}`,
        priceCents: 1000,
        currency: 'USD',
        billingPeriod: 'MONTHLY',
        trialPeriodDays: 0,
        features: ['premium_content', 'coaching'],
        ...overrides,
      },
    },
    { token: admin.token },
  );
  expect(result.errors).toBeUndefined();
  return result.data.createSubscriptionPlan;
}

async function subscribeAs(
  user: TestUser,
  planId: string,
  token = 'pm_card_visa',
  key?: string,
  gateway = 'STRIPE',
) {
  const result = await stack.gql(SUBSCRIBE, { planId, pm: { gateway, token }, key }, { token: user.token });
  expect(result.errors).toBeUndefined();
  return result.data.subscribe;
}

/** Moves the domain clock; sessions run on it too, so the admin signs in again. */
async function setClock(to: string | Date) {
  clock.set(new Date(to));
  admin = await signIn(admin);
}

/** A fresh session (the clock may have moved past the old one's expiry). */
async function signIn(user: TestUser): Promise<TestUser> {
  const result = await stack.gql(
    `mutation($input: SignInInput!) { signIn(input: $input) { ... on AuthSuccess { token } } }`,
    { input: { login: user.email, password: user.password } },
  );
  return { ...user, token: result.data.signIn.token };
}

async function me(user: TestUser) {
  const result = await stack.gql(ME, {}, { token: user.token });
  expect(result.errors).toBeUndefined();
  return result.data.me;
}

async function sendStripeEvent(
  event: Record<string, unknown>,
  options: { secret?: string; timestamp?: number; signature?: string } = {},
) {
  const payload = JSON.stringify(event);
  const signature =
    options.signature ??
    stripeForSigning.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? WEBHOOK_SECRET,
      timestamp: options.timestamp,
    });
  const response = await fetch(webhookUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });
  return { status: response.status, body: (await response.json()) as any };
}

function intentEvent(type: string, intent: any) {
  return {
    id: `evt_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object: intent },
  };
}

function chargeRefunded(intentId: string, refunds: unknown[]) {
  return {
    id: `evt_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    type: 'charge.refunded',
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: `ch_${randomUUID().slice(0, 8)}`,
        object: 'charge',
        payment_intent: intentId,
        refunds: { object: 'list', data: refunds },
      },
    },
  };
}

/** A refund someone makes by hand at Stripe (its dashboard), not through billing. */
async function refundAtStripe(intentId: string, amount: number) {
  const response = await fetch(`${fakeStripe.url}/v1/refunds`, {
    method: 'POST',
    headers: {
      authorization: 'Bearer sk_test_dashboard',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ payment_intent: intentId, amount: String(amount) }).toString(),
  });
  expect(response.status).toBe(200);
}

/** A refund made by hand in YooKassa's dashboard; returns its id. */
async function refundAtYooKassa(paymentId: string, value: string): Promise<string> {
  const response = await fetch(`${fakeYoo.url}/refunds`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${fakeYoo.shopId}:${fakeYoo.secretKey}`).toString('base64')}`,
      'content-type': 'application/json',
      'idempotence-key': randomUUID(),
    },
    body: JSON.stringify({ payment_id: paymentId, amount: { value, currency: 'RUB' } }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as any).id;
}

async function outboxCount(type: string) {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(eq(outbox.type, type));
  return Number(row!.n);
}

describe('plans', () => {
  it('admins manage plans; input outside the rules is refused', async () => {
    const plan = await createPlan({ trialPeriodDays: 90 });
    expect(plan).toMatchObject({
      billingPeriod: 'MONTHLY',
      trialPeriodDays: 90,
      isActive: true,
      currency: 'USD',
    });

    for (const [input, field] of [
      [{ trialPeriodDays: 91 }, 'input.trialPeriodDays'],
      [{ trialPeriodDays: -1 }, 'input.trialPeriodDays'],
      [{ priceCents: 0 }, 'input.priceCents'],
      [{ priceCents: -100 }, 'input.priceCents'],
      [{ features: ['Bad Feature!'] }, 'input.features'],
    ] as const) {
      const result = await stack.gql(
        CREATE_PLAN,
        { input: { name: 'X', priceCents: 500, currency: 'USD', billingPeriod: 'ANNUAL', ...input } },
        { token: admin.token },
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const badCurrency = await stack.gql(
      CREATE_PLAN,
      { input: { name: 'X', priceCents: 500, currency: 'XYZ1', billingPeriod: 'ANNUAL' } },
      { token: admin.token },
    );
    expect(badCurrency.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);

    const user = await stack.signUp();
    const forbidden = await stack.gql(
      CREATE_PLAN,
      { input: { name: 'X', priceCents: 500, currency: 'USD', billingPeriod: 'ANNUAL' } },
      { token: user.token },
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('the database refuses what the seed forbids, whoever writes', async () => {
    await expect(
      stack.runtime.database.exec(
        `INSERT INTO billing.subscription_plans (name, price_cents, billing_period, trial_period_days) VALUES ('x', 100, 'monthly', 91)`,
      ),
    ).rejects.toThrow();
    await expect(
      stack.runtime.database.exec(
        `INSERT INTO billing.subscription_plans (name, price_cents, billing_period) VALUES ('x', 100, 'weekly')`,
      ),
    ).rejects.toThrow();
    const indexes = await rows<{ indexname: string }>(
      db(),
      sql`select indexname from pg_indexes where schemaname = 'billing' order by indexname`,
    );
    expect(indexes.map((i) => i.indexname)).toEqual(
      expect.arrayContaining([
        'subscriptions_user_id_status_idx',
        'subscriptions_renewal_date_idx',
        'subscriptions_created_at_idx',
        'payments_idempotency_key_key',
        'payments_subscription_id_status_idx',
        'payments_payment_gateway_idx',
        'payments_created_at_idx',
      ]),
    );
  });

  it('lists active plans publicly, cheapest first, paginated; inactive only for admins', async () => {
    const hidden = await createPlan({ priceCents: 1 });
    const closed = await stack.gql(
      `mutation($id: ID!) { updateSubscriptionPlan(id: $id, input: { isActive: false }) { isActive } }`,
      { id: hidden.id },
      { token: admin.token },
    );
    expect(closed.data.updateSubscriptionPlan.isActive).toBe(false);
    const list = await stack.gql(
      `{ subscriptionPlans(first: 100) { nodes { id priceCents } pageInfo { hasNextPage } totalCount } }`,
    );
    const ids = list.data.subscriptionPlans.nodes.map((p: any) => p.id);
    expect(ids).not.toContain(hidden.id);
    // totalCount counts what the list shows (active plans only), whatever the page size.
    expect(list.data.subscriptionPlans.totalCount).toBe(ids.length);
    const onePage = await stack.gql(`{ subscriptionPlans(first: 1) { nodes { id } totalCount } }`);
    expect(onePage.data.subscriptionPlans.totalCount).toBe(ids.length);
    const prices = list.data.subscriptionPlans.nodes.map((p: any) => p.priceCents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const anon = await stack.gql(`{ subscriptionPlans(includeInactive: true) { nodes { id } } }`);
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const asAdmin = await stack.gql(
      `{ subscriptionPlans(includeInactive: true, first: 100) { nodes { id } } }`,
      {},
      { token: admin.token },
    );
    expect(asAdmin.data.subscriptionPlans.nodes.map((p: any) => p.id)).toContain(hidden.id);
    const allCounted = await stack.gql(
      `{ subscriptionPlans(includeInactive: true, first: 1) { totalCount } }`,
      {},
      { token: admin.token },
    );
    expect(allCounted.data.subscriptionPlans.totalCount).toBe(asAdmin.data.subscriptionPlans.nodes.length);
    const tooMany = await stack.gql(`{ subscriptionPlans(first: 101) { nodes { id } } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('subscribing with Stripe', () => {
  it('charges the first period, activates, keeps only last4, and entitles the user', async () => {
    const plan = await createPlan({ features: ['premium_content', 'live_classes'] });
    const user = await stack.signUp();
    const before = fakeStripe.charges();
    const result = await subscribeAs(user, plan.id, 'pm_card_visa', 'first-try');
    expect(result.__typename).toBe('SubscriptionStarted');
    expect(result.subscription).toMatchObject({ status: 'ACTIVE', isTrial: false, autoRenewal: true });
    expect(result.payment).toMatchObject({
      status: 'COMPLETED',
      amountCents: 1000,
      currency: 'USD',
      paymentGateway: 'STRIPE',
      cardLast4: '4242',
      payerName: 'Ada Lovelace',
      payerCountry: 'US',
    });
    expect(fakeStripe.charges()).toBe(before + 1);
    const intentCall = fakeStripe.requests.filter((r) => r.path === '/v1/payment_intents').at(-1)!;
    expect(intentCall.idempotencyKey).toBe(`subscribe:${user.id}:first-try`);
    expect(intentCall.body).toMatchObject({ amount: '1000', currency: 'usd', confirm: 'true' });

    const [row] = await db().select().from(payments).where(eq(payments.id, result.payment.id));
    // No card number: no run of 12+ digits outside the row's UUIDs (whose last group can be all digits).
    // Nor the fake gateway's random hex intent id (pi_…), which can hold 12 digits in a row.
    const withoutIds = replaceUuids(JSON.stringify(row), 'uuid').replace(/"pi_[0-9a-z]+"/gi, '"pi"');
    expect(withoutIds).not.toMatch(/\d{12,}/);

    const mine = await me(user);
    expect(mine.activeSubscription.id).toBe(result.subscription.id);
    expect(mine.entitlements).toEqual(['live_classes', 'premium_content']);
    expect(mine.subscriptions.nodes[0].payments.nodes[0].id).toBe(result.payment.id);

    // Another user sees none of it.
    const other = await stack.signUp();
    const peek = await stack.gql(
      `query($id: ID!) { subscription(id: $id) { id } payment(id: $pid) { id } }`.replace(
        '$id: ID!',
        '$id: ID!, $pid: ID!',
      ),
      { id: result.subscription.id, pid: result.payment.id },
      { token: other.token },
    );
    expect(peek.data).toEqual({ subscription: null, payment: null });
  });

  it('the gateway viewer carries the entitlements of the active plan', async () => {
    const plan = await createPlan({ features: ['coaching', 'premium_content'] });
    const user = await stack.signUp();
    expect((await subscribeAs(user, plan.id)).__typename).toBe('SubscriptionStarted');
    const fresh = await signIn(user);
    // Identity drops cached viewers when billing's subscription.started reaches it, which with Redis
    // may land after this request: read the cache again after a request that follows the drop.
    const viewer = await eventually(async () => {
      expect((await me(fresh)).entitlements).toEqual(['coaching', 'premium_content']);
      const cached = await stack.runtime.kv.get(viewerCacheKey(sha256Hex(fresh.token)));
      expect(cached).toBeTruthy();
      return JSON.parse(cached!) as Viewer;
    });
    expect(viewer.userId).toBe(user.id);
    expect(viewer.entitlements).toEqual(['coaching', 'premium_content']);

    const nobody = await signIn(await stack.signUp());
    await me(nobody);
    const plain = JSON.parse(
      (await stack.runtime.kv.get(viewerCacheKey(sha256Hex(nobody.token))))!,
    ) as Viewer;
    expect(plain.entitlements).toEqual([]);
  });

  it('a retried subscribe with the same key charges once, even concurrently', async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    const before = fakeStripe.charges();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => subscribeAs(user, plan.id, 'pm_card_visa', 'retry-key')),
    );
    const started = results.filter((r) => r.__typename === 'SubscriptionStarted');
    expect(started.length).toBeGreaterThanOrEqual(1);
    expect(new Set(results.map((r) => r.subscription?.id).filter(Boolean)).size).toBe(1);
    expect(fakeStripe.charges()).toBe(before + 1);
    const again = await subscribeAs(user, plan.id, 'pm_card_visa', 'retry-key');
    expect(again.__typename).toBe('SubscriptionStarted');
    expect(fakeStripe.charges()).toBe(before + 1);
    const [count] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(payments)
      .where(eq(payments.subscriptionId, again.subscription.id));
    expect(Number(count!.n)).toBe(1);
    // A different attempt while subscribed is refused without a charge.
    const other = await subscribeAs(user, plan.id, 'pm_card_visa', 'another-key');
    expect(other.__typename).toBe('AlreadySubscribed');
    expect(fakeStripe.charges()).toBe(before + 1);
  });

  it('concurrent subscribes with different keys start one subscription and charge once', async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    const before = fakeStripe.charges();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => subscribeAs(user, plan.id, 'pm_card_visa', `parallel-${i}`)),
    );
    const kinds = results.map((r) => r.__typename).sort();
    expect(kinds.filter((k) => k === 'SubscriptionStarted')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'AlreadySubscribed')).toHaveLength(5);
    expect(fakeStripe.charges()).toBe(before + 1);
  });

  it('a declined first payment grants nothing and leaves the attempt expired, with its failed payment', async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    const result = await subscribeAs(user, plan.id, 'pm_card_chargeDeclined');
    expect(result.__typename).toBe('PaymentDeclined');
    expect(result.payment).toMatchObject({ status: 'FAILED' });
    const mine = await me(user);
    expect(mine.activeSubscription).toBeNull();
    expect(mine.entitlements).toEqual([]);
    // The attempt stays in the history: never active, expired, with the failed payment it made.
    expect(mine.subscriptions.nodes).toHaveLength(1);
    expect(mine.subscriptions.nodes[0].status).toBe('EXPIRED');
    expect(mine.subscriptions.nodes[0].payments.nodes).toMatchObject([
      { id: result.payment.id, status: 'FAILED' },
    ]);
    expect((await subscribeAs(user, plan.id)).__typename).toBe('SubscriptionStarted');
  });

  it('refuses unknown plans, closed plans, unknown gateways and anonymous callers', async () => {
    const user = await stack.signUp();
    expect((await subscribeAs(user, randomUUID())).__typename).toBe('PlanUnavailable');
    const unavailable = await stack.gql(
      SUBSCRIBE,
      { planId: randomUUID(), pm: { gateway: 'SBERBANK', token: 'x' } },
      { token: user.token },
    );
    expect(unavailable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await stack.gql(SUBSCRIBE, {
      planId: randomUUID(),
      pm: { gateway: 'STRIPE', token: 'pm_card_visa' },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('constraints', () => {
  it('payments need a positive amount, an ISO currency and a unique key; deletes cascade to payments and refunds', async () => {
    const plan = await createPlan({ priceCents: 700 });
    const user = await stack.signUp();
    const { subscription, payment } = await subscribeAs(user, plan.id);
    const refund = await stack.gql(REFUND, { id: payment.id, amount: 100 }, { token: admin.token });
    expect(refund.data.refundPayment.__typename).toBe('RefundIssued');
    const [row] = await db().select().from(payments).where(eq(payments.id, payment.id));
    const insertPayment = (amount: number, currency: string, key: string) =>
      stack.runtime.database.exec(
        `INSERT INTO billing.payments (subscription_id, amount_cents, currency, status, payment_gateway, idempotency_key, period_start, period_end)
         VALUES ('${subscription.id}', ${amount}, '${currency}', 'pending', 'stripe', '${key}', '2030-01-01', '2030-02-01')`,
      );
    // The same statement with valid values passes, so each refusal below is the rule it breaks.
    await expect(insertPayment(100, 'USD', randomUUID())).resolves.toBeUndefined();
    await expect(insertPayment(0, 'USD', randomUUID())).rejects.toThrow();
    await expect(insertPayment(-1, 'USD', randomUUID())).rejects.toThrow();
    await expect(insertPayment(100, 'usd', randomUUID())).rejects.toThrow();
    await expect(insertPayment(100, 'USD', row!.idempotencyKey)).rejects.toThrow();
    await expect(
      stack.runtime.database.exec(
        `INSERT INTO billing.subscriptions (user_id, plan_id, status, start_date, payment_gateway, payment_method)
         VALUES ('${randomUUID()}', '${plan.id}', 'active', '2030-01-01', 'stripe', 'pm_card_visa')`,
      ),
    ).rejects.toThrow();

    await stack.runtime.database.exec(`DELETE FROM billing.subscriptions WHERE id = '${subscription.id}'`);
    const left = await rows<{ payments: number; refunds: number }>(
      db(),
      sql`select (select count(*)::int from billing.payments where id = ${payment.id}) as payments,
                 (select count(*)::int from billing.refunds where payment_id = ${payment.id}) as refunds`,
    );
    expect(left[0]).toEqual({ payments: 0, refunds: 0 });
  });
});

describe('loading', () => {
  it('batches plans and payments across subscriptions: statements do not grow with the list', async () => {
    const plan = await createPlan();
    // Counted with every subgraph's background work paused (it shares the counter); the first
    // call warms the viewer cache, once the events already published are handled (a subscription
    // event drops the user's cached viewer).
    const count = async (user: TestUser) => {
      return stack.quiet(async () => {
        await me(user);
        const before = stack.statements();
        const mine = await me(user);
        return { statements: stack.statements() - before, subscriptions: mine.subscriptions.nodes.length };
      });
    };
    const few = await stack.signUp();
    await subscribeAs(few, plan.id);
    const many = await stack.signUp();
    for (let i = 0; i < 6; i++) {
      const { subscription } = await subscribeAs(many, plan.id);
      await stack.gql(CANCEL, { id: subscription.id, atPeriodEnd: false }, { token: many.token });
    }
    const a = await count(few);
    const b = await count(many);
    expect(a.subscriptions).toBe(1);
    expect(b.subscriptions).toBe(6);
    // One query per level, whatever the number of subscriptions (N+1 would add 5+ per level).
    expect(b.statements).toBeLessThanOrEqual(a.statements + 1);
  });

  it("a user's active subscription and its plan are read in one statement", async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    await subscribeAs(user, plan.id);
    const query = '{ me { id activeSubscription { id plan { id name } } entitlements } }';
    const used = await stack.quiet(async () => {
      await stack.gql(query, {}, { token: user.token });
      const before = stack.statements();
      const result = await stack.gql(query, {}, { token: user.token });
      expect(result.data.me.activeSubscription.plan.id).toBe(plan.id);
      expect(result.data.me.entitlements).toEqual(['coaching', 'premium_content']);
      return stack.statements() - before;
    });
    // identity's user, then billing's subscription joined with its plan (the plan was a second one).
    expect(used).toBe(2);
  });

  it('pages subscriptions with a cursor', async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    for (let i = 0; i < 3; i++) {
      const { subscription } = await subscribeAs(user, plan.id);
      await stack.gql(CANCEL, { id: subscription.id, atPeriodEnd: false }, { token: user.token });
      clock.advance(1000);
    }
    const page = `query($after: String) { me { subscriptions(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } }`;
    const first = await stack.gql(page, {}, { token: user.token });
    expect(first.data.me.subscriptions.nodes).toHaveLength(2);
    expect(first.data.me.subscriptions.pageInfo.hasNextPage).toBe(true);
    const second = await stack.gql(
      page,
      { after: first.data.me.subscriptions.pageInfo.endCursor },
      { token: user.token },
    );
    expect(second.data.me.subscriptions.nodes).toHaveLength(1);
    expect(second.data.me.subscriptions.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.data.me.subscriptions.nodes, ...second.data.me.subscriptions.nodes].map(
      (n: any) => n.id,
    );
    expect(new Set(ids).size).toBe(3);
    const bad = await stack.gql(page, { after: 'not-a-cursor' }, { token: user.token });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('lifecycle with the renewal worker', () => {
  it('starts a trial, converts it at the trial end, and charges each period once', async () => {
    await setClock('2027-01-10T09:00:00Z');
    const plan = await createPlan({ trialPeriodDays: 14, priceCents: 2500 });
    let user = await stack.signUp();
    const before = fakeStripe.charges();
    const started = await subscribeAs(user, plan.id);
    expect(started.__typename).toBe('SubscriptionStarted');
    expect(started.payment).toBeNull();
    expect(started.subscription).toMatchObject({
      status: 'ACTIVE',
      isTrial: true,
      trialEndDate: '2027-01-24',
      endDate: '2027-01-24',
      renewalDate: '2027-01-24',
    });
    expect((await me(user)).entitlements).toEqual(['coaching', 'premium_content']);
    expect(fakeStripe.charges()).toBe(before);

    await setClock('2027-01-23T09:00:00Z');
    await worker().runOnce();
    expect(fakeStripe.charges()).toBe(before);

    await setClock('2027-01-24T09:00:00Z');
    const report = await worker().runOnce();
    expect(report.charged).toBeGreaterThanOrEqual(1);
    expect(fakeStripe.charges()).toBe(before + 1);
    await worker().runOnce();
    await worker().runOnce();
    expect(fakeStripe.charges()).toBe(before + 1);

    user = await signIn(user);
    const mine = await me(user);
    expect(mine.activeSubscription).toMatchObject({
      isTrial: false,
      endDate: '2027-02-24',
      renewalDate: '2027-02-24',
    });
    expect(mine.activeSubscription.renewalDate).toBe('2027-02-24');
    const paid = mine.subscriptions.nodes[0].payments.nodes;
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({
      status: 'COMPLETED',
      amountCents: 2500,
      periodStart: '2027-01-24',
      periodEnd: '2027-02-24',
    });
    const offSession = fakeStripe.requests.filter((r) => r.path === '/v1/payment_intents').at(-1)!;
    expect(offSession.body.off_session).toBe('true');
    // Charged through the Stripe customer the method was saved on when the trial started.
    const [saved] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, started.subscription.id));
    expect(saved!.gatewayCustomerId).toMatch(/^cus_/);
    expect(offSession.body.customer).toBe(saved!.gatewayCustomerId);
    expect(offSession.idempotencyKey).toBe(`renewal:${started.subscription.id}:2027-01-24:1`);
  });

  it('renews, retries an unpaid renewal through the grace period, then expires it', async () => {
    await setClock('2027-03-01T08:00:00Z');
    const plan = await createPlan({ features: ['grace_test'] });
    let user = await stack.signUp();
    const started = await subscribeAs(user, plan.id);
    const id = started.subscription.id;
    expect(started.subscription).toMatchObject({ status: 'ACTIVE', endDate: '2027-04-01' });

    await setClock('2027-04-01T08:00:00Z');
    await worker().runOnce();
    let [row] = await db().select().from(subscriptions).where(eq(subscriptions.id, id));
    expect(row).toMatchObject({ status: 'active', endDate: '2027-05-01' });

    // The next renewal is declined: retried daily while the grace period (3 days) lasts.
    await setClock('2027-05-01T08:00:00Z');
    fakeStripe.declineNext(100);
    const before = fakeStripe.charges();
    await worker().runOnce();
    await worker().runOnce();
    expect(fakeStripe.charges()).toBe(before + 1);
    [row] = await db().select().from(subscriptions).where(eq(subscriptions.id, id));
    expect(row).toMatchObject({ status: 'active', endDate: '2027-05-01', renewalDate: '2027-05-02' });
    user = await signIn(user);
    expect((await me(user)).entitlements).toEqual(['grace_test']);

    await setClock('2027-05-02T08:00:00Z');
    await worker().runOnce();
    expect(fakeStripe.charges()).toBe(before + 2);
    const attempts = await db()
      .select()
      .from(payments)
      .where(and(eq(payments.subscriptionId, id), eq(payments.periodStart, '2027-05-01')));
    expect(attempts.map((p) => p.idempotencyKey).sort()).toEqual([
      `renewal:${id}:2027-05-01:1`,
      `renewal:${id}:2027-05-01:2`,
    ]);
    expect(attempts.every((p) => p.status === 'failed')).toBe(true);

    await setClock('2027-05-04T08:00:00Z');
    await worker().runOnce();
    [row] = await db().select().from(subscriptions).where(eq(subscriptions.id, id));
    expect(row).toMatchObject({ status: 'expired', renewalDate: null, endDate: '2027-05-01' });
    fakeStripe.declineNext(0);
    const after = fakeStripe.charges();
    await setClock('2027-06-04T08:00:00Z');
    await worker().runOnce();
    expect(fakeStripe.charges()).toBe(after);
    user = await signIn(user);
    const mine = await me(user);
    expect(mine.activeSubscription).toBeNull();
    expect(mine.entitlements).toEqual([]);
    expect(await outboxCount('subscription.expired')).toBeGreaterThanOrEqual(1);
  });

  it('cancels at period end with no further charge, or at once; illegal transitions are refused', async () => {
    await setClock('2027-07-01T08:00:00Z');
    const plan = await createPlan();
    let user = await stack.signUp();
    const { subscription } = await subscribeAs(user, plan.id);
    const other = await stack.signUp();
    const foreign = await stack.gql(CANCEL, { id: subscription.id }, { token: other.token });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const canceled = await stack.gql(CANCEL, { id: subscription.id }, { token: user.token });
    expect(canceled.data.cancelSubscription).toMatchObject({
      status: 'ACTIVE',
      autoRenewal: false,
      endDate: '2027-08-01',
    });
    expect(canceled.data.cancelSubscription.canceledAt).not.toBeNull();
    const twice = await stack.gql(CANCEL, { id: subscription.id }, { token: user.token });
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const renewOn = await stack.gql(
      `mutation($id: ID!) { setAutoRenewal(id: $id, enabled: true) { id } }`,
      { id: subscription.id },
      { token: user.token },
    );
    expect(renewOn.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const before = fakeStripe.charges();
    await setClock('2027-08-01T08:00:00Z');
    await worker().runOnce();
    expect(fakeStripe.charges()).toBe(before);
    user = await signIn(user);
    expect((await me(user)).subscriptions.nodes[0]).toMatchObject({ status: 'CANCELED', renewalDate: null });

    // Canceling at once ends access now and keeps the paid period's dates.
    const second = await subscribeAs(user, plan.id);
    const now = await stack.gql(
      CANCEL,
      { id: second.subscription.id, atPeriodEnd: false },
      { token: user.token },
    );
    expect(now.data.cancelSubscription).toMatchObject({
      status: 'CANCELED',
      endDate: '2027-09-01',
      renewalDate: null,
    });
    expect((await me(user)).entitlements).toEqual([]);
    const again = await stack.gql(
      CANCEL,
      { id: second.subscription.id, atPeriodEnd: false },
      { token: user.token },
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      from: 'CANCELED',
      to: 'CANCEL',
    });
  });

  it('canceling now after canceling at period end ends access and keeps the first canceledAt', async () => {
    await setClock('2027-10-01T08:00:00Z');
    const plan = await createPlan();
    const user = await stack.signUp();
    const { subscription } = await subscribeAs(user, plan.id);
    const atEnd = await stack.gql(CANCEL, { id: subscription.id }, { token: user.token });
    const first = atEnd.data.cancelSubscription.canceledAt;
    expect(first).not.toBeNull();
    await setClock('2027-10-05T08:00:00Z');
    const now = await stack.gql(CANCEL, { id: subscription.id, atPeriodEnd: false }, { token: user.token });
    expect(now.data.cancelSubscription).toMatchObject({
      status: 'CANCELED',
      canceledAt: first,
      renewalDate: null,
    });
  });
});

describe('Stripe webhooks', () => {
  it('activates on payment_intent.succeeded; replays and late failures change nothing', async () => {
    await setClock(new Date());
    const plan = await createPlan();
    const user = await stack.signUp();
    const started = await subscribeAs(user, plan.id, 'pm_card_async');
    expect(started.subscription.status).toBe('PENDING');
    expect(started.payment.status).toBe('PENDING');
    const [payment] = await db().select().from(payments).where(eq(payments.id, started.payment.id));
    const intentId = payment!.paymentIntentId!;
    expect(intentId).toMatch(/^pi_/);

    // The worker re-sends a first payment still pending, under its key: the gateway answers with
    // the same intent and nothing new is charged.
    const charges = fakeStripe.charges();
    const sends = fakeStripe.requests.filter((r) => r.idempotencyKey === payment!.idempotencyKey).length;
    await worker().runOnce();
    expect(fakeStripe.charges()).toBe(charges);
    expect(fakeStripe.requests.filter((r) => r.idempotencyKey === payment!.idempotencyKey).length).toBe(
      sends + 1,
    );

    const completedBefore = await outboxCount('payment.completed');
    const succeeded = intentEvent('payment_intent.succeeded', fakeStripe.settle(intentId, 'succeeded'));
    expect(await sendStripeEvent(succeeded)).toEqual({
      status: 200,
      body: { received: true, result: 'applied' },
    });
    const mine = await me(user);
    expect(mine.activeSubscription.id).toBe(started.subscription.id);
    expect(mine.subscriptions.nodes[0].payments.nodes[0]).toMatchObject({
      status: 'COMPLETED',
      cardLast4: '3155',
      payerCountry: 'DE',
    });
    expect(await outboxCount('payment.completed')).toBe(completedBefore + 1);

    // The same event again: recorded once, applied once.
    expect((await sendStripeEvent(succeeded)).body.result).toBe('duplicate');
    expect(await outboxCount('payment.completed')).toBe(completedBefore + 1);

    // An older failure delivered late does not undo the success.
    const lateFailure = intentEvent('payment_intent.payment_failed', {
      ...fakeStripe.intents.get(intentId),
      status: 'requires_payment_method',
    });
    expect((await sendStripeEvent(lateFailure)).body.result).toBe('applied');
    expect((await me(user)).subscriptions.nodes[0].payments.nodes[0].status).toBe('COMPLETED');
    expect((await me(user)).activeSubscription.status).toBe('ACTIVE');
  });

  it('a failure that arrives before the success is overtaken by it', async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    const started = await subscribeAs(user, plan.id, 'pm_card_async');
    const [payment] = await db().select().from(payments).where(eq(payments.id, started.payment.id));
    const intent = fakeStripe.intents.get(payment!.paymentIntentId!);
    const failed = intentEvent('payment_intent.payment_failed', {
      ...intent,
      status: 'requires_payment_method',
    });
    const succeeded = intentEvent('payment_intent.succeeded', { ...intent, status: 'succeeded' });
    await sendStripeEvent(failed);
    expect((await me(user)).subscriptions.nodes[0].status).toBe('EXPIRED');
    await sendStripeEvent(succeeded);
    const [after] = await db().select().from(payments).where(eq(payments.id, started.payment.id));
    // The money was taken: the payment says so; the expired subscription is not revived.
    expect(after!.status).toBe('completed');
    expect((await me(user)).subscriptions.nodes[0].status).toBe('EXPIRED');
  });

  it('refuses bad signatures, other secrets, stale timestamps and unsigned bodies', async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    const started = await subscribeAs(user, plan.id, 'pm_card_async');
    const [payment] = await db().select().from(payments).where(eq(payments.id, started.payment.id));
    const intent = fakeStripe.settle(payment!.paymentIntentId!, 'succeeded');
    const event = intentEvent('payment_intent.succeeded', intent);
    expect((await sendStripeEvent(event, { secret: 'whsec_wrong' })).status).toBe(400);
    expect((await sendStripeEvent(event, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(
      400,
    );
    expect((await sendStripeEvent(event, { signature: 't=1,v1=deadbeef' })).status).toBe(400);
    const unsigned = await fetch(webhookUrl(), {
      method: 'POST',
      body: JSON.stringify(event),
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(400);
    // A tampered body with a valid header for the original is refused too.
    const header = stripeForSigning.webhooks.generateTestHeaderString({
      payload: JSON.stringify(event),
      secret: WEBHOOK_SECRET,
    });
    const tampered = await fetch(webhookUrl(), {
      method: 'POST',
      body: JSON.stringify({ ...event, type: 'payment_intent.payment_failed' }),
      headers: { 'stripe-signature': header },
    });
    expect(tampered.status).toBe(400);
    expect((await me(user)).subscriptions.nodes[0].status).toBe('PENDING');
    // Within the tolerance it is accepted.
    const ok = await sendStripeEvent(event, { timestamp: Math.floor(Date.now() / 1000) - 200 });
    expect(ok.body.result).toBe('applied');
    expect((await me(user)).subscriptions.nodes[0].status).toBe('ACTIVE');
  });
});

describe('refunds', () => {
  async function paidPayment(amount = 1000) {
    const plan = await createPlan({ priceCents: amount });
    const user = await stack.signUp();
    const started = await subscribeAs(user, plan.id);
    expect(started.payment.status).toBe('COMPLETED');
    return { user, payment: started.payment };
  }

  it('a payment takes at most MAX_REFUNDS_PER_PAYMENT refunds: then CONFLICT, so Payment.refunds stays short', async () => {
    const { user, payment } = await paidPayment(1000);
    for (let i = 0; i < MAX_REFUNDS_PER_PAYMENT; i++) {
      const one = await stack.gql(REFUND, { id: payment.id, amount: 1 }, { token: admin.token });
      expect(one.data.refundPayment.__typename).toBe('RefundIssued');
    }
    const more = await stack.gql(REFUND, { id: payment.id, amount: 1 }, { token: admin.token });
    expect(more.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', max: MAX_REFUNDS_PER_PAYMENT });
    expect(more.errors?.[0]?.message).toContain(`at most ${MAX_REFUNDS_PER_PAYMENT} refunds`);
    const view = await stack.gql(
      `query($id: ID!) { payment(id: $id) { refunds { amountCents } refundedCents } }`,
      { id: payment.id },
      { token: user.token },
    );
    expect(view.data.payment.refunds).toHaveLength(MAX_REFUNDS_PER_PAYMENT);
    expect(view.data.payment.refundedCents).toBe(MAX_REFUNDS_PER_PAYMENT);
  });

  it('admins refund part or all; never more than the payment; amount must be positive', async () => {
    const { user, payment } = await paidPayment(1000);
    const asUser = await stack.gql(REFUND, { id: payment.id, amount: 100 }, { token: user.token });
    expect(asUser.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const amount of [0, -5]) {
      const bad = await stack.gql(REFUND, { id: payment.id, amount }, { token: admin.token });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const part = await stack.gql(
      REFUND,
      { id: payment.id, amount: 300, reason: 'goodwill' },
      { token: admin.token },
    );
    expect(part.data.refundPayment).toMatchObject({
      __typename: 'RefundIssued',
      refund: { amountCents: 300, status: 'SUCCEEDED', reason: 'goodwill' },
      payment: { status: 'COMPLETED', refundedCents: 300 },
    });
    const tooMuch = await stack.gql(REFUND, { id: payment.id, amount: 701 }, { token: admin.token });
    expect(tooMuch.data.refundPayment).toEqual({ __typename: 'RefundExceedsPayment', refundableCents: 700 });
    const rest = await stack.gql(REFUND, { id: payment.id, amount: 700 }, { token: admin.token });
    expect(rest.data.refundPayment.payment).toMatchObject({ status: 'REFUNDED', refundedCents: 1000 });
    const after = await stack.gql(REFUND, { id: payment.id, amount: 1 }, { token: admin.token });
    expect(after.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const missing = await stack.gql(REFUND, { id: randomUUID(), amount: 1 }, { token: admin.token });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The owner sees the refunds.
    const view = await stack.gql(
      `query($id: ID!) { payment(id: $id) { status refunds { amountCents status } } }`,
      { id: payment.id },
      { token: user.token },
    );
    expect(view.data.payment.refunds).toHaveLength(2);
    expect(view.data.payment.refunds).toEqual(
      expect.arrayContaining([
        { amountCents: 300, status: 'SUCCEEDED' },
        { amountCents: 700, status: 'SUCCEEDED' },
      ]),
    );
  });

  it('20 concurrent refunds never exceed the payment', async () => {
    const { payment } = await paidPayment(1000);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        stack.gql(REFUND, { id: payment.id, amount: 150 }, { token: admin.token }),
      ),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const issued = results.filter((r) => r.data.refundPayment.__typename === 'RefundIssued');
    const refused = results.filter((r) => r.data.refundPayment.__typename === 'RefundExceedsPayment');
    expect(issued).toHaveLength(6);
    expect(refused).toHaveLength(14);
    const [sum] = await rows<{ total: string }>(
      db(),
      sql`select coalesce(sum(amount_cents), 0) as total from billing.refunds where payment_id = ${payment.id} and status <> 'failed'`,
    );
    expect(Number(sum!.total)).toBe(900);
    const intent = [...fakeStripe.intents.values()].find((i) => i.metadata?.paymentId === payment.id);
    expect(intent.amount_refunded).toBe(900);
  });

  it('a refund the gateway leaves pending is settled by charge.refunded, once', async () => {
    const { user, payment } = await paidPayment(800);
    fakeStripe.refundsAnswer('pending');
    const issued = await stack.gql(REFUND, { id: payment.id, amount: 800 }, { token: admin.token });
    fakeStripe.refundsAnswer('succeeded');
    expect(issued.data.refundPayment).toMatchObject({
      refund: { status: 'PENDING' },
      payment: { status: 'COMPLETED', refundedCents: 800 },
    });
    // Pending refunds count: nothing more can be refunded meanwhile.
    const more = await stack.gql(REFUND, { id: payment.id, amount: 1 }, { token: admin.token });
    expect(more.data.refundPayment).toEqual({ __typename: 'RefundExceedsPayment', refundableCents: 0 });

    const refundedBefore = await outboxCount('payment.refunded');
    const intent = [...fakeStripe.intents.values()].find((i) => i.metadata?.paymentId === payment.id);
    const settled = intent.refunds.map((r: any) => ({ ...r, status: 'succeeded' }));
    const event = {
      id: `evt_${randomUUID()}`,
      object: 'event',
      type: 'charge.refunded',
      created: 1,
      data: {
        object: {
          id: 'ch_y',
          object: 'charge',
          payment_intent: intent.id,
          refunds: { object: 'list', data: settled },
        },
      },
    };
    expect((await sendStripeEvent(event)).body.result).toBe('applied');
    expect((await sendStripeEvent(event)).body.result).toBe('duplicate');
    // The same facts under another event id (Stripe may send both charge.refunded and a retry).
    expect((await sendStripeEvent({ ...event, id: `evt_${randomUUID()}` })).body.result).toBe('applied');
    expect(await outboxCount('payment.refunded')).toBe(refundedBefore + 1);
    const view = await stack.gql(
      `query($id: ID!) { payment(id: $id) { status refunds { status } } }`,
      { id: payment.id },
      { token: user.token },
    );
    expect(view.data.payment).toEqual({ status: 'REFUNDED', refunds: [{ status: 'SUCCEEDED' }] });
  });

  it('charge.refunded webhooks settle refunds once, in any order', async () => {
    const { payment } = await paidPayment(500);
    const issued = await stack.gql(REFUND, { id: payment.id, amount: 500 }, { token: admin.token });
    expect(issued.data.refundPayment.payment.status).toBe('REFUNDED');
    const refundedBefore = await outboxCount('payment.refunded');
    const intent = [...fakeStripe.intents.values()].find((i) => i.metadata?.paymentId === payment.id);
    const charge = {
      id: 'ch_x',
      object: 'charge',
      payment_intent: intent.id,
      amount_refunded: 500,
      refunds: { object: 'list', data: intent.refunds },
    };
    const event = {
      id: `evt_${randomUUID()}`,
      object: 'event',
      type: 'charge.refunded',
      created: 1,
      data: { object: charge },
    };
    expect((await sendStripeEvent(event)).status).toBe(200);
    expect((await sendStripeEvent(event)).body.result).toBe('duplicate');
    expect(await outboxCount('payment.refunded')).toBe(refundedBefore);
  });
});

describe('refunds never exceed the payment, whoever writes them', () => {
  async function paidPayment(amount: number) {
    const plan = await createPlan({ priceCents: amount });
    const user = await stack.signUp();
    const started = await subscribeAs(user, plan.id);
    expect(started.payment.status).toBe('COMPLETED');
    return started.payment as { id: string };
  }
  /** Writes SQL the way any code could, bypassing billing's own checks; returns the error or null. */
  const sqlError = (text: string) =>
    stack.runtime.database.exec(text).then(
      () => null,
      (error: unknown) => error,
    );
  const refusedByTrigger = (error: unknown) => isCheckViolation(error, 'refunds_within_payment');

  it('the database refuses refunds written directly with SQL past the payment', async () => {
    const payment = await paidPayment(1000);
    const insert = (amount: number, status = 'succeeded') =>
      sqlError(
        `INSERT INTO billing.refunds (payment_id, amount_cents, status) VALUES ('${payment.id}', ${amount}, '${status}')`,
      );
    expect(await insert(600)).toBeNull();
    expect(refusedByTrigger(await insert(401))).toBe(true);
    expect(refusedByTrigger(await insert(401, 'pending'))).toBe(true);
    // A failed refund returned nothing, so it does not count ...
    expect(await insert(401, 'failed')).toBeNull();
    // ... until someone marks it otherwise.
    expect(
      refusedByTrigger(
        await sqlError(
          `UPDATE billing.refunds SET status = 'succeeded' WHERE payment_id = '${payment.id}' AND status = 'failed'`,
        ),
      ),
    ).toBe(true);
    expect(
      refusedByTrigger(
        await sqlError(
          `UPDATE billing.refunds SET amount_cents = 1001 WHERE payment_id = '${payment.id}' AND amount_cents = 600`,
        ),
      ),
    ).toBe(true);
    expect(await insert(400, 'pending')).toBeNull();
    // The payment cannot shrink below what was refunded of it either.
    expect(
      refusedByTrigger(
        await sqlError(`UPDATE billing.payments SET amount_cents = 999 WHERE id = '${payment.id}'`),
      ),
    ).toBe(true);
    const [sum] = await rows<{ total: string }>(
      db(),
      sql`select coalesce(sum(amount_cents), 0) as total from billing.refunds where payment_id = ${payment.id} and status <> 'failed'`,
    );
    expect(Number(sum!.total)).toBe(1000);

    // The API answers with the typed result, never an internal error with SQL in it.
    const more = await stack.gql(REFUND, { id: payment.id, amount: 1 }, { token: admin.token });
    expect(more.errors).toBeUndefined();
    expect(more.data.refundPayment).toEqual({ __typename: 'RefundExceedsPayment', refundableCents: 0 });
  });

  it('concurrent writers bypassing the code still never exceed the payment', async () => {
    const payment = await paidPayment(1000);
    // Each transaction holds its insert a moment before committing, so the others queue behind it.
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        db().transaction(async (tx) => {
          await tx.execute(
            sql`insert into billing.refunds (payment_id, amount_cents, status) values (${payment.id}, 300, 'pending')`,
          );
          await new Promise((resolve) => setTimeout(resolve, 20));
        }),
      ),
    );
    const refused = attempts.filter((a) => a.status === 'rejected');
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(3);
    expect(refused.every((a) => refusedByTrigger((a as PromiseRejectedResult).reason))).toBe(true);
    const [sum] = await rows<{ total: string }>(
      db(),
      sql`select coalesce(sum(amount_cents), 0) as total from billing.refunds where payment_id = ${payment.id}`,
    );
    expect(Number(sum!.total)).toBe(900);
  });
});

describe('a full refund ends the subscription', () => {
  const SUBSCRIPTION = `query($id: ID!) { subscription(id: $id) { id status autoRenewal renewalDate canceledAt } }`;
  async function subscriptionOf(user: TestUser, id: string) {
    const result = await stack.gql(SUBSCRIPTION, { id }, { token: user.token });
    expect(result.errors).toBeUndefined();
    return result.data.subscription;
  }
  async function canceledEvents(subscriptionId: string) {
    const found = await db().select().from(outbox).where(eq(outbox.type, 'subscription.canceled'));
    return found.filter((e) => (e.payload as any).subscriptionId === subscriptionId).map((e) => e.payload);
  }

  it('refundPayment: partial refunds keep it; the one that completes the amount ends it at once', async () => {
    await setClock(new Date());
    const plan = await createPlan({ priceCents: 1200, features: ['courses:all'] });
    const user = await stack.signUp();
    const { subscription, payment } = await subscribeAs(user, plan.id);
    const part = await stack.gql(REFUND, { id: payment.id, amount: 200 }, { token: admin.token });
    expect(part.data.refundPayment.payment.status).toBe('COMPLETED');
    expect(await subscriptionOf(user, subscription.id)).toMatchObject({
      status: 'ACTIVE',
      autoRenewal: true,
    });
    expect((await me(user)).entitlements).toEqual(['courses:all']);
    expect(await canceledEvents(subscription.id)).toEqual([]);

    const rest = await stack.gql(REFUND, { id: payment.id, amount: 1000 }, { token: admin.token });
    expect(rest.data.refundPayment.payment.status).toBe('REFUNDED');
    expect(await subscriptionOf(user, subscription.id)).toMatchObject({
      status: 'CANCELED',
      autoRenewal: false,
      renewalDate: null,
    });
    const mine = await me(user);
    expect(mine.activeSubscription).toBeNull();
    expect(mine.entitlements).toEqual([]);
    expect(await canceledEvents(subscription.id)).toEqual([
      expect.objectContaining({
        userId: user.id,
        atPeriodEnd: false,
        reason: 'refunded',
        paymentId: payment.id,
      }),
    ]);
    // The renewal worker never charges it again.
    const before = fakeStripe.charges();
    await setClock(new Date(Date.now() + 40 * _DAY));
    await worker().runOnce();
    expect(
      fakeStripe.requests.filter(
        (r) =>
          r.path === '/v1/payment_intents' && (r.body.metadata as any)?.subscriptionId === subscription.id,
      ),
    ).toHaveLength(1);
    expect(fakeStripe.charges()).toBeGreaterThanOrEqual(before);
    await setClock(new Date());
  });

  it('a pending refund ends it only when charge.refunded says it succeeded', async () => {
    const plan = await createPlan({ priceCents: 900 });
    const user = await stack.signUp();
    const { subscription, payment } = await subscribeAs(user, plan.id);
    fakeStripe.refundsAnswer('pending');
    await stack.gql(REFUND, { id: payment.id, amount: 900 }, { token: admin.token });
    fakeStripe.refundsAnswer('succeeded');
    expect((await subscriptionOf(user, subscription.id)).status).toBe('ACTIVE');
    const intent = [...fakeStripe.intents.values()].find((i) => i.metadata?.paymentId === payment.id);
    const settled = intent.refunds.map((r: any) => ({ ...r, status: 'succeeded' }));
    expect((await sendStripeEvent(chargeRefunded(intent.id, settled))).body.result).toBe('applied');
    expect((await subscriptionOf(user, subscription.id)).status).toBe('CANCELED');
    expect(await canceledEvents(subscription.id)).toHaveLength(1);
  });

  it('refunds made in the Stripe dashboard are recorded from charge.refunded and apply the same rule', async () => {
    const plan = await createPlan({ priceCents: 1000 });
    const user = await stack.signUp();
    const { subscription, payment } = await subscribeAs(user, plan.id);
    const intent = [...fakeStripe.intents.values()].find((i) => i.metadata?.paymentId === payment.id);
    // Support refunds 400 by hand at Stripe: recorded, the subscription stays.
    await refundAtStripe(intent.id, 400);
    const partial = chargeRefunded(intent.id, intent.refunds);
    expect((await sendStripeEvent(partial)).body.result).toBe('applied');
    // The same facts again under another event id record nothing twice.
    expect((await sendStripeEvent({ ...partial, id: `evt_${randomUUID()}` })).body.result).toBe('applied');
    const view = `query($id: ID!) { payment(id: $id) { status refundedCents refunds { amountCents status } } }`;
    let seen = await stack.gql(view, { id: payment.id }, { token: user.token });
    expect(seen.data.payment).toEqual({
      status: 'COMPLETED',
      refundedCents: 400,
      refunds: [{ amountCents: 400, status: 'SUCCEEDED' }],
    });
    expect((await subscriptionOf(user, subscription.id)).status).toBe('ACTIVE');

    // The rest, by hand as well: the payment is refunded in full and the subscription ends.
    await refundAtStripe(intent.id, 600);
    expect((await sendStripeEvent(chargeRefunded(intent.id, intent.refunds))).body.result).toBe('applied');
    seen = await stack.gql(view, { id: payment.id }, { token: user.token });
    expect(seen.data.payment).toMatchObject({ status: 'REFUNDED', refundedCents: 1000 });
    expect((await subscriptionOf(user, subscription.id)).status).toBe('CANCELED');
    expect((await me(user)).entitlements).toEqual([]);

    // A reported refund that would take the refunds past the payment is not recorded; the
    // webhook is still acknowledged (the database's refusal stays inside a savepoint).
    const beyond = { id: 're_beyond', object: 'refund', amount: 100, currency: 'usd', status: 'succeeded' };
    const extra = await sendStripeEvent(chargeRefunded(intent.id, [...intent.refunds, beyond]));
    expect(extra).toEqual({ status: 200, body: { received: true, result: 'applied' } });
    seen = await stack.gql(view, { id: payment.id }, { token: user.token });
    expect(seen.data.payment).toMatchObject({ status: 'REFUNDED', refundedCents: 1000 });
  });

  it('YooKassa refund.succeeded for a refund made in its dashboard applies the same rule', async () => {
    const plan = await createPlan({ currency: 'RUB', priceCents: 30000 });
    const user = await stack.signUp();
    const { subscription, payment } = await subscribeAs(user, plan.id, 'yoo_ok', undefined, 'YANDEX_KASSA');
    const [row] = await db().select().from(payments).where(eq(payments.id, payment.id));
    const notify = (refundId: string) =>
      fetch(webhookUrl('/webhooks/yookassa'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'notification', event: 'refund.succeeded', object: { id: refundId } }),
      }).then(async (r) => ((await r.json()) as any).result);
    const partial = await refundAtYooKassa(row!.paymentIntentId!, '100.00');
    expect(await notify(partial)).toBe('applied');
    expect((await subscriptionOf(user, subscription.id)).status).toBe('ACTIVE');
    expect(await notify(partial)).toBe('duplicate');
    const rest = await refundAtYooKassa(row!.paymentIntentId!, '200.00');
    expect(await notify(rest)).toBe('applied');
    expect((await subscriptionOf(user, subscription.id)).status).toBe('CANCELED');
    const [after] = await db().select().from(payments).where(eq(payments.id, payment.id));
    expect(after!.status).toBe('refunded');
  });

  it("YooKassa's notification for our own refund, arriving before our call returns, is not counted twice", async () => {
    const plan = await createPlan({ currency: 'RUB', priceCents: 50000 });
    const user = await stack.signUp();
    const { subscription, payment } = await subscribeAs(user, plan.id, 'yoo_ok', undefined, 'YANDEX_KASSA');
    const issued = await stack.gql(REFUND, { id: payment.id, amount: 20000 }, { token: admin.token });
    expect(issued.data.refundPayment.refund.status).toBe('SUCCEEDED');
    const refundCall = fakeYoo.requests.filter((r) => r.path === '/v3/refunds').at(-1)!;
    // Our refund id travels as metadata, so a notification names it whatever arrives first.
    expect(refundCall.body.metadata).toEqual({ refundId: issued.data.refundPayment.refund.id });
    await stack.runtime.database.exec(
      `UPDATE billing.refunds SET gateway_refund_id = NULL WHERE id = '${issued.data.refundPayment.refund.id}'`,
    );
    const theirs = [...fakeYoo.refunds.values()].at(-1)!;
    const response = await fetch(webhookUrl('/webhooks/yookassa'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'notification', event: 'refund.succeeded', object: { id: theirs.id } }),
    });
    expect(response.status).toBe(200);
    const view = await stack.gql(
      `query($id: ID!) { payment(id: $id) { status refundedCents refunds { id } } }`,
      { id: payment.id },
      { token: user.token },
    );
    expect(view.data.payment).toMatchObject({ status: 'COMPLETED', refundedCents: 20000 });
    expect(view.data.payment.refunds).toHaveLength(1);
    expect((await subscriptionOf(user, subscription.id)).status).toBe('ACTIVE');
  });
});

describe('YooKassa', () => {
  it('charges with basic auth and an Idempotence-Key, keeps last4 and country', async () => {
    const plan = await createPlan({ currency: 'RUB', priceCents: 49900 });
    const user = await stack.signUp();
    const result = await subscribeAs(user, plan.id, 'yoo_ok', 'yk-1', 'YANDEX_KASSA');
    expect(result.__typename).toBe('SubscriptionStarted');
    expect(result.payment).toMatchObject({
      status: 'COMPLETED',
      paymentGateway: 'YANDEX_KASSA',
      currency: 'RUB',
      amountCents: 49900,
      cardLast4: '4477',
      payerCountry: 'RU',
    });
    const call = fakeYoo.requests.filter((r) => r.path === '/v3/payments' && r.method === 'POST').at(-1)!;
    expect(call.idempotencyKey).toBe(`subscribe:${user.id}:yk-1`);
    expect(call.authorization).toBe(
      `Basic ${Buffer.from(`${fakeYoo.shopId}:${fakeYoo.secretKey}`).toString('base64')}`,
    );
    expect(call.body.amount).toEqual({ value: '499.00', currency: 'RUB' });
    const before = fakeYoo.charges();
    await subscribeAs(user, plan.id, 'yoo_ok', 'yk-1', 'YANDEX_KASSA');
    expect(fakeYoo.charges()).toBe(before);

    const refund = await stack.gql(REFUND, { id: result.payment.id, amount: 100 }, { token: admin.token });
    expect(refund.data.refundPayment.refund.status).toBe('SUCCEEDED');
    const refundCall = fakeYoo.requests.filter((r) => r.path === '/v3/refunds').at(-1)!;
    expect(refundCall.body).toMatchObject({
      payment_id: expect.any(String),
      amount: { value: '1.00', currency: 'RUB' },
    });
    expect(refundCall.idempotencyKey).toMatch(/^refund:/);
  });

  it('trusts a notification only after re-fetching the payment', async () => {
    const plan = await createPlan({ currency: 'RUB', priceCents: 10000 });
    const user = await stack.signUp();
    const result = await subscribeAs(user, plan.id, 'yoo_pending', undefined, 'YANDEX_KASSA');
    expect(result.subscription.status).toBe('PENDING');
    const [payment] = await db().select().from(payments).where(eq(payments.id, result.payment.id));
    const yooId = payment!.paymentIntentId!;
    const notify = (body: unknown) =>
      fetch(webhookUrl('/webhooks/yookassa'), {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });

    // A forged "succeeded" while YooKassa still says pending: nothing is activated.
    const forged = await notify({
      type: 'notification',
      event: 'payment.succeeded',
      object: { id: yooId, status: 'succeeded', paid: true },
    });
    expect(forged.status).toBe(200);
    expect((await me(user)).subscriptions.nodes[0].status).toBe('PENDING');
    // An id YooKassa does not know is refused.
    expect(
      (await notify({ type: 'notification', event: 'payment.succeeded', object: { id: 'nope-123' } })).status,
    ).toBe(400);

    fakeYoo.payments.get(yooId).status = 'succeeded';
    const real = await notify({ type: 'notification', event: 'payment.succeeded', object: { id: yooId } });
    expect(((await real.json()) as any).result).toBe('applied');
    expect((await me(user)).activeSubscription.id).toBe(result.subscription.id);
    const replay = await notify({ type: 'notification', event: 'payment.succeeded', object: { id: yooId } });
    expect(((await replay.json()) as any).result).toBe('duplicate');
  });
});

describe('account deletion (user.deleted)', () => {
  it('cancels at once, scrubs payer_name, and the renewal worker never charges again', async () => {
    await setClock('2028-01-01T08:00:00Z');
    const plan = await createPlan();
    const user = await stack.signUp();
    const started = await subscribeAs(user, plan.id);
    expect(started.payment.payerName).toBe('Ada Lovelace');
    const event = {
      id: randomUUID(),
      type: 'user.deleted',
      source: 'identity',
      occurredAt: new Date().toISOString(),
      payload: { userId: user.id, deletedAt: new Date().toISOString() },
    };
    await stack.runtime.bus.publish(event);
    await stack.flushEvents();
    // With Redis the bus delivers asynchronously.
    await eventually(async () => {
      const [sub] = await db()
        .select()
        .from(subscriptions)
        .where(eq(subscriptions.id, started.subscription.id));
      expect(sub).toMatchObject({ status: 'canceled', autoRenewal: false, renewalDate: null });
    });
    const [payment] = await db().select().from(payments).where(eq(payments.id, started.payment.id));
    expect(payment).toMatchObject({
      payerName: null,
      status: 'completed',
      cardLast4: '4242',
      amountCents: 1000,
    });

    // Redelivery changes nothing.
    const canceledEvents = await outboxCount('subscription.canceled');
    await stack.runtime.bus.publish(event);
    await stack.flushEvents();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await outboxCount('subscription.canceled')).toBe(canceledEvents);

    const before = fakeStripe.charges();
    for (const day of ['2028-02-01', '2028-02-02', '2028-03-01']) {
      await setClock(`${day}T08:00:00Z`);
      await worker().runOnce();
    }
    const charged = fakeStripe.requests.filter(
      (r) =>
        r.path === '/v1/payment_intents' &&
        r.body.metadata &&
        (r.body.metadata as any).subscriptionId === started.subscription.id,
    );
    expect(charged).toHaveLength(1);
    expect(fakeStripe.charges()).toBeGreaterThanOrEqual(before);
  });
});
