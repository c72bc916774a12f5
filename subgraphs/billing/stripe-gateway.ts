import Stripe from 'stripe';
import {
  type ChargeRequest,
  MethodRejected,
  countryOrNull,
  GatewayUnavailable,
  type GatewayNotification,
  last4OrNull,
  type PaymentGateway,
  type PaymentOutcome,
  type RefundOutcome,
  type RefundRequest,
  WebhookRejected,
} from './gateways.js';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Where the API is, e.g. http://127.0.0.1:12111 for a local server; Stripe's own when unset. */
  apiUrl?: string;
  /** Seconds a signed webhook stays acceptable. */
  toleranceSeconds?: number;
}

/** Webhook signatures older than this are refused (Stripe's own default). */
export const STRIPE_WEBHOOK_TOLERANCE_SECONDS = 300;

function intentOutcome(intent: Stripe.PaymentIntent, method?: Stripe.PaymentMethod | null): PaymentOutcome {
  const status =
    intent.status === 'succeeded'
      ? 'completed'
      : intent.status === 'canceled' || intent.status === 'requires_payment_method'
        ? 'failed'
        : 'pending';
  return {
    status,
    intentId: intent.id,
    cardLast4: last4OrNull(method?.card?.last4),
    payerName: method?.billing_details?.name ?? null,
    payerCountry: countryOrNull(method?.billing_details?.address?.country ?? method?.card?.country),
    failureReason: status === 'failed' ? (intent.last_payment_error?.message ?? 'declined') : null,
    // 3-D Secure and the like: the payer confirms with Stripe.js using the intent's client secret.
    nextAction:
      intent.status === 'requires_action' && intent.client_secret
        ? { type: 'client_secret', clientSecret: intent.client_secret }
        : null,
  };
}

/**
 * Currencies billing offers through Stripe: a subset of Stripe's presentment currencies whose
 * minor units money.ts knows (two decimals, or none for JPY).
 */
export const STRIPE_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'JPY',
] as const;

/** Stripe through its SDK: PaymentIntents keyed by our idempotency keys, signed webhooks. */
export class StripeGateway implements PaymentGateway {
  readonly name = 'stripe' as const;
  readonly currencies = STRIPE_CURRENCIES;
  private readonly stripe: Stripe;

