/**
 * Demo data of the billing domain: the admin creates the plans a frontend lists on its pricing
 * page, and the athlete subscribes to Basic through the development gateway (TEST, on by default
 * outside production), so the demo has an active subscription and its entitlements. Where TEST
 * is turned off there is no gateway without keys, and the athlete stays unsubscribed.
 */
import { call, type DemoTokens } from './api.js';

const PLANS = [
  {
    name: 'Basic',
    description: 'Every published workout plan and the content library.',
    priceCents: 999,
    currency: 'USD',
    billingPeriod: 'MONTHLY',
    features: ['workout_plans', 'content_library'],
    maxCourses: 3,
    maxTrainers: 1,
  },
  {
    name: 'Premium',
    description: 'Everything in Basic, unlimited courses and trainers, and health insights.',
    priceCents: 9_900,
    currency: 'USD',
    billingPeriod: 'ANNUAL',
    trialPeriodDays: 14,
    features: ['workout_plans', 'content_library', 'premium_courses', 'health_insights'],
  },
] as const;

export async function seedBillingDemo(gatewayUrl: string, { admin, athlete }: DemoTokens): Promise<void> {
  const ids: string[] = [];
  for (const input of PLANS) {
    const data = await call(
      gatewayUrl,
      `mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { id } }`,
      { input },
      admin,
    );
    ids.push(data.createSubscriptionPlan.id);
  }
  const { paymentGateways } = await call(gatewayUrl, '{ paymentGateways { gateway } }');
  if (!paymentGateways.some((g: { gateway: string }) => g.gateway === 'TEST')) return;
  const data = await call(
    gatewayUrl,
    `mutation($planId: ID!, $pm: PaymentMethodInput!, $key: String) {
      subscribe(planId: $planId, paymentMethod: $pm, idempotencyKey: $key) { __typename }
    }`,
    { planId: ids[0], pm: { gateway: 'TEST', token: 'test_success' }, key: 'demo-athlete-basic' },
    athlete,
  );
  if (data.subscribe.__typename !== 'SubscriptionStarted') {
    throw new Error(`demo subscription failed: ${data.subscribe.__typename}`);
  }
}
