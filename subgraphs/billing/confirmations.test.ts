import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kit/clock.js';
import { loadEnv } from '../../kit/env.js';
import { productionEnv, startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';
import { RenewalWorker } from './workers/renew.js';
import { gatewaysFromEnv, testGatewayEnabled } from './server.js';
import { payments, subscriptions } from './tables.js';
import { TestGateway } from './test-gateway.js';
import {
  type FakeStripe,
  type FakeYooKassa,
  startFakeStripe,
  startFakeYooKassa,
} from '../../testkit/payment-providers.js';

/**
 * Confirmation steps and the development gateway: what `subscribe` tells the client to do when a
 * payment needs the payer (3-D Secure, a redirect), how the payment settles afterwards, and the
 * TEST gateway the embedded start offers without keys.
 */
const PAY = 'id status failureReason nextAction { type clientSecret redirectUrl }';
const SUBSCRIBE = `mutation($planId: ID!, $pm: PaymentMethodInput!, $key: String) {
  subscribe(planId: $planId, paymentMethod: $pm, idempotencyKey: $key) {
    __typename
    ... on SubscriptionStarted { subscription { id status } payment { ${PAY} } }
    ... on PaymentActionRequired { message subscription { id status } payment { ${PAY} } nextAction { type clientSecret redirectUrl } }
    ... on PaymentDeclined { message payment { ${PAY} } }
    ... on CurrencyNotSupported { message gateway currency supportedCurrencies }
    ... on AlreadySubscribed { message }
    ... on PlanUnavailable { message }
  }
}`;
const CONFIRM = `mutation($id: ID!, $ok: Boolean) { confirmTestPayment(paymentId: $id, succeed: $ok) { ${PAY} } }`;
const STATE = `query($id: ID!) { paymentState(id: $id) { ${PAY} subscription { id status } } }`;
const ME = '{ me { entitlements activeSubscription { id } subscriptions { nodes { id status } } } }';

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
      STRIPE_SECRET_KEY: 'sk_test_confirmations',
      STRIPE_WEBHOOK_SECRET: 'whsec_confirmations',
      STRIPE_API_URL: fakeStripe.url,
      YOOKASSA_SHOP_ID: fakeYoo.shopId,
      YOOKASSA_SECRET_KEY: fakeYoo.secretKey,
      YOOKASSA_API_URL: fakeYoo.url,
      BILLING_RETURN_URL: 'https://app.example/billing/return',
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

async function createPlan(currency = 'USD', features = ['premium_content']) {
  const result = await stack.gql(
    `mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { id } }`,
    {
      input: {
        name: `Plan ${randomUUID().slice(0, 8)}`,
        priceCents: 1500,
        currency,
        billingPeriod: 'MONTHLY',
        features,
      },
    },
    { token: admin.token },
  );
  expect(result.errors).toBeUndefined();
  return result.data.createSubscriptionPlan.id as string;
}

async function subscribe(user: TestUser, planId: string, gateway: string, token: string, key?: string) {
  const result = await stack.gql(SUBSCRIBE, { planId, pm: { gateway, token }, key }, { token: user.token });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.subscribe;
}

async function me(user: TestUser) {
  const result = await stack.gql(ME, {}, { token: user.token });
  expect(result.errors).toBeUndefined();
  return result.data.me;
}

async function paymentState(user: TestUser, id: string) {
  const result = await stack.gql(STATE, { id }, { token: user.token });
  expect(result.errors).toBeUndefined();
  return result.data.paymentState;
}

describe('paymentGateways', () => {
  it('lists the gateways enabled now with their currencies, publicly', async () => {
    const result = await stack.gql('{ paymentGateways { gateway currencies } }');
    expect(result.errors).toBeUndefined();
    const byName = Object.fromEntries(
      result.data.paymentGateways.map((g: { gateway: string; currencies: string[] }) => [
        g.gateway,
        g.currencies,
      ]),
    );
    expect(Object.keys(byName)).toEqual(['STRIPE', 'YANDEX_KASSA', 'TEST']);
    expect(byName.STRIPE).toContain('USD');
    expect(byName.STRIPE).not.toContain('RUB');
    expect(byName.YANDEX_KASSA).toEqual(['RUB']);
    expect(byName.TEST).toEqual(expect.arrayContaining(['USD', 'EUR', 'RUB']));
  });

  it('subscribe refuses a currency the gateway cannot take, starting and charging nothing', async () => {
    const rubPlan = await createPlan('RUB');
    const user = await stack.signUp();
    const before = fakeStripe.charges();
    const result = await subscribe(user, rubPlan, 'STRIPE', 'pm_card_visa');
    expect(result).toMatchObject({
      __typename: 'CurrencyNotSupported',
      gateway: 'STRIPE',
      currency: 'RUB',
    });
    expect(result.supportedCurrencies).toContain('USD');
    expect(fakeStripe.charges()).toBe(before);
    expect((await me(user)).subscriptions.nodes).toEqual([]);
    const usdPlan = await createPlan('USD');
    expect((await subscribe(user, usdPlan, 'YANDEX_KASSA', 'yoo_ok')).__typename).toBe(
      'CurrencyNotSupported',
    );
  });
});

describe('the TEST gateway', () => {
  it('test_success pays and entitles at once', async () => {
    const plan = await createPlan('EUR', ['test_feature']);
    const user = await stack.signUp();
    const result = await subscribe(user, plan, 'TEST', 'test_success');
    expect(result).toMatchObject({
      __typename: 'SubscriptionStarted',
      subscription: { status: 'ACTIVE' },
      payment: { status: 'COMPLETED', nextAction: null },
    });
    expect((await me(user)).entitlements).toEqual(['test_feature']);
  });

  it('test_decline is declined and starts nothing', async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    const result = await subscribe(user, plan, 'TEST', 'test_decline');
    expect(result.__typename).toBe('PaymentDeclined');
    expect(result.payment.status).toBe('FAILED');
    expect((await me(user)).entitlements).toEqual([]);
  });

  it('test_requires_action waits for confirmTestPayment; entitlements start on confirmation, once', async () => {
    const plan = await createPlan('USD', ['confirmed_feature']);
    const user = await stack.signUp();
    const result = await subscribe(user, plan, 'TEST', 'test_requires_action', 'attempt-1');
    expect(result).toMatchObject({
      __typename: 'PaymentActionRequired',
      subscription: { status: 'PENDING' },
      payment: { status: 'PENDING', nextAction: { type: 'CONFIRM_TEST_PAYMENT' } },
      nextAction: { type: 'CONFIRM_TEST_PAYMENT', clientSecret: null, redirectUrl: null },
    });
    expect((await me(user)).entitlements).toEqual([]);
    // A retry with the same key gives the same step for the same payment.
    const retry = await subscribe(user, plan, 'TEST', 'test_requires_action', 'attempt-1');
    expect(retry.__typename).toBe('PaymentActionRequired');
    expect(retry.payment.id).toBe(result.payment.id);

    const stranger = await stack.signUp();
    const forbidden = await stack.gql(CONFIRM, { id: result.payment.id }, { token: stranger.token });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const confirmed = await stack.gql(CONFIRM, { id: result.payment.id }, { token: user.token });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.confirmTestPayment).toMatchObject({ status: 'COMPLETED', nextAction: null });
    const mine = await me(user);
    expect(mine.entitlements).toEqual(['confirmed_feature']);
    expect(mine.activeSubscription.id).toBe(result.subscription.id);

    const again = await stack.gql(CONFIRM, { id: result.payment.id, ok: false }, { token: user.token });
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await paymentState(user, result.payment.id)).status).toBe('COMPLETED');
    const events = await db().select().from(payments).where(eq(payments.id, result.payment.id));
    expect(events[0]!.nextAction).toBeNull();
  });

  it('an abandoned confirmation fails the payment and expires the subscription', async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    const result = await subscribe(user, plan, 'TEST', 'test_requires_action');
    const refused = await stack.gql(CONFIRM, { id: result.payment.id, ok: false }, { token: user.token });
    expect(refused.data.confirmTestPayment.status).toBe('FAILED');
    expect((await paymentState(user, result.payment.id)).subscription.status).toBe('EXPIRED');
    expect((await me(user)).entitlements).toEqual([]);
  });

  it('refuses payments of other gateways and unknown tokens', async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    const stripe = await subscribe(user, plan, 'STRIPE', 'pm_card_visa');
    const notTest = await stack.gql(CONFIRM, { id: stripe.payment.id }, { token: user.token });
    expect(notTest.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const other = await stack.signUp();
    const unknown = await subscribe(other, plan, 'TEST', 'pm_card_visa');
    expect(unknown).toMatchObject({
      __typename: 'PaymentDeclined',
      payment: { failureReason: 'unknown payment method' },
    });
  });

  it('is never enabled in production, and can be turned off elsewhere', () => {
    expect(() => loadEnv(productionEnv({ BILLING_TEST_GATEWAY: 'on' }))).toThrow(/BILLING_TEST_GATEWAY/);
    expect(testGatewayEnabled(loadEnv(productionEnv()))).toBe(false);
    expect(gatewaysFromEnv(loadEnv(productionEnv())).test).toBeUndefined();
    expect(() => new TestGateway('production')).toThrow(/production/);
    expect(testGatewayEnabled(loadEnv({ NODE_ENV: 'development' }))).toBe(true);
    expect(testGatewayEnabled(loadEnv({ NODE_ENV: 'test', BILLING_TEST_GATEWAY: 'off' }))).toBe(false);
    expect(gatewaysFromEnv(loadEnv({})).test).toBeInstanceOf(TestGateway);
    expect(() => loadEnv({ WEBMONEY_PURSES: 'R123456789012' })).toThrow(/WEBMONEY_PURSES/);
  });
});

