import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack, type TestUser } from '../../testkit/stack.js';
import { RenewalWorker } from './workers/renew.js';
import { payments, refunds, subscriptions } from './tables.js';
import { type FakeWebMoney, startFakeWebMoney } from '../../testkit/payment-providers.js';
import { WebMoneyGateway, webmoneyHash } from './webmoney-gateway.js';

/** WebMoney Merchant through its public protocol, its side faked at the HTTP boundary. */
const PAY = 'id status failureReason nextAction { type redirectUrl }';
const SUBSCRIBE = `mutation($planId: ID!, $pm: PaymentMethodInput!) {
  subscribe(planId: $planId, paymentMethod: $pm) {
    __typename
    ... on PaymentActionRequired { subscription { id status } payment { ${PAY} } nextAction { type redirectUrl } }
    ... on CurrencyNotSupported { currency supportedCurrencies }
  }
}`;
const REFUND = `mutation($id: ID!, $amount: Int!) {
  refundPayment(paymentId: $id, amountCents: $amount) {
    __typename
    ... on RefundRecordedAsManual { message refund { status amountCents } payment { status refundedCents subscription { status } } }
    ... on RefundIssued { refund { status } }
  }
}`;

let stack: TestStack;
let wm: FakeWebMoney;
let admin: TestUser;

beforeAll(async () => {
  wm = await startFakeWebMoney(() => stack.subgraphUrls.billing.replace(/\/graphql$/, '/webhooks/webmoney'));
  stack = await startTestStack({
    env: {
      WEBMONEY_PURSES: wm.purse,
      WEBMONEY_SECRET_KEY: wm.secretKey,
      WEBMONEY_MERCHANT_URL: wm.url,
      BILLING_RETURN_URL: 'https://app.example/billing/return',
      BILLING_RENEWAL_INTERVAL_SECONDS: '0',
    },
  });
  admin = await stack.makeAdmin(await stack.signUp());
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await wm?.close();
});

const db = () => stack.runtime.database.db;

async function createPlan(overrides: Record<string, unknown> = {}) {
  const result = await stack.gql(
    `mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { id } }`,
    {
      input: {
        name: `Plan ${randomUUID().slice(0, 8)}`,
        priceCents: 1250,
        currency: 'USD',
        billingPeriod: 'MONTHLY',
        features: ['wm_feature'],
        ...overrides,
      },
    },
    { token: admin.token },
  );
  expect(result.errors).toBeUndefined();
  return result.data.createSubscriptionPlan.id as string;
}

