import { createHash } from 'node:crypto';
import {
  type ChargeRequest,
  type GatewayNotification,
  MethodRejected,
  type PaymentGateway,
  type PaymentOutcome,
  type RefundOutcome,
  type RefundRequest,
  WebhookRejected,
} from './gateways.js';
import { STRIPE_CURRENCIES } from './stripe-gateway.js';

/**
 * The payment method tokens the development gateway knows: a card that pays, one that is
 * declined, and one that asks for a confirmation step (as 3-D Secure would) before it pays.
 */
export const TEST_PAYMENT_METHODS = ['test_success', 'test_decline', 'test_requires_action'] as const;
export type TestPaymentMethod = (typeof TEST_PAYMENT_METHODS)[number];

const isTestMethod = (value: string): value is TestPaymentMethod =>
  (TEST_PAYMENT_METHODS as readonly string[]).includes(value);

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 24);

/** Every currency the real gateways take, so any plan can be tried without keys. */
export const TEST_CURRENCIES = [...STRIPE_CURRENCIES, 'RUB'] as const;

/**
 * The development gateway (`test`): in-process, no HTTP and no keys, so the example web app and
 * frontends can run the whole subscribe flow on the embedded start. It goes through the same
 * interface and lifecycle as the real gateways: a charge answers completed, failed, or pending
 * with a confirmation step, and that step settles through confirm() the way a webhook would.
 * Outcomes follow from the token alone (the same key gives the same intent); only confirmations
 * are remembered, in memory. Never enabled in production: the constructor refuses it.
 */
export class TestGateway implements PaymentGateway {
  readonly name = 'test' as const;
  readonly currencies = TEST_CURRENCIES;
  /** Confirmed or refused intents; anything else follows from its token. */
  private readonly confirmed = new Map<string, boolean>();

  constructor(nodeEnv: string | undefined) {
    if (nodeEnv === 'production') {
      throw new Error('The TEST payment gateway is never enabled in production.');
    }
  }

  async saveMethod(paymentMethod: string): Promise<string | null> {
    if (!isTestMethod(paymentMethod)) throw new MethodRejected('unknown test payment method');
    return null;
  }

  async charge(request: ChargeRequest): Promise<PaymentOutcome> {
    const intentId = `test_pi_${digest(request.idempotencyKey)}`;
    const method = request.paymentMethod;
    const settled = this.confirmed.get(intentId);
    if (settled !== undefined) return this.settledOutcome(intentId, settled);
    if (!isTestMethod(method)) {
      return { status: 'failed', intentId, failureReason: 'unknown payment method' };
    }
    if (method === 'test_decline') {
      return { status: 'failed', intentId, failureReason: 'Your card was declined (test_decline).' };
    }
    // A renewal charges without the payer: the card was authenticated with the first payment.
    if (method === 'test_requires_action' && !request.offSession) {
      return { status: 'pending', intentId, nextAction: { type: 'confirm_test' } };
    }
    return this.settledOutcome(intentId, true);
  }

  async retrieve(intentId: string): Promise<PaymentOutcome | null> {
    const settled = this.confirmed.get(intentId);
    return settled === undefined ? null : this.settledOutcome(intentId, settled);
  }

  /**
   * The payer's answer to the confirmation step (what a bank's 3-D Secure page does), as the
   * notification a real gateway would send; the caller applies it like a webhook.
   */
  confirm(intentId: string, succeed: boolean): GatewayNotification {
    const previous = this.confirmed.get(intentId);
    const outcome = previous ?? succeed;
    this.confirmed.set(intentId, outcome);
    return {
      eventId: `confirm:${intentId}`,
      type: 'payment',
      intentId,
      paymentId: null,
      outcome: this.settledOutcome(intentId, outcome),
    };
  }

  /** Refunds always succeed: the amounts are billing's own to check (the database refuses excess). */
  async refund(request: RefundRequest): Promise<RefundOutcome> {
    return { status: 'succeeded', refundId: `test_re_${digest(request.idempotencyKey)}` };
  }

  async parseWebhook(): Promise<GatewayNotification> {
    throw new WebhookRejected('the test gateway sends no webhooks; confirmTestPayment settles its payments');
  }

  private settledOutcome(intentId: string, succeeded: boolean): PaymentOutcome {
    return succeeded
      ? { status: 'completed', intentId, cardLast4: '4242', payerCountry: null, payerName: null }
      : { status: 'failed', intentId, failureReason: 'The payer did not confirm the payment.' };
  }
}
