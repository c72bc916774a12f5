import { isUuid } from '../../kit/ids.js';
import { createHash, timingSafeEqual } from 'node:crypto';
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
import { centsToDecimal, decimalToCents } from './money.js';

export interface WebMoneySettings {
  /** The merchant's purses, e.g. Z123456789012 (USD), E… (EUR), P… (RUB): one per currency taken. */
  purses: string[];
  /** The Secret Key set in the purse's Merchant settings (control signature method SHA256). */
  secretKey: string;
  /** The payment request address; WebMoney's own unless pointed elsewhere. */
  merchantUrl?: string;
  /** Whether simulated payments (LMI_MODE=1, no money moved) count; never in production. */
  acceptTestMode: boolean;
}

/** A purse's letter says its currency (WMZ, WME, WMP title units). */
const PURSE_CURRENCY: Record<string, string> = { Z: 'USD', E: 'EUR', P: 'RUB' };

/** Our payment id travels as a merchant field WebMoney hands back in its notifications. */
export const WEBMONEY_PAYMENT_FIELD = 'FIT_PAYMENT_ID';

export function purseCurrency(purse: string): string | null {
  return /^[A-Z]\d{12}$/.test(purse) ? (PURSE_CURRENCY[purse[0]!] ?? null) : null;
}

/**
 * LMI_HASH of a payment notification: purse, amount, payment number, mode, invoice and transfer
 * numbers, transfer date, the secret key, payer purse and WMID, concatenated in that order,
 * SHA-256, upper-case hex.
 */
export function webmoneyHash(form: URLSearchParams, secretKey: string): string {
  const fields = [
    'LMI_PAYEE_PURSE',
    'LMI_PAYMENT_AMOUNT',
    'LMI_PAYMENT_NO',
    'LMI_MODE',
    'LMI_SYS_INVS_NO',
    'LMI_SYS_TRANS_NO',
    'LMI_SYS_TRANS_DATE',
  ].map((name) => form.get(name) ?? '');
  const text = `${fields.join('')}${secretKey}${form.get('LMI_PAYER_PURSE') ?? ''}${form.get('LMI_PAYER_WM') ?? ''}`;
  return createHash('sha256').update(text, 'utf8').digest('hex').toUpperCase();
}

/** What a notification claims, once its LMI_HASH (or, for a pre-request, its form) is read. */
export interface WebMoneyClaim {
  paymentId: string;
  amountCents: number;
  currency: string;
}

/**
 * WebMoney Merchant (the seed's `webmoney`). The payer pays on WebMoney's page, reached with the
 * payment request parameters (purse, amount, description, success and fail returns, our payment
 * id as a merchant field). WebMoney then POSTs to the Result URL: a pre-request (LMI_PREREQUEST=1,
 * answered YES only for a pending payment of that amount) and the payment notification, trusted
 * only with a valid LMI_HASH. The protocol has no status query, no refund call and no charge
 * without the payer: refunds are recorded as manual, renewals fail (the payer subscribes again).
 */
export class WebMoneyGateway implements PaymentGateway {
  readonly name = 'webmoney' as const;
  readonly currencies: readonly string[];
  private readonly purseFor = new Map<string, string>();
  private readonly merchantUrl: string;

  constructor(private readonly settings: WebMoneySettings) {
    for (const purse of settings.purses) {
      const currency = purseCurrency(purse);
      if (!currency) throw new Error(`WEBMONEY_PURSES: ${purse} is not a Z, E or P purse`);
      this.purseFor.set(currency, purse);
    }
    this.currencies = [...this.purseFor.keys()];
    this.merchantUrl = settings.merchantUrl ?? 'https://merchant.webmoney.ru/lmi/payment_utf.asp';
  }

  async saveMethod(): Promise<string | null> {
    throw new MethodRejected('WebMoney cannot save a payment method; choose a plan without a trial');
  }

