import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  type ChargeRequest,
  GatewayUnavailable,
  type GatewayNotification,
  last4OrNull,
  MethodRejected,
  type PaymentGateway,
  type PaymentOutcome,
  type RefundOutcome,
  type RefundRequest,
  WebhookRejected,
} from './gateways.js';

export interface SberbankSettings {
  userName: string;
  password: string;
  /** The token Sberbank signs callbacks with (HMAC-SHA256, "symmetric" checksum). */
  callbackToken: string;
  /** The REST root, https://securepayments.sberbank.ru/payment/rest unless pointed elsewhere (3dsec for tests). */
  apiUrl?: string;
}

/** ISO 4217 numeric codes register.do takes; Sberbank acquiring settles in roubles. */
const NUMERIC_CURRENCY: Record<string, string> = { RUB: '643' };

/** getOrderStatusExtended.do's orderStatus values. */
const ORDER_STATUS = {
  registered: 0,
  held: 1,
  deposited: 2,
  reversed: 3,
  refunded: 4,
  acsAuthorization: 5,
  declined: 6,
} as const;

interface SberAnswer {
  errorCode?: string | number;
  errorMessage?: string;
}

interface SberRegistered extends SberAnswer {
  orderId?: string;
  formUrl?: string;
}

interface SberOrder extends SberAnswer {
  orderNumber?: string;
  orderStatus?: number;
  actionCodeDescription?: string;
  amount?: number;
  currency?: string;
  cardAuthInfo?: { maskedPan?: string; pan?: string; cardholderName?: string };
  bindingInfo?: { clientId?: string; bindingId?: string };
  merchantOrderParams?: { name: string; value: string }[];
}

/** Sberbank's order numbers are at most 32 characters: our payment id without its dashes. */
export const sberOrderNumber = (paymentId: string) => paymentId.replace(/-/g, '');

