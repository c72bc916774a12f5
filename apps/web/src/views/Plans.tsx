import {
  MyBillingDocument,
  PaymentGatewaysDocument,
  SubscribeDocument,
  SubscriptionPlansDocument,
} from '@fitness/client';
import { useState } from 'react';
import { client, describeError, money } from '../api';
import { Empty, Query, useQuery } from '../ui';

/**
 * The plans and subscribing. In development the TEST gateway takes the payment (no money, token
 * `test_success`); where no gateway this app can drive is on, the plans are listed with a note.
 */
export function PlansView({ signedIn }: { signedIn: boolean }) {
  const plans = useQuery(SubscriptionPlansDocument, { first: 50 });
  const gateways = useQuery(PaymentGatewaysDocument, {});
  const testGateway = gateways.data?.paymentGateways.find((g) => g.gateway === 'TEST');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [billingKey, setBillingKey] = useState(0);

  async function subscribe(planId: string) {
    setBusy(planId);
    setMessage(null);
    try {
      const { subscribe: result } = await client.data(SubscribeDocument, {
        planId,
        paymentMethod: { gateway: 'TEST', token: 'test_success' },
        idempotencyKey: crypto.randomUUID(),
      });
      switch (result.__typename) {
        case 'SubscriptionStarted':
          setMessage(
            result.subscription.isTrial ? 'Your trial has started.' : 'You are subscribed. Thank you!',
          );
          break;
        case 'AlreadySubscribed':
          setMessage('You already have an active subscription.');
          break;
        case 'CurrencyNotSupported':
          setMessage(`This plan's currency is not taken here (${result.supportedCurrencies.join(', ')}).`);
          break;
        case 'PaymentActionRequired':
          setMessage('The payment needs one more step at the payment provider.');
          break;
        default:
          setMessage('message' in result ? result.message : 'The subscription did not start.');
      }
      setBillingKey((k) => k + 1);
    } catch (caught) {
      setMessage(describeError(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="grid">
      <section className="card wide" aria-labelledby="plans-title">
        <h1 id="plans-title">Plans</h1>
        {gateways.status === 'ok' && !testGateway && (
          <p className="notice" data-testid="no-payments">
            Subscribing from this example app needs the development payment gateway (TEST), which is not
            available here. The plans are listed for reference.
          </p>
        )}
        {message && (
          <p className="notice" role="status">
            {message}
          </p>
        )}
        <Query result={plans}>
          {(data) =>
            data.subscriptionPlans.nodes.length === 0 ? (
              <Empty>No plans are on sale yet.</Empty>
            ) : (
              <ul className="plans">
                {data.subscriptionPlans.nodes.map((plan) => (
                  <li key={plan.id} className="plan" data-testid="plan">
                    <h2>{plan.name}</h2>
                    <p className="price">
                      {money(plan.priceCents, plan.currency)} / {plan.billingPeriod.toLowerCase()}
                    </p>
                    {plan.trialPeriodDays ? (
                      <p className="muted">{plan.trialPeriodDays}-day free trial</p>
                    ) : null}
                    {plan.description && <p>{plan.description}</p>}
                    {plan.features.length > 0 && (
                      <ul className="features">
                        {plan.features.map((feature) => (
                          <li key={feature}>{feature}</li>
                        ))}
                      </ul>
                    )}
                    {signedIn && testGateway ? (
                      <button type="button" disabled={busy !== null} onClick={() => void subscribe(plan.id)}>
                        {busy === plan.id ? 'Subscribing…' : 'Subscribe (test payment)'}
                      </button>
                    ) : !signedIn ? (
                      <a href="#/sign-in">Sign in to subscribe</a>
                    ) : null}
                  </li>
                ))}
              </ul>
            )
          }
        </Query>
      </section>
      {signedIn && <MySubscription key={billingKey} />}
    </div>
  );
}

function MySubscription() {
  const billing = useQuery(MyBillingDocument, {});
  return (
    <section className="card wide" aria-labelledby="billing-title">
      <h2 id="billing-title">Your subscription</h2>
      <Query result={billing}>
        {(data) => {
          const active = data.me?.activeSubscription;
          if (!active) return <Empty>No active subscription.</Empty>;
          return (
            <p data-testid="active-subscription">
              <strong>{active.plan.name}</strong> · {active.status.toLowerCase()}
              {active.isTrial && active.trialEndDate ? ` · trial until ${active.trialEndDate}` : ''}
              {active.renewalDate ? ` · renews ${active.renewalDate}` : ''}
            </p>
          );
        }}
      </Query>
    </section>
  );
}
