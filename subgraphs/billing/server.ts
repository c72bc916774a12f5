import { readFileSync } from 'node:fs';
import { eventConsumer } from '../../kit/events/consumer.js';
import { OutboxRelay } from '../../kit/events/outbox.js';
import { defineSubgraph, type Subgraph, type SubgraphDeps } from '../../kit/subgraph.js';
import { PeriodClaims } from '../../kit/periodic-claims.js';
import { coaching } from './coaching.js';
import type { BillingDeps } from './deps.js';
import { eraseUser } from './gdpr.js';
import type { PaymentGateways } from './gateways.js';
import { RenewalWorker } from './workers/renew.js';
import { mutationResolvers } from './resolvers/Mutation.js';
import { queryResolvers } from './resolvers/Query.js';
import { subscriptionResolvers } from './resolvers/Subscription.js';
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
import { outbox, periodicRuns, processedEvents } from './tables.js';
import { webhookRoute } from './webhooks.js';
import { WebMoneyGateway } from './webmoney-gateway.js';
import { webmoneyRoute } from './webmoney-route.js';
import { TestGateway } from './test-gateway.js';
import { YooKassaGateway } from './yookassa-gateway.js';

export type { BillingDeps } from './deps.js';

export const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

/** The gateways the deployment configured (env.features; each on only with all its keys). */
export function gatewaysFromEnv(env: SubgraphDeps['env']): PaymentGateways {
  const { stripe, yookassa, sberbank, webmoney } = env.features;
  const gateways: PaymentGateways = {};
  if (stripe) gateways.stripe = new StripeGateway(stripe);
  if (yookassa) gateways.yandex_kassa = new YooKassaGateway(yookassa);
  if (sberbank) gateways.sberbank = new SberbankGateway(sberbank);
  if (webmoney)
    gateways.webmoney = new WebMoneyGateway({ ...webmoney, acceptTestMode: env.NODE_ENV !== 'production' });
  if (testGatewayEnabled(env)) gateways.test = new TestGateway(env.NODE_ENV);
  return gateways;
}

/** The development gateway: on outside production unless turned off; never in production. */
export function testGatewayEnabled(env: SubgraphDeps['env']): boolean {
  if (env.NODE_ENV === 'production') return false;
  return env.BILLING_TEST_GATEWAY !== 'off';
}

/** The billing dependencies: the shared ones plus the configured gateways and grace period. */
export function billingDeps(base: SubgraphDeps, overrides: Partial<BillingDeps> = {}): BillingDeps {
  return {
    ...base,
    gateways: overrides.gateways ?? gatewaysFromEnv(base.env),
    graceDays: overrides.graceDays ?? base.env.BILLING_GRACE_DAYS,
    returnUrl:
      overrides.returnUrl ??
      base.env.BILLING_RETURN_URL ??
      `${base.env.PUBLIC_APP_URL.replace(/\/$/, '')}/billing/return`,
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
      Subscription: subscriptionResolvers(deps),
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
    ],
    workers: [
      new RenewalWorker(
        deps,
        base.env.BILLING_RENEWAL_INTERVAL_SECONDS * 1000,
        new PeriodClaims(deps.database, periodicRuns),
      ),
    ],
  });
}
