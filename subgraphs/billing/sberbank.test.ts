import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../kit/clock.js';
import { startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';
import { RenewalWorker } from './workers/renew.js';
import { sberOrderNumber } from './sberbank-gateway.js';
import { payments, subscriptions } from './tables.js';
import { type FakeSberbank, startFakeSberbank } from '../../testkit/payment-providers.js';

/** Sberbank acquiring through its REST API, faked at the HTTP boundary from its documentation. */
const PAY = 'id status cardLast4 failureReason nextAction { type redirectUrl }';
const SUBSCRIBE = `mutation($planId: ID!, $pm: PaymentMethodInput!, $key: String) {
  subscribe(planId: $planId, paymentMethod: $pm, idempotencyKey: $key) {
    __typename
    ... on SubscriptionStarted { subscription { id status } payment { ${PAY} } }
    ... on PaymentActionRequired { subscription { id status } payment { ${PAY} } nextAction { type redirectUrl } }
    ... on PaymentDeclined { message payment { ${PAY} } }
    ... on CurrencyNotSupported { currency supportedCurrencies }
  }
}`;
const REFUND = `mutation($id: ID!, $amount: Int!) {
  refundPayment(paymentId: $id, amountCents: $amount) {
    __typename
    ... on RefundIssued { refund { status amountCents } payment { status refundedCents subscription { status } } }
  }
}`;
const STATE = `query($id: ID!) { paymentState(id: $id) { ${PAY} subscription { status } } }`;

let stack: TestStack;
let sber: FakeSberbank;
let admin: TestUser;
let clock: ManualClock;

beforeAll(async () => {
  sber = await startFakeSberbank();
  clock = new ManualClock(new Date('2027-06-01T09:00:00Z'));
  stack = await startTestStack({
    clock,
    env: {
      SBERBANK_USERNAME: sber.userName,
      SBERBANK_PASSWORD: sber.password,
      SBERBANK_CALLBACK_TOKEN: sber.callbackToken,
      SBERBANK_API_URL: sber.url,
      BILLING_RETURN_URL: 'https://app.example/billing/return',
      BILLING_RENEWAL_INTERVAL_SECONDS: '0',
    },
  });
  admin = await stack.makeAdmin(await stack.signUp());
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await sber?.close();
});

const db = () => stack.runtime.database.db;
const callbackUrl = () => stack.subgraphUrls.billing.replace(/\/graphql$/, '/webhooks/sberbank');

async function createPlan(overrides: Record<string, unknown> = {}) {
  const result = await stack.gql(
    `mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { id } }`,
    {
      input: {
        name: `Plan ${randomUUID().slice(0, 8)}`,
        priceCents: 99_000,
        currency: 'RUB',
        billingPeriod: 'MONTHLY',
        features: ['sber_feature'],
        ...overrides,
      },
    },
    { token: admin.token },
  );
  expect(result.errors).toBeUndefined();
  return result.data.createSubscriptionPlan.id as string;
}

async function subscribe(user: TestUser, planId: string, key?: string) {
  const result = await stack.gql(
    SUBSCRIBE,
    { planId, pm: { gateway: 'SBERBANK', token: 'card' }, key },
    { token: user.token },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.subscribe;
}

async function entitlements(user: TestUser) {
  const result = await stack.gql('{ me { entitlements } }', {}, { token: user.token });
  return result.data.me.entitlements;
}

async function orderOf(paymentId: string) {
  const [row] = await db().select().from(payments).where(eq(payments.id, paymentId));
  return row!.paymentIntentId!;
}

async function postCallback(body: string) {
  const response = await fetch(callbackUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('Sberbank acquiring', () => {
  it('registers the order and sends the payer to its page; nothing is granted yet', async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    const result = await subscribe(user, plan, 'sber-1');
    expect(result).toMatchObject({
      __typename: 'PaymentActionRequired',
      subscription: { status: 'PENDING' },
      nextAction: { type: 'REDIRECT' },
    });
    const orderId = await orderOf(result.payment.id);
    expect(result.nextAction.redirectUrl).toBe(
      `https://3dsec.sberbank.ru/payment/merchants/sbersafe/payment_ru.html?mdOrder=${orderId}`,
    );
    const register = sber.requests.filter((r) => r.path.endsWith('/register.do')).at(-1)!;
    expect(register.body).toMatchObject({
      userName: sber.userName,
      orderNumber: sberOrderNumber(result.payment.id),
      amount: '99000',
      currency: '643',
      returnUrl: `https://app.example/billing/return?payment=${result.payment.id}`,
      clientId: result.subscription.id,
    });
    expect(await entitlements(user)).toEqual([]);

    // A retry with the same key registers nothing new (Sberbank refuses the repeated order
    // number) and gives the same step back.
    const before = sber.registrations();
    const retry = await subscribe(user, plan, 'sber-1');
    expect(retry).toMatchObject({ __typename: 'PaymentActionRequired', payment: { id: result.payment.id } });
    expect(retry.nextAction.redirectUrl).toBe(result.nextAction.redirectUrl);
    expect(sber.registrations()).toBe(before);
  });

  it('applies a callback only with a valid checksum, from the order as Sberbank reports it, once', async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    const result = await subscribe(user, plan);
    const orderId = await orderOf(result.payment.id);

    // Forged: a checksum made with another token, a missing one, a tampered amount.
    expect((await postCallback(sber.callback(orderId, 'deposited', 'wrong-token'))).status).toBe(400);
    const genuine = sber.callback(orderId, 'deposited');
    expect((await postCallback(genuine.replace(/checksum=[^&]+/, ''))).status).toBe(400);
    expect((await postCallback(genuine.replace(/amount=\d+/, 'amount=1'))).status).toBe(400);
    expect(await entitlements(user)).toEqual([]);

    // Signed, but the order is not paid yet: nothing changes.
    expect((await postCallback(genuine)).body.result).toBe('applied');
    expect(await entitlements(user)).toEqual([]);

    sber.pay(orderId, true);
    const paid = await postCallback(sber.callback(orderId, 'deposited'));
    expect(paid.body.result).toBe('applied');
    expect(await entitlements(user)).toEqual(['sber_feature']);
    expect((await postCallback(sber.callback(orderId, 'deposited'))).body.result).toBe('duplicate');
    const [payment] = await db().select().from(payments).where(eq(payments.id, result.payment.id));
    expect(payment).toMatchObject({ status: 'completed', cardLast4: '3344', nextAction: null });
    const [subscription] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, result.subscription.id));
    expect(subscription!.gatewayCustomerId).toBe(sber.orders.get(orderId).bindingId);
  });

  it('paymentState settles a payer back from the page before the callback; a declined card fails', async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    const result = await subscribe(user, plan);
    const orderId = await orderOf(result.payment.id);
    sber.pay(orderId, true);
    const state = await stack.gql(STATE, { id: result.payment.id }, { token: user.token });
    expect(state.data.paymentState).toMatchObject({
      status: 'COMPLETED',
      subscription: { status: 'ACTIVE' },
    });

    const other = await stack.signUp();
    const declined = await subscribe(other, plan);
    const declinedOrder = await orderOf(declined.payment.id);
    sber.pay(declinedOrder, false);
    expect((await postCallback(sber.callback(declinedOrder, 'deposited'))).body.result).toBe('applied');
    const after = await stack.gql(STATE, { id: declined.payment.id }, { token: other.token });
    expect(after.data.paymentState).toMatchObject({
      status: 'FAILED',
      failureReason: 'Card declined',
      subscription: { status: 'EXPIRED' },
    });
  });

  it('renews with the bound card, refunds through refund.do; a full refund ends the subscription', async () => {
    const plan = await createPlan();
    const user = await stack.signUp();
    const result = await subscribe(user, plan);
    const orderId = await orderOf(result.payment.id);
    sber.pay(orderId, true);
    await postCallback(sber.callback(orderId, 'deposited'));

    clock.set(new Date('2027-07-01T09:00:00Z'));
    const worker = stack.subgraphs.billing.background.find(
      (t) => t instanceof RenewalWorker,
    ) as RenewalWorker;
    const report = await worker.runOnce();
    expect(report.charged).toBeGreaterThanOrEqual(1);
    const bound = sber.requests
      .filter((r) => r.path.endsWith('/paymentOrderBinding.do'))
      .map((r) => r.body.bindingId);
    expect(bound).toContain(sber.orders.get(orderId).bindingId);
    const [subscription] = await db()
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, result.subscription.id));
    expect(subscription).toMatchObject({ status: 'active', endDate: '2027-08-01' });
    clock.set(new Date('2027-06-01T09:00:00Z'));
    admin = await reSignIn(admin);

    const part = await stack.gql(REFUND, { id: result.payment.id, amount: 9_000 }, { token: admin.token });
    expect(part.data.refundPayment).toMatchObject({
      __typename: 'RefundIssued',
      refund: { status: 'SUCCEEDED', amountCents: 9_000 },
      payment: { status: 'COMPLETED', refundedCents: 9_000 },
    });
    const call = sber.requests.filter((r) => r.path.endsWith('/refund.do')).at(-1)!;
    expect(call.body).toMatchObject({ orderId, amount: '9000' });
    const rest = await stack.gql(REFUND, { id: result.payment.id, amount: 90_000 }, { token: admin.token });
    expect(rest.data.refundPayment.payment).toMatchObject({
      status: 'REFUNDED',
      subscription: { status: 'CANCELED' },
    });
  });

  it('takes roubles only, and cannot start a trial (a card is bound only with a payment)', async () => {
    const user = await stack.signUp();
    const usd = await subscribe(user, await createPlan({ currency: 'USD' }));
    expect(usd).toEqual({
      __typename: 'CurrencyNotSupported',
      currency: 'USD',
      supportedCurrencies: ['RUB'],
    });
    const trial = await stack.gql(
      SUBSCRIBE,
      { planId: await createPlan({ trialPeriodDays: 7 }), pm: { gateway: 'SBERBANK', token: 'card' } },
      { token: user.token },
    );
    expect(trial.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

async function reSignIn(user: TestUser): Promise<TestUser> {
  const result = await stack.gql(
    `mutation($input: SignInInput!) { signIn(input: $input) { ... on AuthSuccess { token } } }`,
    { input: { login: user.email, password: user.password } },
  );
  return { ...user, token: result.data.signIn.token };
}
