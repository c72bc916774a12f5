import { eq } from 'drizzle-orm';
import type { Route } from '../../kit/http-server.js';
import type { BillingDeps } from './deps.js';
import { WebhookRejected } from './gateways.js';
import { payments } from './tables.js';
import { WebMoneyGateway } from './webmoney-gateway.js';
import { applyNotification } from './webhooks.js';

const text = (status: number, body: string) => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body,
});

/**
 * WebMoney's Result URL. The pre-request (LMI_PREREQUEST=1) asks whether to take the payment:
 * YES only for a pending WebMoney payment of exactly that amount and purse, and it changes
 * nothing. The payment notification is verified by its LMI_HASH, then applied once per WebMoney
 * invoice through the same path as every gateway's notifications, the amount checked first.
 */
export function webmoneyRoute(deps: BillingDeps, path: string): Route {
  return {
    method: 'POST',
    path,
    async handle(request) {
      const gateway = deps.gateways.webmoney;
      if (!(gateway instanceof WebMoneyGateway)) return text(404, 'not configured');
      const form = new URLSearchParams(request.body.toString('utf8'));
      if (form.get('LMI_PREREQUEST') === '1') {
        const claim = gateway.claimOf(form);
        if (!claim) return text(200, 'ERROR: unknown payment');
        const [payment] = await deps.database.db
          .select()
          .from(payments)
          .where(eq(payments.id, claim.paymentId));
        const expected =
          payment?.paymentGateway === 'webmoney' &&
          payment.status === 'pending' &&
          payment.amountCents === claim.amountCents &&
          payment.currency === claim.currency;
        return text(200, expected ? 'YES' : 'ERROR: this payment is not awaited');
      }
      let notification: Awaited<ReturnType<typeof gateway.parseWebhook>>;
      try {
        notification = await gateway.parseWebhook(request.body);
      } catch (error) {
        if (!(error instanceof WebhookRejected)) throw error;
        deps.log.warn({ gateway: 'webmoney', reason: error.message }, 'webhook rejected');
        return text(400, 'rejected');
      }
      const result = await applyNotification(deps, 'webmoney', notification);
      return text(200, result);
    },
  };
}