  constructor(private readonly settings: StripeSettings) {
    const url = settings.apiUrl ? new URL(settings.apiUrl) : null;
    this.stripe = new Stripe(settings.secretKey, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      ...(url
        ? {
            host: url.hostname,
            port: url.port ? Number(url.port) : undefined,
            protocol: url.protocol === 'http:' ? 'http' : 'https',
          }
        : {}),
    });
  }

  /** A Customer with the method attached: Stripe charges a saved method off-session only through one. */
  async saveMethod(paymentMethod: string, metadata: Record<string, string>, idempotencyKey: string) {
    try {
      const customer = await this.stripe.customers.create(
        { payment_method: paymentMethod, metadata },
        { idempotencyKey: `customer:${idempotencyKey}` },
      );
      return customer.id;
    } catch (error) {
      if (
        error instanceof Stripe.errors.StripeInvalidRequestError ||
        error instanceof Stripe.errors.StripeCardError
      ) {
        throw new MethodRejected(error.message);
      }
      throw new GatewayUnavailable(`stripe: ${(error as Error).message}`);
    }
  }

  async charge(request: ChargeRequest): Promise<PaymentOutcome> {
    try {
      const method = await this.stripe.paymentMethods.retrieve(request.paymentMethod);
      const customer =
        request.customer ??
        (
          await this.stripe.customers.create(
            { payment_method: request.paymentMethod, metadata: request.metadata },
            { idempotencyKey: `customer:${request.idempotencyKey}` },
          )
        ).id;
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: request.amountCents,
          currency: request.currency.toLowerCase(),
          customer,
          payment_method: request.paymentMethod,
          confirm: true,
          off_session: request.offSession,
          ...(request.offSession ? {} : { setup_future_usage: 'off_session' as const }),
          description: request.description,
          metadata: request.metadata,
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return { ...intentOutcome(intent, method), customerId: customer };
    } catch (error) {
      if (error instanceof Stripe.errors.StripeCardError) {
        const intent = (error.raw as { payment_intent?: Stripe.PaymentIntent }).payment_intent;
        return {
          status: 'failed',
          intentId: intent?.id ?? `declined_${request.idempotencyKey}`,
          failureReason: error.message,
        };
      }
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') {
        return {
          status: 'failed',
          intentId: `invalid_${request.idempotencyKey}`,
          failureReason: 'unknown payment method',
        };
      }
      throw new GatewayUnavailable(`stripe: ${(error as Error).message}`);
    }
  }

  async retrieve(intentId: string): Promise<PaymentOutcome | null> {
    try {
      const intent = await this.stripe.paymentIntents.retrieve(intentId);
      const method =
        typeof intent.payment_method === 'string'
          ? await this.stripe.paymentMethods.retrieve(intent.payment_method).catch(() => null)
          : intent.payment_method;
      return intentOutcome(intent, method);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError) return null;
      throw new GatewayUnavailable(`stripe: ${(error as Error).message}`);
    }
  }

  async refund(request: RefundRequest): Promise<RefundOutcome> {
    try {
      const refund = await this.stripe.refunds.create(
        {
          payment_intent: request.intentId,
          amount: request.amountCents,
          metadata: {
            refundId: request.refundId,
            ...(request.reason ? { reason: request.reason.slice(0, 500) } : {}),
          },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return { refundId: refund.id, status: refundStatus(refund.status) };
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError) {
        return { refundId: `rejected_${request.idempotencyKey}`, status: 'failed' };
      }
      throw new GatewayUnavailable(`stripe: ${(error as Error).message}`);
    }
  }

  async parseWebhook(
    body: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<GatewayNotification> {
    const signature = headers['stripe-signature'];
    let event: Stripe.Event;
    try {
      event = await this.stripe.webhooks.constructEventAsync(
        body,
        Array.isArray(signature) ? (signature[0] ?? '') : (signature ?? ''),
        this.settings.webhookSecret,
        this.settings.toleranceSeconds ?? STRIPE_WEBHOOK_TOLERANCE_SECONDS,
      );
    } catch (error) {
      throw new WebhookRejected((error as Error).message);
    }
    switch (event.type) {
      case 'payment_intent.succeeded':
      case 'payment_intent.payment_failed': {
        const intent = event.data.object;
        // The event carries the intent; the card's last 4 and payer come from its payment method.
        let method: Stripe.PaymentMethod | null = null;
        if (typeof intent.payment_method === 'string') {
          method = await this.stripe.paymentMethods.retrieve(intent.payment_method).catch(() => null);
        } else if (intent.payment_method) {
          method = intent.payment_method;
        }
        const outcome = intentOutcome(intent, method);
        // A payment_failed event always means failed, even where the intent awaits a new method.
        if (event.type === 'payment_intent.payment_failed') outcome.status = 'failed';
        const paymentId = typeof intent.metadata?.paymentId === 'string' ? intent.metadata.paymentId : null;
        return { eventId: event.id, type: 'payment', intentId: intent.id, paymentId, outcome };
      }
      case 'charge.refunded': {
        const charge = event.data.object;
        const intentId =
          typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
        if (!intentId) return { eventId: event.id, type: 'ignored' };
        const refunds = (charge.refunds?.data ?? []).map((r) => ({
          refundId: r.id,
          status: refundStatus(r.status),
          ourId: typeof r.metadata?.refundId === 'string' ? r.metadata.refundId : null,
          amountCents: typeof r.amount === 'number' ? r.amount : null,
          currency: typeof r.currency === 'string' ? r.currency.toUpperCase() : null,
        }));
        return { eventId: event.id, type: 'refund', intentId, refunds };
      }
      default:
        return { eventId: event.id, type: 'ignored' };
    }
  }
}

function refundStatus(status: string | null): RefundOutcome['status'] {
  return status === 'succeeded'
    ? 'succeeded'
    : status === 'failed' || status === 'canceled'
      ? 'failed'
      : 'pending';
}
