import type { NextAction } from './next-action.js';
import type { PaymentGatewayName } from './tables.js';

export type { NextAction } from './next-action.js';

/** A charge the billing code asks a gateway for; amounts in minor units, never card data. */
export interface ChargeRequest {
  amountCents: number;
  currency: string;
  /** The gateway's reference to a saved payment method (Stripe pm_..., YooKassa payment_method_id). */
  paymentMethod: string;
  /** The payment row's idempotency key: a retried charge is the same charge at the gateway. */
  idempotencyKey: string;
  description: string;
  metadata: { paymentId: string; subscriptionId: string };
  /** True for renewals, when the customer is not present. */
  offSession: boolean;
  /** The gateway's customer the method is saved on, once known. */
  customer?: string | null;
  /** Where a gateway sends the payer back after its own page (redirect confirmations). */
  returnUrl?: string | null;
}

/** What a gateway says about a payment; whatever it knows of the payer, never a card number. */
export interface PaymentOutcome {
  status: 'completed' | 'failed' | 'pending';
  intentId: string;
  cardLast4?: string | null;
  payerName?: string | null;
  payerCountry?: string | null;
  failureReason?: string | null;
  /** The gateway's customer the method is now saved on (for later off-session charges). */
  customerId?: string | null;
  /** For a pending payment: what the payer must do for it to settle. */
  nextAction?: NextAction | null;
}

export interface RefundRequest {
  intentId: string;
  amountCents: number;
  currency: string;
  idempotencyKey: string;
  reason: string | null;
  /** Our refund id, sent as metadata so a webhook can name it even before the call returns. */
  refundId: string;
}

export interface RefundOutcome {
  /** `manual`: the gateway has no refund call; an admin returns the money by hand. */
  status: 'succeeded' | 'failed' | 'pending' | 'manual';
  refundId: string;
  /** Our refund id, when the gateway echoes it back (metadata). */
  ourId?: string | null;
  /** The amount in minor units and its currency, as the gateway reports it (webhooks). */
  amountCents?: number | null;
  currency?: string | null;
}

/** A gateway notification, verified and normalized; `eventId` is recorded so it applies once. */
export type GatewayNotification =
  | {
      eventId: string;
      type: 'payment';
      intentId: string;
      paymentId: string | null;
      outcome: PaymentOutcome;
      /** What the notification says was paid, where it says (WebMoney); checked against the payment. */
      paid?: { amountCents: number; currency: string };
    }
  | { eventId: string; type: 'refund'; intentId: string; refunds: RefundOutcome[] }
  | { eventId: string; type: 'ignored' };

/** Every payment goes through this; Stripe and YooKassa implement it. */
export interface PaymentGateway {
  readonly name: PaymentGatewayName;
  /** ISO 4217 codes this gateway (as configured) takes payments in. */
  readonly currencies: readonly string[];
  charge(request: ChargeRequest): Promise<PaymentOutcome>;
  /**
   * The gateway's current word on a payment it knows by `intentId` (asked when the payer returns
   * from a confirmation step); null when the gateway has no way to tell.
   */
  retrieve(intentId: string): Promise<PaymentOutcome | null>;
  /**
   * Saves a method for later off-session charges without charging it (a trial); returns the
   * gateway's customer id, or null where the method id alone can be charged again.
   */
  saveMethod(
    paymentMethod: string,
    metadata: Record<string, string>,
    idempotencyKey: string,
  ): Promise<string | null>;
  refund(request: RefundRequest): Promise<RefundOutcome>;
  /** Verifies and normalizes a webhook; throws WebhookRejected when it cannot be trusted. */
  parseWebhook(
    body: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<GatewayNotification>;
}

/** A webhook that failed verification (bad signature, too old, or not confirmed by the gateway). */
export class WebhookRejected extends Error {}

/** The gateway refused to save a payment method (unknown, invalid). */
export class MethodRejected extends Error {}

/** A gateway that could not be reached or answered with an error that is not a decline. */
export class GatewayUnavailable extends Error {}

export type PaymentGateways = Partial<Record<PaymentGatewayName, PaymentGateway>>;

/** Two-letter country codes upper-cased; anything else dropped. */
export function countryOrNull(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : null;
}

export function last4OrNull(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}$/.test(value) ? value : null;
}