describe('confirmation steps of real gateways', () => {
  it("Stripe's 3-D Secure: the client secret, no entitlements until Stripe says succeeded", async () => {
    const plan = await createPlan('USD', ['secure_feature']);
    const user = await stack.signUp();
    const result = await subscribe(user, plan, 'STRIPE', 'pm_card_threeDSecureRequired');
    expect(result.__typename).toBe('PaymentActionRequired');
    expect(result.subscription.status).toBe('PENDING');
    const [row] = await db().select().from(payments).where(eq(payments.id, result.payment.id));
    const intent = fakeStripe.intents.get(row!.paymentIntentId!);
    expect(result.nextAction).toEqual({
      type: 'CLIENT_SECRET',
      clientSecret: intent.client_secret,
      redirectUrl: null,
    });
    expect((await me(user)).entitlements).toEqual([]);
    // Another user never sees the secret.
    const stranger = await stack.signUp();
    expect(await paymentState(stranger, result.payment.id)).toBeNull();

    // The payer is back before the webhook: Stripe still waits, then has succeeded.
    expect((await paymentState(user, result.payment.id)).status).toBe('PENDING');
    fakeStripe.settle(intent.id, 'succeeded');
    const settled = await paymentState(user, result.payment.id);
    expect(settled).toMatchObject({
      status: 'COMPLETED',
      nextAction: null,
      subscription: { status: 'ACTIVE' },
    });
    expect((await me(user)).entitlements).toEqual(['secure_feature']);
  });

  it('YooKassa: a redirect URL, and the return page names the payment', async () => {
    const plan = await createPlan('RUB');
    const user = await stack.signUp();
    const result = await subscribe(user, plan, 'YANDEX_KASSA', 'yoo_3ds');
    expect(result.__typename).toBe('PaymentActionRequired');
    expect(result.nextAction.type).toBe('REDIRECT');
    expect(result.nextAction.redirectUrl).toMatch(/^https:\/\/yoomoney\.ru\/checkout\//);
    const call = fakeYoo.requests.filter((r) => r.path === '/v3/payments' && r.method === 'POST').at(-1)!;
    expect(call.body.confirmation).toEqual({
      type: 'redirect',
      return_url: `https://app.example/billing/return?payment=${result.payment.id}`,
    });
    const [row] = await db().select().from(payments).where(eq(payments.id, result.payment.id));
    fakeYoo.payments.get(row!.paymentIntentId!).status = 'succeeded';
    expect(await paymentState(user, result.payment.id)).toMatchObject({
      status: 'COMPLETED',
      subscription: { status: 'ACTIVE' },
    });
  });

  it('a step never taken expires the subscription and fails its payment after the grace days', async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    const result = await subscribe(user, plan, 'TEST', 'test_requires_action');
    const worker = stack.subgraphs.billing.background.find(
      (t) => t instanceof RenewalWorker,
    ) as RenewalWorker;
    const start = clock.now();
    clock.set(new Date(start.getTime() + 2 * 86_400_000));
    await worker.runOnce();
    let [sub] = await db().select().from(subscriptions).where(eq(subscriptions.id, result.subscription.id));
    expect(sub!.status).toBe('pending');
    clock.set(new Date(start.getTime() + 3 * 86_400_000));
    await worker.runOnce();
    [sub] = await db().select().from(subscriptions).where(eq(subscriptions.id, result.subscription.id));
    expect(sub!.status).toBe('expired');
    const [payment] = await db().select().from(payments).where(eq(payments.id, result.payment.id));
    expect(payment).toMatchObject({
      status: 'failed',
      failureReason: 'not confirmed in time',
      nextAction: null,
    });
    clock.set(start);
    const fresh = await stack.gql(
      `mutation($input: SignInInput!) { signIn(input: $input) { ... on AuthSuccess { token } } }`,
      { input: { login: user.email, password: user.password } },
    );
    const late = await stack.gql(CONFIRM, { id: result.payment.id }, { token: fresh.data.signIn.token });
    expect(late.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
