/**
 * Demo data of the billing domain: the admin creates the plans a frontend lists on its pricing
 * page. No demo subscription: subscribing charges (or saves a card) through a payment gateway,
 * which the embedded default does not configure.
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

export async function seedBillingDemo(gatewayUrl: string, { admin }: DemoTokens): Promise<void> {
  for (const input of PLANS) {
    await call(
      gatewayUrl,
      `mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { id } }`,
      { input },
      admin,
    );
  }
}
