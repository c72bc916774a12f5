import { readFileSync } from 'node:fs';
import { eventConsumer } from '../../kit/events/consumer.js';
import { OutboxRelay } from '../../kit/events/outbox.js';
import { defineSubgraph, type Subgraph, type SubgraphDeps } from '../../kit/subgraph.js';
import { coaching } from './coaching.js';
import type { BillingDeps } from './deps.js';
import { eraseUser } from './gdpr.js';
import type { PaymentGateways } from './gateways.js';
import { DEFAULT_GRACE_DAYS } from './lifecycle.js';
import { RenewalWorker } from './renewals.js';
import { mutationResolvers } from './resolvers/Mutation.js';
import { queryResolvers } from './resolvers/Query.js';
import {
  paymentNextActionResolvers,
  paymentResolvers,
  refundResolvers,
  subscriptionPlanResolvers,
  userSubscriptionResolvers,
} from './resolvers/types.js';
import { trainerClientResolvers } from './resolvers/TrainerClient.js';
import { userResolvers } from './resolvers/User.js';
import { SberbankGateway } from './sberbank-gateway.js';
import { StripeGateway } from './stripe-gateway.js';
import { outbox, processedEvents } from './tables.js';
import { webhookRoute } from './webhooks.js';
import { WebMoneyGateway } from './webmoney-gateway.js';
import { webmoneyRoute } from './webmoney-route.js';
import { TestGateway } from './test-gateway.js';
import { YooKassaGateway } from './yookassa-gateway.js';

export type { BillingDeps } from './deps.js';

export const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

/** The gateways the settings have keys for. */
export function gatewaysFromEnv(env: SubgraphDeps['env']): PaymentGateways {
  const gateways: PaymentGateways = {};
  if (env?.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET) {
    gateways.stripe = new StripeGateway({
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      apiUrl: env.STRIPE_API_URL,
    });
  }
  if (env?.YOOKASSA_SHOP_ID && env.YOOKASSA_SECRET_KEY) {
    gateways.yandex_kassa = new YooKassaGateway({
      shopId: env.YOOKASSA_SHOP_ID,
      secretKey: env.YOOKASSA_SECRET_KEY,
      apiUrl: env.YOOKASSA_API_URL,
    });
  }
  if (env?.SBERBANK_USERNAME && env.SBERBANK_PASSWORD && env.SBERBANK_CALLBACK_TOKEN) {
    gateways.sberbank = new SberbankGateway({
      userName: env.SBERBANK_USERNAME,
      password: env.SBERBANK_PASSWORD,
      callbackToken: env.SBERBANK_CALLBACK_TOKEN,
      apiUrl: env.SBERBANK_API_URL,
    });
  }
  if (env?.WEBMONEY_PURSES && env.WEBMONEY_SECRET_KEY) {
    gateways.webmoney = new WebMoneyGateway({
      purses: env.WEBMONEY_PURSES.split(','),
      secretKey: env.WEBMONEY_SECRET_KEY,
      merchantUrl: env.WEBMONEY_MERCHANT_URL,
      acceptTestMode: env.NODE_ENV !== 'production',
    });
  }
  if (testGatewayEnabled(env)) gateways.test = new TestGateway(env?.NODE_ENV);
  return gateways;
}

/** The development gateway: on outside production unless turned off; never in production. */
export function testGatewayEnabled(env: SubgraphDeps['env']): boolean {
  if (!env || env.NODE_ENV === 'production') return false;
  return env.BILLING_TEST_GATEWAY !== 'off';
}

/** The billing dependencies: the shared ones plus the configured gateways and grace period. */
export function billingDeps(base: SubgraphDeps, overrides: Partial<BillingDeps> = {}): BillingDeps {
  return {
    ...base,
    gateways: overrides.gateways ?? gatewaysFromEnv(base.env),
    graceDays: overrides.graceDays ?? base.env?.BILLING_GRACE_DAYS ?? DEFAULT_GRACE_DAYS,
    returnUrl:
      overrides.returnUrl ??
      base.env?.BILLING_RETURN_URL ??
      `${(base.env?.PUBLIC_APP_URL ?? 'http://localhost:3000').replace(/\/$/, '')}/billing/return`,
  };
}

/** Plans, subscriptions, payments and refunds: who pays for what, and what it entitles them to. */
export function createSubgraph(base: SubgraphDeps, overrides: Partial<BillingDeps> = {}): Subgraph {
  const deps = billingDeps(base, overrides);
  return defineSubgraph(deps, {
    name: 'billing',
    typeDefs,
    resolvers: {
      Query: queryResolvers(deps),
      Mutation: mutationResolvers(deps),
      User: userResolvers(deps),
      TrainerClient: trainerClientResolvers(deps),
      SubscriptionPlan: subscriptionPlanResolvers(deps),
      UserSubscription: userSubscriptionResolvers(deps),
      Payment: paymentResolvers(deps),
      PaymentNextAction: paymentNextActionResolvers(),
      Refund: refundResolvers(deps),
    },
    routes: [
      webhookRoute(deps, 'stripe', '/webhooks/stripe'),
      webhookRoute(deps, 'yandex_kassa', '/webhooks/yookassa'),
      webhookRoute(deps, 'sberbank', '/webhooks/sberbank'),
      webmoneyRoute(deps, '/webhooks/webmoney'),
    ],
    background: [
      new OutboxRelay(deps.database, outbox, deps.bus, 'billing', deps.log),
      eventConsumer({
        group: 'billing',
        database: deps.database,
        bus: deps.bus,
        processedEvents,
        log: deps.log,
        handlers: {
          'user.deleted': (tx, event) => eraseUser(tx, event.payload, deps),
          ...coaching.handlers(),
        },
      }),
      new RenewalWorker(deps, (base.env?.BILLING_RENEWAL_INTERVAL_SECONDS ?? 3600) * 1000),
    ],
  });
}
