import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../kit/clock.js';
import { type FakeStripe, startFakeStripe } from '../testkit/payment-providers.js';
import { eventually, startTestStack, type TestStack, type TestUser } from '../testkit/stack.js';
import { gqlAs, signUpTrainer, type TestTrainer } from '../testkit/trainer.js';

/**
 * Paid course content follows the money: the lessons of a paid course open only while billing
 * says the viewer holds an entitlement covering it, decided on every read. Subscribers here are
 * real: they subscribe through billing (Stripe faked at its HTTP boundary) and the gateway
 * resolves their entitlements from billing, as it does in production.
 */

const SUB_FIELDS = 'id status endDate renewalDate autoRenewal isTrial canceledAt';
const CREATE_PLAN = `mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { id } }`;
const SUBSCRIBE = `mutation($planId: ID!, $pm: PaymentMethodInput!) {
  subscribe(planId: $planId, paymentMethod: $pm) {
    __typename
    ... on SubscriptionStarted { subscription { ${SUB_FIELDS} } payment { id status amountCents } }
  }
}`;
const CANCEL = `mutation($id: ID!, $atPeriodEnd: Boolean) { cancelSubscription(id: $id, atPeriodEnd: $atPeriodEnd) { ${SUB_FIELDS} } }`;
const AUTO_RENEWAL = `mutation($id: ID!, $enabled: Boolean!) { setAutoRenewal(id: $id, enabled: $enabled) { ${SUB_FIELDS} } }`;
const REFUND = `mutation($id: ID!, $amount: Int!) {
  refundPayment(paymentId: $id, amountCents: $amount) {
    __typename
    ... on RefundIssued { refund { status } payment { status refundedCents } }
  }
}`;
const ME = `{ me { entitlements activeSubscription { id } subscriptions(first: 5) { nodes { ${SUB_FIELDS} } } } }`;
const ENROLL = `mutation($courseId: ID!) { enrollInCourse(courseId: $courseId) { __typename } }`;
const COURSE = `query($id: ID!) { course(id: $id) { hasAccess isEnrolled lessons { locked contentItems { id } } } }`;

let stack: TestStack;
let fakeStripe: FakeStripe;
let clock: ManualClock;
let admin: TestUser;
let trainer: TestTrainer;
let courseId: string;

