import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local stand-ins for the payment gateways' HTTP APIs, for tests: the real Stripe SDK and the
 * YooKassa client talk to them over HTTP on 127.0.0.1. They keep what a gateway keeps
 * (intents, refunds, idempotency keys) and refuse what it refuses (over-refunds, bad auth).
 */
export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  body: Record<string, unknown>;
}

interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
  res.end(JSON.stringify(body));
}

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => Promise<void> | void,
) {
  const server: Server = createServer(async (req, res) => {
    try {
      await handler(req, res, await readBody(req));
    } catch (error) {
      send(res, 500, { error: { message: String(error) } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Stripe's form encoding (a[b]=c) read back into nested objects. */
function parseForm(text: string): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const parts = key.split(/\[|\]\[|\]/).filter(Boolean);
    let target = out;
    for (const part of parts.slice(0, -1)) {
      target[part] = target[part] ?? {};
      target = target[part];
    }
    target[parts[parts.length - 1]!] = value;
  }
  return out;
}

export interface FakeStripe extends FakeServer {
  intents: Map<string, any>;
  /** Marks an intent's outcome (for async methods settled later by webhook). */
  settle(intentId: string, status: 'succeeded' | 'requires_payment_method'): any;
  /** The status new refunds are created with (`pending` until a charge.refunded webhook says more). */
  refundsAnswer(status: 'succeeded' | 'pending'): void;
  /** Makes the next N PaymentIntent creations fail with a decline, whatever the method. */
  declineNext(count: number): void;
  charges(): number;
}

/** Payment methods the fake knows: card details as Stripe reports them (only last4 is kept by billing). */
export const STRIPE_METHODS: Record<
  string,
  { last4: string; country: string; name: string; behavior: string }
> = {
  pm_card_visa: { last4: '4242', country: 'US', name: 'Ada Lovelace', behavior: 'succeed' },
  pm_card_chargeDeclined: { last4: '0002', country: 'US', name: 'Bob Declined', behavior: 'decline' },
  pm_card_async: { last4: '3155', country: 'DE', name: 'Carla Async', behavior: 'processing' },
  // Stripe's 3-D Secure test card: the intent waits in requires_action for the payer.
  pm_card_threeDSecureRequired: {
    last4: '3220',
    country: 'GB',
    name: 'Dana Secure',
    behavior: 'requires_action',
  },
};

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const intents = new Map<string, any>();
  const refundsById = new Map<string, any>();
  const idempotent = new Map<string, { status: number; body: unknown }>();
  let declines = 0;
  const customers = new Map<string, string | null>();
  let refundStatus = 'succeeded';

  const server = await serve(async (req, res, text) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const body = method === 'POST' ? parseForm(text) : {};
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
    requests.push({
      method,
      path: url.pathname,
      idempotencyKey: key,
      authorization: req.headers.authorization ?? null,
      body,
    });
    if (!req.headers.authorization?.startsWith('Bearer sk_test_')) {
      return send(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key' } });
    }
    if (key && idempotent.has(`${url.pathname}:${key}`)) {
      const previous = idempotent.get(`${url.pathname}:${key}`)!;
      return send(res, previous.status, previous.body);
    }
    const reply = (status: number, payload: unknown) => {
      if (key && method === 'POST') idempotent.set(`${url.pathname}:${key}`, { status, body: payload });
      send(res, status, payload);
    };

    let match = /^\/v1\/payment_methods\/([\w-]+)$/.exec(url.pathname);
    if (method === 'GET' && match) {
      const pm = STRIPE_METHODS[match[1]!];
      if (!pm) {
        return send(res, 404, {
          error: {
            type: 'invalid_request_error',
            code: 'resource_missing',
            message: 'No such PaymentMethod',
          },
        });
      }
      return send(res, 200, {
        id: match[1],
        object: 'payment_method',
        type: 'card',
        card: { brand: 'visa', last4: pm.last4, country: pm.country, exp_month: 12, exp_year: 2030 },
        billing_details: { name: pm.name, address: { country: pm.country } },
      });
    }
    if (method === 'POST' && url.pathname === '/v1/customers') {
      if (body.payment_method && !STRIPE_METHODS[body.payment_method]) {
        return reply(400, {
          error: {
            type: 'invalid_request_error',
            code: 'resource_missing',
            message: 'No such PaymentMethod',
          },
        });
      }
      const customer = { id: id('cus'), object: 'customer', metadata: body.metadata ?? {} };
      customers.set(customer.id, body.payment_method ?? null);
      return reply(200, customer);
    }
    if (method === 'POST' && url.pathname === '/v1/payment_intents') {
      // As Stripe: a saved method is charged off-session only through the customer it is attached to.
      if (
        body.off_session === 'true' &&
        (!body.customer || customers.get(body.customer) !== body.payment_method)
      ) {
        return reply(400, {
          error: {
            type: 'invalid_request_error',
            message: 'The PaymentMethod is not attached to this customer.',
          },
        });
      }
      const pm = STRIPE_METHODS[body.payment_method];
      const behavior = declines > 0 ? 'decline' : (pm?.behavior ?? 'decline');
      if (declines > 0) declines--;
      const intent = {
        id: id('pi'),
        object: 'payment_intent',
        amount: Number(body.amount),
        currency: body.currency,
        payment_method: body.payment_method,
        metadata: body.metadata ?? {},
        status:
          behavior === 'succeed'
            ? 'succeeded'
            : behavior === 'processing' || behavior === 'requires_action'
              ? behavior
              : 'requires_payment_method',
        client_secret: '',
        next_action: behavior === 'requires_action' ? { type: 'use_stripe_sdk', use_stripe_sdk: {} } : null,
        amount_refunded: 0,
        last_payment_error:
          behavior === 'decline' ? { code: 'card_declined', message: 'Your card was declined.' } : null,
        created: Math.floor(Date.now() / 1000),
      };
      intent.client_secret = `${intent.id}_secret_${randomBytes(12).toString('hex')}`;
      intents.set(intent.id, intent);
      if (behavior === 'decline') {
        return reply(402, {
          error: {
            type: 'card_error',
            code: 'card_declined',
            decline_code: 'generic_decline',
            message: 'Your card was declined.',
            payment_intent: intent,
          },
        });
      }
      return reply(200, intent);
    }
    match = /^\/v1\/payment_intents\/([\w-]+)$/.exec(url.pathname);
    if (method === 'GET' && match) {
      const intent = intents.get(match[1]!);
      return intent
        ? send(res, 200, intent)
        : send(res, 404, {
            error: {
              type: 'invalid_request_error',
              code: 'resource_missing',
              message: 'No such payment_intent',
            },
          });
    }
    if (method === 'POST' && url.pathname === '/v1/refunds') {
      const intent = intents.get(body.payment_intent);
      const amount = Number(body.amount);
      if (intent?.status !== 'succeeded') {
        return reply(400, {
          error: { type: 'invalid_request_error', message: 'This PaymentIntent cannot be refunded.' },
        });
      }
      if (intent.amount_refunded + amount > intent.amount) {
        return reply(400, {
          error: {
            type: 'invalid_request_error',
            code: 'charge_already_refunded',
            message: 'Refund amount exceeds the charge.',
          },
        });
      }
      intent.amount_refunded += amount;
      const refund = {
        id: id('re'),
        object: 'refund',
        amount,
        currency: intent.currency,
        payment_intent: intent.id,
        status: refundStatus,
        metadata: body.metadata ?? {},
      };
      refundsById.set(refund.id, refund);
      intent.refunds = [...(intent.refunds ?? []), refund];
      return reply(200, refund);
    }
    send(res, 404, {
      error: { type: 'invalid_request_error', message: `no route ${method} ${url.pathname}` },
    });
  });

  return {
    ...server,
    requests,
    intents,
    settle(intentId, status) {
      const intent = intents.get(intentId);
      intent.status = status;
      return intent;
    },
    refundsAnswer(status) {
      refundStatus = status;
    },
    declineNext(count) {
      declines = count;
    },
    charges: () => intents.size,
  };
}

export interface FakeYooKassa extends FakeServer {
  payments: Map<string, any>;
  refunds: Map<string, any>;
  shopId: string;
  secretKey: string;
  charges(): number;
}

/**
 * YooKassa methods: `yoo_ok` succeeds, `yoo_pending` waits (settled by the test), `yoo_3ds` waits
 * for the payer on the confirmation page when the request asks for a redirect, others are canceled.
 */
export async function startFakeYooKassa(): Promise<FakeYooKassa> {
  const shopId = '123456';
  const secretKey = 'test_secret_key';
  const requests: RecordedRequest[] = [];
  const payments = new Map<string, any>();
  const refunds = new Map<string, any>();
  const idempotent = new Map<string, unknown>();
  const expectedAuth = `Basic ${Buffer.from(`${shopId}:${secretKey}`).toString('base64')}`;

  const server = await serve(async (req, res, text) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const body = method === 'POST' ? (JSON.parse(text || '{}') as Record<string, any>) : {};
    const key = (req.headers['idempotence-key'] as string | undefined) ?? null;
    requests.push({
      method,
      path: url.pathname,
      idempotencyKey: key,
      authorization: req.headers.authorization ?? null,
      body,
    });
    if (req.headers.authorization !== expectedAuth)
      return send(res, 401, { type: 'error', code: 'invalid_credentials' });
    if (method === 'POST') {
      if (!key)
        return send(res, 400, {
          type: 'error',
          code: 'invalid_request',
          description: 'Idempotence-Key is required',
        });
      if (idempotent.has(`${url.pathname}:${key}`))
        return send(res, 200, idempotent.get(`${url.pathname}:${key}`));
    }
    const reply = (payload: unknown) => {
      if (method === 'POST' && key) idempotent.set(`${url.pathname}:${key}`, payload);
      send(res, 200, payload);
    };
    if (method === 'POST' && url.pathname === '/v3/payments') {
      const methodId = String(body.payment_method_id ?? '');
      const status =
        methodId === 'yoo_ok'
          ? 'succeeded'
          : methodId === 'yoo_pending' || methodId === 'yoo_3ds'
            ? 'pending'
            : 'canceled';
      const payment = {
        id: `2${randomBytes(8).toString('hex')}-000f-5000-9000-${randomBytes(6).toString('hex')}`,
        status,
        paid: status === 'succeeded',
        amount: body.amount,
        description: body.description,
        metadata: body.metadata ?? {},
        payment_method: {
          type: 'bank_card',
          id: methodId,
          saved: true,
          card: {
            first6: '555555',
            last4: '4477',
            expiry_month: '12',
            expiry_year: '2030',
            card_type: 'MasterCard',
            issuer_country: 'RU',
          },
        },
        cancellation_details:
          status === 'canceled' ? { party: 'payment_network', reason: 'card_expired' } : undefined,
        confirmation:
          methodId === 'yoo_3ds' && body.confirmation?.type === 'redirect'
            ? {
                type: 'redirect',
                return_url: body.confirmation.return_url,
                confirmation_url: `https://yoomoney.ru/checkout/payments/v2/contract?orderId=${randomBytes(8).toString('hex')}`,
              }
            : undefined,
        created_at: new Date().toISOString(),
        refunded_amount: { value: '0.00', currency: body.amount?.currency },
      };
      payments.set(payment.id, payment);
      return reply(payment);
    }
    let match = /^\/v3\/payments\/([\w-]+)$/.exec(url.pathname);
    if (method === 'GET' && match) {
      const payment = payments.get(match[1]!);
      return payment ? send(res, 200, payment) : send(res, 404, { type: 'error', code: 'not_found' });
    }
    if (method === 'POST' && url.pathname === '/v3/refunds') {
      const payment = payments.get(body.payment_id);
      if (payment?.status !== 'succeeded') return send(res, 400, { type: 'error', code: 'invalid_request' });
      const cents = (v: string) => Math.round(Number(v) * 100);
      if (cents(payment.refunded_amount.value) + cents(body.amount.value) > cents(payment.amount.value)) {
        return send(res, 400, {
          type: 'error',
          code: 'invalid_request',
          description: 'refund exceeds payment',
        });
      }
      payment.refunded_amount.value = (
        (cents(payment.refunded_amount.value) + cents(body.amount.value)) /
        100
      ).toFixed(2);
      const refund = {
        id: `2${randomBytes(8).toString('hex')}-0015-5000-8000-${randomBytes(6).toString('hex')}`,
        payment_id: payment.id,
        status: 'succeeded',
        amount: body.amount,
        metadata: body.metadata ?? {},
        created_at: new Date().toISOString(),
      };
      refunds.set(refund.id, refund);
      return reply(refund);
    }
    match = /^\/v3\/refunds\/([\w-]+)$/.exec(url.pathname);
    if (method === 'GET' && match) {
      const refund = refunds.get(match[1]!);
      return refund ? send(res, 200, refund) : send(res, 404, { type: 'error', code: 'not_found' });
    }
    send(res, 404, { type: 'error', code: 'not_found' });
  });
  return {
    ...server,
    url: `${server.url}/v3`,
    requests,
    payments,
    refunds,
    shopId,
    secretKey,
    charges: () => payments.size,
  };
}

export interface FakeSberbank extends FakeServer {
  userName: string;
  password: string;
  callbackToken: string;
  orders: Map<string, any>;
  /** The payer on Sberbank's page: pays (card bound to the order's clientId) or is declined. */
  pay(orderId: string, succeed: boolean): void;
  /** A callback as Sberbank would POST it, with its checksum (or a forged one). */
  callback(orderId: string, operation: string, token?: string): string;
  registrations(): number;
}

/**
 * Sberbank's REST acquiring API (form-encoded POSTs, userName/password in the body, JSON answers
 * with errorCode): register.do keeps order numbers unique (code 1 for a repeat),
 * getOrderStatusExtended.do by orderId or orderNumber, refund.do within the deposited amount,
 * paymentOrderBinding.do with a binding a paid order made.
 */
export async function startFakeSberbank(): Promise<FakeSberbank> {
  const userName = 'fitness-api';
  const password = 'sber-test-password';
  const callbackToken = 'sber-callback-token';
  const requests: RecordedRequest[] = [];
  const orders = new Map<string, any>();
  const bindings = new Map<string, { clientId: string; pan: string }>();
  const uuid = () => {
    const h = randomBytes(16).toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  const server = await serve(async (req, res, text) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const form: Record<string, any> = Object.fromEntries(new URLSearchParams(text));
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      idempotencyKey: null,
      authorization: null,
      body: form,
    });
    if (form.userName !== userName || form.password !== password) {
      return send(res, 200, { errorCode: '5', errorMessage: 'Access denied' });
    }
    const method = url.pathname.replace(/^\/payment\/rest\//, '');
    if (method === 'register.do') {
      if (!form.orderNumber || !/^\d+$/.test(form.amount ?? '') || !form.returnUrl) {
        return send(res, 200, { errorCode: '4', errorMessage: 'Required parameter missing' });
      }
      if ([...orders.values()].some((o) => o.orderNumber === form.orderNumber)) {
        return send(res, 200, {
          errorCode: '1',
          errorMessage: 'Order with this number was already processed',
        });
      }
      const orderId = uuid();
      orders.set(orderId, {
        orderId,
        orderNumber: form.orderNumber,
        orderStatus: 0,
        amount: Number(form.amount),
        currency: form.currency ?? '643',
        clientId: form.clientId ?? null,
        returnUrl: form.returnUrl,
        refunded: 0,
        pan: null,
        bindingId: null,
      });
      return send(res, 200, {
        orderId,
        formUrl: `https://3dsec.sberbank.ru/payment/merchants/sbersafe/payment_ru.html?mdOrder=${orderId}`,
      });
    }
    if (method === 'getOrderStatusExtended.do') {
      const order = form.orderId
        ? orders.get(form.orderId)
        : [...orders.values()].find((o) => o.orderNumber === form.orderNumber);
      if (!order) return send(res, 200, { errorCode: '6', errorMessage: 'Order not found' });
      return send(res, 200, {
        errorCode: '0',
        errorMessage: 'Success',
        orderId: order.orderId,
        orderNumber: order.orderNumber,
        orderStatus: order.orderStatus,
        actionCodeDescription: order.orderStatus === 6 ? 'Card declined' : '',
        amount: order.amount,
        currency: order.currency,
        cardAuthInfo: order.pan ? { maskedPan: order.pan, cardholderName: 'IVAN PETROV' } : undefined,
        bindingInfo: order.bindingId ? { clientId: order.clientId, bindingId: order.bindingId } : undefined,
        paymentAmountInfo: {
          depositedAmount: order.orderStatus >= 2 ? order.amount : 0,
          refundedAmount: order.refunded,
        },
      });
    }
    if (method === 'paymentOrderBinding.do') {
      const order = orders.get(form.mdOrder);
      const binding = bindings.get(form.bindingId);
      if (!order || !binding || binding.clientId !== order.clientId) {
        return send(res, 200, { errorCode: '2', errorMessage: 'Binding not found' });
      }
      order.orderStatus = 2;
      order.pan = binding.pan;
      return send(res, 200, { errorCode: 0, info: 'Your order is proceeded, redirecting...' });
    }
    if (method === 'refund.do') {
      const order = orders.get(form.orderId);
      const amount = Number(form.amount);
      if (!order || (order.orderStatus !== 2 && order.orderStatus !== 4)) {
        return send(res, 200, { errorCode: '7', errorMessage: 'Payment must be in a correct state' });
      }
      if (order.refunded + amount > order.amount) {
        return send(res, 200, { errorCode: '7', errorMessage: 'Refund amount exceeds deposited amount' });
      }
      order.refunded += amount;
      if (order.refunded === order.amount) order.orderStatus = 4;
      return send(res, 200, { errorCode: '0', errorMessage: 'Success' });
    }
    send(res, 404, { errorCode: '99', errorMessage: 'no such method' });
  });
  return {
    ...server,
    url: `${server.url}/payment/rest`,
    requests,
    userName,
    password,
    callbackToken,
    orders,
    pay(orderId, succeed) {
      const order = orders.get(orderId);
      order.orderStatus = succeed ? 2 : 6;
      if (succeed) {
        order.pan = '427683**3344';
        order.bindingId = uuid();
        bindings.set(order.bindingId, { clientId: order.clientId, pan: order.pan });
      }
    },
    callback(orderId, operation, token = callbackToken) {
      const order = orders.get(orderId);
      const params = new URLSearchParams({
        mdOrder: orderId,
        orderNumber: order.orderNumber,
        operation,
        status: order.orderStatus === 6 ? '0' : '1',
        amount: String(order.amount),
      });
      const names = [...params.keys()].sort();
      const text = names.map((name) => `${name};${params.get(name)};`).join('');
      params.set('checksum', createHmac('sha256', token).update(text).digest('hex').toUpperCase());
      return params.toString();
    },
    registrations: () => orders.size,
  };
}

export interface FakeWebMoney extends FakeServer {
  purse: string;
  secretKey: string;
  /** Where WebMoney POSTs the pre-request and the payment notification (the merchant's Result URL). */
  resultUrl: string;
  /**
   * The payer on WebMoney's page for a payment request URL: the pre-request, then (when it is
   * answered YES) the payment notification with its LMI_HASH. `amount` pays another amount (an
   * edited form); `secretKey` signs with another key (a forgery).
   */
  pay(
    requestUrl: string,
    options?: { amount?: string; secretKey?: string; mode?: '0' | '1' },
  ): Promise<{ prerequest: string; result: { status: number; body: string } | null; form: URLSearchParams }>;
}

/**
 * WebMoney Merchant's side of its protocol: the payment page reads the request parameters, and
 * a payment POSTs the pre-request (LMI_PREREQUEST=1, no hash; YES takes the payment) and the
 * payment notification to the Result URL, signed with LMI_HASH (SHA-256 of the fields in the
 * protocol's order with the Secret Key, upper-case hex).
 */
export async function startFakeWebMoney(resultUrl: () => string): Promise<FakeWebMoney> {
  const purse = 'Z123456789012';
  const secretKey = 'wm-secret-key';
  const requests: RecordedRequest[] = [];
  let invoice = 700_000_000;
  const server = await serve(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      idempotencyKey: null,
      authorization: null,
      body: Object.fromEntries(url.searchParams),
    });
    res.writeHead(url.pathname === '/lmi/payment_utf.asp' ? 200 : 404, { 'content-type': 'text/html' });
    res.end('<html><body>WebMoney Merchant</body></html>');
  });
  const post = async (form: URLSearchParams) => {
    const response = await fetch(resultUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    return { status: response.status, body: await response.text() };
  };
  return {
    ...server,
    url: `${server.url}/lmi/payment_utf.asp`,
    requests,
    purse,
    secretKey,
    get resultUrl() {
      return resultUrl();
    },
    async pay(requestUrl, options = {}) {
      const request = new URL(requestUrl).searchParams;
      const custom = [...request].filter(([name]) => !name.startsWith('LMI_'));
      const amount = options.amount ?? request.get('LMI_PAYMENT_AMOUNT') ?? '';
      const mode = options.mode ?? '0';
      const prerequest = new URLSearchParams([
        ['LMI_PREREQUEST', '1'],
        ['LMI_PAYEE_PURSE', request.get('LMI_PAYEE_PURSE') ?? ''],
        ['LMI_PAYMENT_AMOUNT', amount],
        ['LMI_MODE', mode],
        ['LMI_PAYER_WM', '123456789012'],
        ['LMI_PAYER_PURSE', 'Z987654321098'],
        ...custom,
      ]);
      const answer = await post(prerequest);
      const form = new URLSearchParams([
        ['LMI_PAYEE_PURSE', request.get('LMI_PAYEE_PURSE') ?? ''],
        ['LMI_PAYMENT_AMOUNT', amount],
        ['LMI_PAYMENT_NO', ''],
        ['LMI_MODE', mode],
        ['LMI_SYS_INVS_NO', String(++invoice)],
        ['LMI_SYS_TRANS_NO', String(invoice + 1_000_000)],
        ['LMI_SYS_TRANS_DATE', '20270601 12:00:00'],
        ['LMI_PAYER_PURSE', 'Z987654321098'],
        ['LMI_PAYER_WM', '123456789012'],
        ...custom,
      ]);
      const text = [
        'LMI_PAYEE_PURSE',
        'LMI_PAYMENT_AMOUNT',
        'LMI_PAYMENT_NO',
        'LMI_MODE',
        'LMI_SYS_INVS_NO',
        'LMI_SYS_TRANS_NO',
        'LMI_SYS_TRANS_DATE',
      ]
        .map((name) => form.get(name))
        .join('');
      const signed = `${text}${options.secretKey ?? secretKey}${form.get('LMI_PAYER_PURSE')}${form.get('LMI_PAYER_WM')}`;
      form.set('LMI_HASH', createHash('sha256').update(signed).digest('hex').toUpperCase());
      // WebMoney sends the notification only when the pre-request was answered YES.
      const result = answer.body === 'YES' ? await post(form) : null;
      return { prerequest: answer.body, result, form };
    },
  };
}