async function subscribe(user: TestUser, planId: string) {
  const result = await stack.gql(
    SUBSCRIBE,
    { planId, pm: { gateway: 'WEBMONEY', token: 'wallet' } },
    { token: user.token },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.subscribe;
}

async function entitlements(user: TestUser) {
  return (await stack.gql('{ me { entitlements } }', {}, { token: user.token })).data.me.entitlements;
}

describe('WebMoney Merchant', () => {
  it('sends the payer to the payment page with the request parameters and both returns', async () => {
    const user = await stack.signUp();
    const result = await subscribe(user, await createPlan());
    expect(result).toMatchObject({
      __typename: 'PaymentActionRequired',
      subscription: { status: 'PENDING' },
      nextAction: { type: 'REDIRECT' },
    });
    const request = new URL(result.nextAction.redirectUrl);
    expect(`${request.origin}${request.pathname}`).toBe(wm.url);
    const params = Object.fromEntries(request.searchParams);
    const back = `https://app.example/billing/return?payment=${result.payment.id}`;
    expect(params).toMatchObject({
      LMI_PAYEE_PURSE: wm.purse,
      LMI_PAYMENT_AMOUNT: '12.50',
      LMI_SUCCESS_URL: `${back}&result=success`,
      LMI_SUCCESS_METHOD: '2',
      LMI_FAIL_URL: `${back}&result=fail`,
      LMI_FAIL_METHOD: '2',
      FIT_PAYMENT_ID: result.payment.id,
    });
    expect(Buffer.from(params.LMI_PAYMENT_DESC_BASE64!, 'base64').toString()).toMatch(/^Subscription /);
    expect(await entitlements(user)).toEqual([]);
  });

  it('answers the pre-request, applies a notification only with a valid LMI_HASH, once per invoice', async () => {
    const user = await stack.signUp();
    const result = await subscribe(user, await createPlan());
    const url = result.nextAction.redirectUrl;

    const forged = await wm.pay(url, { secretKey: 'not-the-key' });
    expect(forged.prerequest).toBe('YES');
    expect(forged.result?.status).toBe(400);
    expect(await entitlements(user)).toEqual([]);

    // An edited form: the pre-request refuses it, and a notification of it never settles.
    const cheaper = await wm.pay(url, { amount: '0.01' });
    expect(cheaper.prerequest).toMatch(/^ERROR/);

    const paid = await wm.pay(url);
    expect(paid.result).toEqual({ status: 200, body: 'applied' });
    expect(await entitlements(user)).toEqual(['wm_feature']);
    const [payment] = await db().select().from(payments).where(eq(payments.id, result.payment.id));
    expect(payment).toMatchObject({ status: 'completed', nextAction: null });

    // The same notification again changes nothing; a pre-request for a paid payment is refused.
    const replay = await fetch(wm.resultUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: paid.form.toString(),
    });
    expect(await replay.text()).toBe('duplicate');
    expect((await wm.pay(url)).prerequest).toMatch(/^ERROR/);
  });

  it('a signed notification of another amount never settles the payment', async () => {
    const gateway = new WebMoneyGateway({
      purses: [wm.purse],
      secretKey: wm.secretKey,
      acceptTestMode: true,
    });
    const user = await stack.signUp();
    const result = await subscribe(user, await createPlan());
    const form = new URLSearchParams({
      LMI_PAYEE_PURSE: wm.purse,
      LMI_PAYMENT_AMOUNT: '0.50',
      LMI_PAYMENT_NO: '',
      LMI_MODE: '0',
      LMI_SYS_INVS_NO: '991',
      LMI_SYS_TRANS_NO: '992',
      LMI_SYS_TRANS_DATE: '20270601 12:00:00',
      LMI_PAYER_PURSE: 'Z987654321098',
      LMI_PAYER_WM: '123456789012',
      FIT_PAYMENT_ID: result.payment.id,
    });
    form.set('LMI_HASH', webmoneyHash(form, wm.secretKey));
    expect((await gateway.parseWebhook(Buffer.from(form.toString()))).type).toBe('payment');
    const response = await fetch(wm.resultUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(await response.text()).toBe('mismatch');
    expect(await entitlements(user)).toEqual([]);
    // Simulated payments count only outside production.
    const live = new WebMoneyGateway({ purses: [wm.purse], secretKey: wm.secretKey, acceptTestMode: false });
    form.set('LMI_MODE', '1');
    form.set('LMI_HASH', webmoneyHash(form, wm.secretKey));
    await expect(live.parseWebhook(Buffer.from(form.toString()))).rejects.toThrow(/simulated/);
  });

  it('refunds are recorded as manual; the one completing the payment ends the subscription', async () => {
    const user = await stack.signUp();
    const result = await subscribe(user, await createPlan());
    await wm.pay(result.nextAction.redirectUrl);
    const part = await stack.gql(REFUND, { id: result.payment.id, amount: 250 }, { token: admin.token });
    expect(part.data.refundPayment).toMatchObject({
      __typename: 'RefundRecordedAsManual',
      refund: { status: 'MANUAL', amountCents: 250 },
      payment: { status: 'COMPLETED', refundedCents: 250, subscription: { status: 'ACTIVE' } },
    });
    expect(part.data.refundPayment.message).toMatch(/by hand/);
    const rest = await stack.gql(REFUND, { id: result.payment.id, amount: 1000 }, { token: admin.token });
    expect(rest.data.refundPayment.payment).toMatchObject({
      status: 'REFUNDED',
      refundedCents: 1250,
      subscription: { status: 'CANCELED' },
    });
    const rows = await db().select().from(refunds).where(eq(refunds.paymentId, result.payment.id));
    expect(rows.map((r) => r.status)).toEqual(['manual', 'manual']);
    const beyond = await stack.gql(REFUND, { id: result.payment.id, amount: 1 }, { token: admin.token });
    expect(beyond.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('takes only the purses’ currencies; no trials; a renewal without the payer fails', async () => {
    const user = await stack.signUp();
    expect(await subscribe(user, await createPlan({ currency: 'RUB' }))).toEqual({
      __typename: 'CurrencyNotSupported',
      currency: 'RUB',
      supportedCurrencies: ['USD'],
    });
    const trial = await stack.gql(
      SUBSCRIBE,
      { planId: await createPlan({ trialPeriodDays: 7 }), pm: { gateway: 'WEBMONEY', token: 'wallet' } },
      { token: user.token },
    );
    expect(trial.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const result = await subscribe(user, await createPlan());
    await wm.pay(result.nextAction.redirectUrl);
    // Its period is over today: the renewal is due (the first period moved into the past).
    const [row] = await db().select().from(subscriptions).where(eq(subscriptions.id, result.subscription.id));
    const today = row!.startDate;
    await db()
      .update(payments)
      .set({ periodStart: '2020-01-01', periodEnd: today })
      .where(eq(payments.id, result.payment.id));
    await db()
      .update(subscriptions)
      .set({ startDate: '2020-01-01', endDate: today, renewalDate: today })
      .where(eq(subscriptions.id, row!.id));
    const worker = stack.subgraphs.billing.background.find(
      (t) => t instanceof RenewalWorker,
    ) as RenewalWorker;
    const report = await worker.runOnce();
    expect(report.failed).toBe(1);
    const attempts = await db().select().from(payments).where(eq(payments.subscriptionId, row!.id));
    expect(attempts.find((p) => p.status === 'failed')?.failureReason).toBe(
      'WebMoney cannot charge without the payer',
    );
  });
});
