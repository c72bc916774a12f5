import {
  type ChargeRequest,
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
import { centsToDecimal, decimalToCents } from './money.js';

export interface YooKassaSettings {
  shopId: string;
  secretKey: string;
  /** The API root, https://api.yookassa.ru/v3 unless pointed elsewhere. */
  apiUrl?: string;
}

interface YooPayment {
  id: string;
  status: 'pending' | 'waiting_for_capture' | 'succeeded' | 'canceled';
  paid?: boolean;
  amount: { value: string; currency: string };
  payment_method?: {
    type?: string;
    id?: string;
    title?: string;
    card?: { last4?: string; issuer_country?: string; first6?: string };
  };
  cancellation_details?: { party?: string; reason?: string };
  metadata?: Record<string, string>;
  /** Present while the payer must act: `redirect` carries the page to send them to. */
  confirmation?: { type?: string; confirmation_url?: string };
}

interface YooRefund {
  id: string;
  payment_id: string;
  status: 'pending' | 'succeeded' | 'canceled';
  amount: { value: string; currency: string };
  metadata?: Record<string, string>;
}

/** A refund's amount in minor units, or null when YooKassa's value is not an exact amount. */
function refundCents(refund: YooRefund): number | null {
  try {
    return decimalToCents(refund.amount.value, refund.amount.currency);
  } catch {
    return null;
  }
}

/**
 * YooKassa API v3 (the seed's `yandex_kassa`): basic auth with the shop id and secret key, an
 * Idempotence-Key on every POST, amounts as decimal strings. Notifications carry no signature,
 * so the object they name is fetched again from the API and only that answer is trusted.
 */
export class YooKassaGateway implements PaymentGateway {
  readonly name = 'yandex_kassa' as const;
  /** YooKassa takes roubles; other currencies need a separate agreement with it. */
  readonly currencies = ['RUB'] as const;
  private readonly base: string;
  private readonly auth: string;

  constructor(settings: YooKassaSettings) {
    this.base = (settings.apiUrl ?? 'https://api.yookassa.ru/v3').replace(/\/$/, '');
    this.auth = `Basic ${Buffer.from(`${settings.shopId}:${settings.secretKey}`).toString('base64')}`;
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    idempotenceKey?: string,
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          authorization: this.auth,
          'content-type': 'application/json',
          ...(idempotenceKey ? { 'idempotence-key': idempotenceKey } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(20_000),
      });
    } catch (error) {
      throw new GatewayUnavailable(`yookassa: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (!response.ok) {
      const error = new GatewayUnavailable(`yookassa: HTTP ${response.status}`);
      (error as { status?: number }).status = response.status;
      throw error;
    }
    return JSON.parse(text) as T;
  }

  private outcome(payment: YooPayment): PaymentOutcome {
    const status =
      payment.status === 'succeeded' ? 'completed' : payment.status === 'canceled' ? 'failed' : 'pending';
    return {
      status,
      intentId: payment.id,
      cardLast4: last4OrNull(payment.payment_method?.card?.last4),
      payerName: null,
      payerCountry: countryOrNull(payment.payment_method?.card?.issuer_country),
      failureReason: status === 'failed' ? (payment.cancellation_details?.reason ?? 'canceled') : null,
      nextAction:
        status === 'pending' && payment.confirmation?.confirmation_url
          ? { type: 'redirect', url: payment.confirmation.confirmation_url }
          : null,
    };
  }

  /** A saved YooKassa payment_method_id is charged again by itself; there is no customer object. */
  async saveMethod(): Promise<string | null> {
    return null;
  }

  async charge(request: ChargeRequest): Promise<PaymentOutcome> {
    // Idempotence keys are at most 64 characters in YooKassa.
    const key = request.idempotencyKey.slice(0, 64);
    try {
      const payment = await this.call<YooPayment>(
        'POST',
        '/payments',
        {
          amount: {
            value: centsToDecimal(request.amountCents, request.currency),
            currency: request.currency,
          },
          capture: true,
          payment_method_id: request.paymentMethod,
          // With the payer present YooKassa may ask for 3-D Secure on its page and send them back here.
          ...(!request.offSession && request.returnUrl
            ? { confirmation: { type: 'redirect', return_url: request.returnUrl } }
            : {}),
          description: request.description.slice(0, 128),
          metadata: request.metadata,
        },
        key,
      );
      return this.outcome(payment);
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 400 || status === 404) {
        return { status: 'failed', intentId: `rejected_${key}`, failureReason: 'rejected by the gateway' };
      }
      throw error;
    }
  }

  async retrieve(intentId: string): Promise<PaymentOutcome | null> {
    if (!/^[\w-]{1,64}$/.test(intentId)) return null;
    try {
      return this.outcome(await this.call<YooPayment>('GET', `/payments/${encodeURIComponent(intentId)}`));
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw error;
    }
  }

  async refund(request: RefundRequest): Promise<RefundOutcome> {
    try {
      const refund = await this.call<YooRefund>(
        'POST',
        '/refunds',
        {
          payment_id: request.intentId,
          amount: {
            value: centsToDecimal(request.amountCents, request.currency),
            currency: request.currency,
          },
          ...(request.reason ? { description: request.reason.slice(0, 250) } : {}),
          // Echoed back when the refund is fetched, so a notification names our refund even
          // when it arrives before this call's answer.
          metadata: { refundId: request.refundId },
        },
        request.idempotencyKey.slice(0, 64),
      );
      return { refundId: refund.id, status: refundStatus(refund.status) };
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 400 || status === 404)
        return { refundId: `rejected_${request.idempotencyKey}`, status: 'failed' };
      throw error;
    }
  }

  async parseWebhook(body: Buffer): Promise<GatewayNotification> {
    let notification: { type?: string; event?: string; object?: { id?: string } };
    try {
      notification = JSON.parse(body.toString('utf8'));
    } catch {
      throw new WebhookRejected('not JSON');
    }
    const id = notification.object?.id;
    if (notification.type !== 'notification' || typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id)) {
      throw new WebhookRejected('not a notification');
    }
    // Unsigned: what the notification claims is only a hint of what to fetch.
    try {
      if (notification.event === 'payment.succeeded' || notification.event === 'payment.canceled') {
        const payment = await this.call<YooPayment>('GET', `/payments/${encodeURIComponent(id)}`);
        return {
          eventId: `payment:${payment.id}:${payment.status}`,
          type: 'payment',
          intentId: payment.id,
          paymentId: payment.metadata?.paymentId ?? null,
          outcome: this.outcome(payment),
        };
      }
      if (notification.event === 'refund.succeeded') {
        const refund = await this.call<YooRefund>('GET', `/refunds/${encodeURIComponent(id)}`);
        return {
          eventId: `refund:${refund.id}:${refund.status}`,
          type: 'refund',
          intentId: refund.payment_id,
          refunds: [
            {
              refundId: refund.id,
              status: refundStatus(refund.status),
              ourId: refund.metadata?.refundId ?? null,
              amountCents: refundCents(refund),
              currency: refund.amount?.currency ?? null,
            },
          ],
        };
      }
    } catch (error) {
      if ((error as { status?: number }).status === 404) throw new WebhookRejected('unknown object');
      throw error;
    }
    return { eventId: `${notification.event}:${id}`, type: 'ignored' };
  }
}

function refundStatus(status: string): RefundOutcome['status'] {
  return status === 'succeeded' ? 'succeeded' : status === 'canceled' ? 'failed' : 'pending';
}