  async charge(request: ChargeRequest): Promise<PaymentOutcome> {
    const intentId = `wm_${request.metadata.paymentId}`;
    const purse = this.purseFor.get(request.currency);
    if (!purse) return { status: 'failed', intentId, failureReason: 'currency not accepted' };
    if (request.offSession) {
      return { status: 'failed', intentId, failureReason: 'WebMoney cannot charge without the payer' };
    }
    const back = new URL(request.returnUrl ?? 'https://example.invalid/billing/return');
    const success = new URL(back);
    success.searchParams.set('result', 'success');
    const fail = new URL(back);
    fail.searchParams.set('result', 'fail');
    const url = new URL(this.merchantUrl);
    const params: Record<string, string> = {
      LMI_PAYEE_PURSE: purse,
      LMI_PAYMENT_AMOUNT: centsToDecimal(request.amountCents, request.currency),
      LMI_PAYMENT_DESC_BASE64: Buffer.from(request.description.slice(0, 255), 'utf8').toString('base64'),
      LMI_SUCCESS_URL: success.toString(),
      LMI_SUCCESS_METHOD: '2',
      LMI_FAIL_URL: fail.toString(),
      LMI_FAIL_METHOD: '2',
      [WEBMONEY_PAYMENT_FIELD]: request.metadata.paymentId,
    };
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return { status: 'pending', intentId, nextAction: { type: 'redirect', url: url.toString() } };
  }

  /** The merchant protocol has no status query: notifications alone settle a payment. */
  async retrieve(): Promise<PaymentOutcome | null> {
    return null;
  }

  /** No refund call in the protocol: an admin returns the money by hand (WebMoney Keeper). */
  async refund(request: RefundRequest): Promise<RefundOutcome> {
    return { refundId: `manual_${request.refundId}`, status: 'manual' };
  }

  /**
   * What a form from WebMoney claims: our payment, its amount in the purse's currency. Null when
   * the form names no payment of ours or a purse or amount that is not ours.
   */
  claimOf(form: URLSearchParams): WebMoneyClaim | null {
    const paymentId = form.get(WEBMONEY_PAYMENT_FIELD) ?? '';
    const purse = form.get('LMI_PAYEE_PURSE') ?? '';
    const currency = purseCurrency(purse);
    if (!isUuid(paymentId) || !currency || this.purseFor.get(currency) !== purse) return null;
    try {
      return {
        paymentId,
        amountCents: decimalToCents(form.get('LMI_PAYMENT_AMOUNT') ?? '', currency),
        currency,
      };
    } catch {
      return null;
    }
  }

  /** The payment notification: LMI_HASH verified first; a pre-request never gets here. */
  async parseWebhook(body: Buffer): Promise<GatewayNotification> {
    const form = new URLSearchParams(body.toString('utf8'));
    const hash = form.get('LMI_HASH') ?? '';
    const expected = webmoneyHash(form, this.settings.secretKey);
    if (
      !/^[0-9A-Fa-f]{64}$/.test(hash) ||
      !timingSafeEqual(Buffer.from(hash.toUpperCase()), Buffer.from(expected))
    ) {
      throw new WebhookRejected('bad LMI_HASH');
    }
    if (form.get('LMI_MODE') !== '0' && !this.settings.acceptTestMode) {
      throw new WebhookRejected('a simulated payment');
    }
    const claim = this.claimOf(form);
    const invoice = form.get('LMI_SYS_INVS_NO') ?? '';
    if (!claim || !/^\d{1,20}$/.test(invoice)) throw new WebhookRejected('not a payment of ours');
    return {
      eventId: `invoice:${invoice}`,
      type: 'payment',
      intentId: `wm_${claim.paymentId}`,
      paymentId: claim.paymentId,
      paid: { amountCents: claim.amountCents, currency: claim.currency },
      outcome: {
        status: 'completed',
        intentId: `wm_${claim.paymentId}`,
        payerName: null,
        payerCountry: null,
      },
    };
  }
}