beforeAll(async () => {
  fakeStripe = await startFakeStripe();
  clock = new ManualClock(new Date('2027-03-01T08:00:00Z'));
  stack = await startTestStack({
    clock,
    env: {
      STRIPE_SECRET_KEY: 'sk_test_paid_access',
      STRIPE_WEBHOOK_SECRET: 'whsec_paid_access',
      STRIPE_API_URL: fakeStripe.url,
      BILLING_GRACE_DAYS: '3',
      BILLING_RENEWAL_INTERVAL_SECONDS: '0',
    },
  });
  admin = await stack.makeAdmin(await stack.signUp());
  trainer = await signUpTrainer(stack);
  const item = await gqlAs(
    stack,
    trainer,
    `mutation($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }`,
    { input: { type: 'VIDEO', title: 'Paid drill', contentUrl: 'https://cdn.example.com/drill.mp4' } },
  );
  const course = await gqlAs(
    stack,
    trainer,
    `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
    { input: { name: 'Paid strength', priceCents: 4900 } },
  );
  courseId = course.data.createCourse.id;
  await gqlAs(
    stack,
    trainer,
    `mutation($courseId: ID!, $input: AddLessonInput!) { addLesson(courseId: $courseId, input: $input) { id } }`,
    { courseId, input: { title: 'Drill', contentItemIds: [item.data.createContentItem.id] } },
  );
  await gqlAs(stack, trainer, `mutation($id: ID!) { publishCourse(id: $id) { id } }`, { id: courseId });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await fakeStripe?.close();
});

/** One pass of billing's renewal worker (billing.renew), on the test's clock. */
const renew = () => stack.subgraphs.billing.workers.renew!.runNow();

async function createPlan(overrides: Record<string, unknown> = {}): Promise<string> {
  const result = await stack.gql(
    CREATE_PLAN,
    {
      input: {
        name: `Plan ${randomUUID().slice(0, 8)}`,
        priceCents: 1500,
        currency: 'USD',
        billingPeriod: 'MONTHLY',
        trialPeriodDays: 0,
        features: ['courses:all'],
        ...overrides,
      },
    },
    { token: admin.token },
  );
  expect(result.errors).toBeUndefined();
  return result.data.createSubscriptionPlan.id;
}

async function subscribe(user: TestUser, planId: string) {
  const result = await stack.gql(
    SUBSCRIBE,
    { planId, pm: { gateway: 'STRIPE', token: 'pm_card_visa' } },
    { token: user.token },
  );
  expect(result.data?.subscribe?.__typename).toBe('SubscriptionStarted');
  return result.data.subscribe;
}

/** A fresh session: its viewer is resolved from billing now, not taken from the gateway's cache. */
async function signIn(user: TestUser): Promise<TestUser> {
  const result = await stack.gql(
    `mutation($input: SignInInput!) { signIn(input: $input) { ... on AuthSuccess { token } } }`,
    { input: { login: user.email, password: user.password } },
  );
  return { ...user, token: result.data.signIn.token };
}

/** Moves the domain clock; sessions run on it too, so the admin signs in again. */
async function setClock(iso: string) {
  clock.set(new Date(iso));
  admin = await signIn(admin);
}

/** The paid lesson as the user sees it: open (its content listed) or locked. */
async function lesson(user: TestUser) {
  const result = await stack.gql(COURSE, { id: courseId }, { token: user.token });
  expect(result.errors).toBeUndefined();
  const course = result.data.course;
  const first = course.lessons[0];
  // The three ways the API tells the same thing must agree.
  expect(first.locked).toBe(first.contentItems === null);
  expect(course.hasAccess).toBe(!first.locked);
  return { open: !first.locked, enrolled: course.isEnrolled as boolean };
}

async function enroll(user: TestUser) {
  const result = await stack.gql(ENROLL, { courseId }, { token: user.token });
  expect(result.data.enrollInCourse.__typename).toBe('Enrollment');
}

async function me(user: TestUser) {
  const result = await stack.gql(ME, {}, { token: user.token });
  expect(result.errors).toBeUndefined();
  return result.data.me;
}

describe('paid course content follows the subscription', () => {
  it('a new subscription opens the lessons on the next request of the same session', async () => {
    const user = await stack.signUp();
    expect((await lesson(user)).open).toBe(false);
    const enrolledWithout = await stack.gql(ENROLL, { courseId }, { token: user.token });
    expect(enrolledWithout.data.enrollInCourse.__typename).toBe('PurchaseRequired');
    await subscribe(user, await createPlan());
    await stack.flushEvents();
    // The gateway's cached viewer (up to 30 s) is dropped when billing's event arrives.
    await eventually(async () => expect((await lesson(user)).open).toBe(true));
  });

  it('a trial, an enrolment and an immediate cancel leave the paid lessons locked for good', async () => {
    let user = await stack.signUp();
    const started = await subscribe(user, await createPlan({ trialPeriodDays: 7 }));
    expect(started.subscription).toMatchObject({ status: 'ACTIVE', isTrial: true });
    expect(started.payment).toBeNull();
    user = await signIn(user);
    expect((await lesson(user)).open).toBe(true);
    await enroll(user);
    expect(await lesson(user)).toEqual({ open: true, enrolled: true });

    const canceled = await stack.gql(
      CANCEL,
      { id: started.subscription.id, atPeriodEnd: false },
      { token: user.token },
    );
    expect(canceled.data.cancelSubscription.status).toBe('CANCELED');
    await stack.flushEvents();
    // The same session loses access well within the viewer cache's 30 s: the cancel drops it.
    await eventually(async () => expect(await lesson(user)).toEqual({ open: false, enrolled: true }));
    // A new session, and the same session days later: still locked; the enrolment is no purchase.
    expect((await lesson(await signIn(user))).open).toBe(false);
    await setClock('2027-03-20T08:00:00Z');
    user = await signIn(user);
    expect(await lesson(user)).toEqual({ open: false, enrolled: true });
    expect((await me(user)).entitlements).toEqual([]);
  });

  it('cancel at period end keeps the lessons open until the period ends, then locks them', async () => {
    await setClock('2027-05-01T08:00:00Z');
    let user = await stack.signUp();
    const started = await subscribe(user, await createPlan());
    expect(started.subscription).toMatchObject({ status: 'ACTIVE', endDate: '2027-06-01' });
    user = await signIn(user);
    await enroll(user);
    const canceled = await stack.gql(CANCEL, { id: started.subscription.id }, { token: user.token });
    expect(canceled.data.cancelSubscription).toMatchObject({ status: 'ACTIVE', autoRenewal: false });
    await stack.flushEvents();
    user = await signIn(user);
    expect((await lesson(user)).open).toBe(true);

    await setClock('2027-05-31T23:00:00Z');
    user = await signIn(user);
    expect((await lesson(user)).open).toBe(true);

    // The period is over: locked at once, whether or not the renewal worker has run yet.
    await setClock('2027-06-01T00:30:00Z');
    user = await signIn(user);
    expect(await lesson(user)).toEqual({ open: false, enrolled: true });
    expect((await me(user)).activeSubscription).toBeNull();
    await renew();
    expect((await me(user)).subscriptions.nodes[0].status).toBe('CANCELED');
    expect((await lesson(await signIn(user))).open).toBe(false);
  });

  it('a subscription that does not renew expires at its end date; an unpaid renewal after the grace days', async () => {
    await setClock('2027-07-01T08:00:00Z');
    let user = await stack.signUp();
    const started = await subscribe(user, await createPlan());
    user = await signIn(user);
    await enroll(user);
    const off = await stack.gql(
      AUTO_RENEWAL,
      { id: started.subscription.id, enabled: false },
      { token: user.token },
    );
    expect(off.data.setAutoRenewal.autoRenewal).toBe(false);
    await setClock('2027-08-01T08:00:00Z');
    user = await signIn(user);
    expect((await lesson(user)).open).toBe(false);
    await renew();
    expect((await me(user)).subscriptions.nodes[0].status).toBe('EXPIRED');

    // A renewal the card declines: open through the grace period (3 days), then locked.
    let renewing = await stack.signUp();
    await subscribe(renewing, await createPlan());
    renewing = await signIn(renewing);
    await enroll(renewing);
    await setClock('2027-09-01T08:00:00Z');
    fakeStripe.declineNext(100);
    await renew();
    renewing = await signIn(renewing);
    expect((await lesson(renewing)).open).toBe(true);
    await setClock('2027-09-04T08:00:00Z');
    renewing = await signIn(renewing);
    expect((await lesson(renewing)).open).toBe(false);
    fakeStripe.declineNext(0);
  });

  it('a partial refund keeps the subscription; a full refund ends it and locks the lessons at once', async () => {
    let user = await stack.signUp();
    const started = await subscribe(user, await createPlan({ priceCents: 2000 }));
    expect(started.payment).toMatchObject({ status: 'COMPLETED', amountCents: 2000 });
    user = await signIn(user);
    await enroll(user);
    expect((await lesson(user)).open).toBe(true);

    const part = await stack.gql(REFUND, { id: started.payment.id, amount: 500 }, { token: admin.token });
    expect(part.data.refundPayment.payment).toEqual({ status: 'COMPLETED', refundedCents: 500 });
    await stack.flushEvents();
    expect((await me(user)).subscriptions.nodes[0].status).toBe('ACTIVE');
    expect((await me(user)).entitlements).toEqual(['courses:all']);
    expect((await lesson(user)).open).toBe(true);

    const rest = await stack.gql(REFUND, { id: started.payment.id, amount: 1500 }, { token: admin.token });
    expect(rest.data.refundPayment.payment).toEqual({ status: 'REFUNDED', refundedCents: 2000 });
    const mine = await me(user);
    expect(mine.subscriptions.nodes[0]).toMatchObject({ status: 'CANCELED', autoRenewal: false });
    expect(mine.activeSubscription).toBeNull();
    expect(mine.entitlements).toEqual([]);
    await stack.flushEvents();
    await eventually(async () => expect(await lesson(user)).toEqual({ open: false, enrolled: true }));
    expect((await lesson(await signIn(user))).open).toBe(false);
  });
});

describe('the renewal worker', () => {
  it('is measured under its name, billing.renew', async () => {
    await renew();
    const metrics = await (await fetch(stack.subgraphUrls.billing.replace(/\/graphql$/, '/metrics'))).text();
    const runs = metrics.split('\n').filter((line) => line.startsWith('worker_run_duration_seconds_count{'));
    expect(
      runs.some((line) => line.includes('worker="billing.renew"') && line.includes('outcome="ok"')),
    ).toBe(true);
  });
});