/** Back from the order number to our payment id (a UUID), or null. */
function paymentIdOf(orderNumber: string | undefined): string | null {
  if (!orderNumber || !/^[0-9a-f]{32}$/i.test(orderNumber)) return null;
  const h = orderNumber.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The callback checksum: every parameter but `checksum` and `sign_alias`, sorted by name, written
 * as `name;value;` one after another, HMAC-SHA256 with the callback token, upper-case hex.
 */
export function sberbankChecksum(params: URLSearchParams, token: string): string {
  const names = [...new Set(params.keys())]
    .filter((name) => name !== 'checksum' && name !== 'sign_alias')
    .sort();
  const text = names.map((name) => `${name};${params.get(name) ?? ''};`).join('');
  return createHmac('sha256', token).update(text, 'utf8').digest('hex').toUpperCase();
}

/**
 * Sberbank internet acquiring through its REST API (register.do, getOrderStatusExtended.do,
 * refund.do, paymentOrderBinding.do): form-encoded POSTs with the merchant's API login. The payer
 * enters the card on Sberbank's page (register.do's formUrl), so a first payment is always
 * pending with a redirect; the card is bound to the subscription (clientId) and renewals are
 * charged with that binding. Callbacks are trusted only with a valid checksum, and even then the
 * order is fetched again and only that answer is applied.
 */
export class SberbankGateway implements PaymentGateway {
  readonly name = 'sberbank' as const;
  readonly currencies = ['RUB'] as const;
  private readonly base: string;

  constructor(private readonly settings: SberbankSettings) {
    this.base = (settings.apiUrl ?? 'https://securepayments.sberbank.ru/payment/rest').replace(/\/$/, '');
  }

  private async call<T extends SberAnswer>(method: string, params: Record<string, string>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.base}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          userName: this.settings.userName,
          password: this.settings.password,
          ...params,
        }).toString(),
        signal: AbortSignal.timeout(20_000),
      });
    } catch (error) {
      throw new GatewayUnavailable(`sberbank: ${(error as Error).message}`);
    }
    if (!response.ok) throw new GatewayUnavailable(`sberbank: HTTP ${response.status}`);
    try {
      return (await response.json()) as T;
    } catch {
      throw new GatewayUnavailable('sberbank: not JSON');
    }
  }

  private outcome(orderId: string, order: SberOrder): PaymentOutcome {
    const status =
      order.orderStatus === ORDER_STATUS.deposited || order.orderStatus === ORDER_STATUS.refunded
        ? 'completed'
        : order.orderStatus === ORDER_STATUS.declined || order.orderStatus === ORDER_STATUS.reversed
          ? 'failed'
          : 'pending';
    const pan = order.cardAuthInfo?.maskedPan ?? order.cardAuthInfo?.pan ?? '';
    return {
      status,
      intentId: orderId,
      cardLast4: last4OrNull(pan.slice(-4)),
      payerName: order.cardAuthInfo?.cardholderName || null,
      payerCountry: null,
      failureReason: status === 'failed' ? order.actionCodeDescription || 'declined' : null,
      customerId: status === 'completed' ? (order.bindingInfo?.bindingId ?? null) : null,
    };
  }

  /** Sberbank binds a card only through a paid order, so a trial cannot save one. */
  async saveMethod(): Promise<string | null> {
    throw new MethodRejected('Sberbank saves a card only with a payment; choose a plan without a trial');
  }

  async charge(request: ChargeRequest): Promise<PaymentOutcome> {
    const currency = NUMERIC_CURRENCY[request.currency];
    const orderNumber = sberOrderNumber(request.metadata.paymentId);
    if (!currency) {
      return {
        status: 'failed',
        intentId: `rejected_${orderNumber}`,
        failureReason: 'currency not accepted',
      };
    }
    if (request.offSession && !request.customer) {
      return {
        status: 'failed',
        intentId: `unbound_${orderNumber}`,
        failureReason: 'no card bound for renewals',
      };
    }
    const returnUrl = request.returnUrl ?? 'https://example.invalid/billing/return';
    const registered = await this.call<SberRegistered>('register.do', {
      orderNumber,
      amount: String(request.amountCents),
      currency,
      returnUrl,
      failUrl: returnUrl,
      description: request.description.slice(0, 512),
      // The card the payer enters is bound to the subscription, for renewals without them.
      clientId: request.metadata.subscriptionId,
      jsonParams: JSON.stringify({ paymentId: request.metadata.paymentId }),
    });
    let orderId = registered.orderId;
    if (String(registered.errorCode ?? '0') !== '0' || !orderId) {
      // Code 1: this order number is registered already (a retry after a lost answer): the order
      // is found by its number, and its state is the answer.
      if (String(registered.errorCode) !== '1') {
        return {
          status: 'failed',
          intentId: `rejected_${orderNumber}`,
          failureReason: (registered.errorMessage ?? 'rejected by the gateway').slice(0, 200),
        };
      }
      const order = await this.call<SberOrder & { orderId?: string }>('getOrderStatusExtended.do', {
        orderNumber,
      });
      orderId = order.orderId ?? orderNumber;
      return this.outcome(orderId, order);
    }
    if (!request.offSession) {
      return {
        status: 'pending',
        intentId: orderId,
        nextAction: registered.formUrl ? { type: 'redirect', url: registered.formUrl } : null,
      };
    }
    const paid = await this.call<SberAnswer>('paymentOrderBinding.do', {
      mdOrder: orderId,
      bindingId: request.customer!,
    });
    if (String(paid.errorCode ?? '0') !== '0') {
      return {
        status: 'failed',
        intentId: orderId,
        failureReason: (paid.errorMessage ?? 'declined').slice(0, 200),
      };
    }
    return this.outcome(orderId, await this.call<SberOrder>('getOrderStatusExtended.do', { orderId }));
  }

  async retrieve(intentId: string): Promise<PaymentOutcome | null> {
    if (!/^[\w-]{1,64}$/.test(intentId)) return null;
    const order = await this.call<SberOrder>('getOrderStatusExtended.do', { orderId: intentId });
    if (order.orderStatus === undefined) return null;
    return this.outcome(intentId, order);
  }

  /**
   * refund.do answers at once (errorCode 0: the money is on its way back), so the refund is
   * settled by this answer; it names no refund of its own, so ours is used as its id.
   */
  async refund(request: RefundRequest): Promise<RefundOutcome> {
    const answer = await this.call<SberAnswer>('refund.do', {
      orderId: request.intentId,
      amount: String(request.amountCents),
    });
    const ok = String(answer.errorCode ?? '0') === '0';
    return { refundId: `sber_${request.refundId}`, status: ok ? 'succeeded' : 'failed' };
  }

  /** A callback (POSTed form): the checksum first, then the order as getOrderStatusExtended.do tells it. */
  async parseWebhook(body: Buffer): Promise<GatewayNotification> {
    const params = new URLSearchParams(body.toString('utf8'));
    const checksum = params.get('checksum') ?? '';
    const expected = sberbankChecksum(params, this.settings.callbackToken);
    if (
      !/^[0-9A-Fa-f]{64}$/.test(checksum) ||
      !timingSafeEqual(Buffer.from(checksum.toUpperCase()), Buffer.from(expected))
    ) {
      throw new WebhookRejected('bad checksum');
    }
    const orderId = params.get('mdOrder') ?? '';
    const operation = params.get('operation') ?? '';
    if (!/^[\w-]{1,64}$/.test(orderId)) throw new WebhookRejected('no order');
    const eventId = `${orderId}:${operation}:${params.get('status') ?? ''}`;
    // Refunds are settled by refund.do's own answer; the callback names no refund to match.
    if (!['deposited', 'declinedByTimeout', 'reversed', 'approved'].includes(operation)) {
      return { eventId, type: 'ignored' };
    }
    const order = await this.call<SberOrder>('getOrderStatusExtended.do', { orderId });
    if (order.orderStatus === undefined) throw new WebhookRejected('unknown order');
    return {
      // The state fetched is part of the id: a callback that came before the order settled can
      // be delivered again and still apply once it has.
      eventId: `${eventId}:${order.orderStatus}`,
      type: 'payment',
      intentId: orderId,
      paymentId: paymentIdOf(params.get('orderNumber') ?? order.orderNumber),
      outcome: this.outcome(orderId, order),
    };
  }
}
