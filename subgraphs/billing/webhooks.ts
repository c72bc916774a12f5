import { jsonResponse, type Route } from '../../kit/http-server.js';
import type { BillingDeps } from './deps.js';
import { GatewayUnavailable, type GatewayNotification, WebhookRejected } from './gateways.js';
import { applyPaymentOutcome, lockPayment } from './payments.js';
import { applyRefundOutcome } from './refunds.js';
import { type PaymentGatewayName, webhookEvents } from './tables.js';

export type WebhookResult = 'applied' | 'duplicate' | 'ignored' | 'unknown' | 'mismatch';

/**
 * A gateway's webhook endpoint. The raw body is verified by the gateway first (Stripe's
 * signature, YooKassa's re-fetch); then the event id is recorded and the event applied in one
 * transaction, so a replay finds the id and changes nothing, and a failure leaves neither.
 * Events may come in any order: applying an outcome never moves a payment or refund backwards.
 */
export function webhookRoute(deps: BillingDeps, gatewayName: PaymentGatewayName, path: string): Route {
  return {
    method: 'POST',
    path,
    async handle(request) {
      const gateway = deps.gateways[gatewayName];
      if (!gateway) return jsonResponse(404, { error: 'not configured' });
      let notification: Awaited<ReturnType<typeof gateway.parseWebhook>>;
      try {
        notification = await gateway.parseWebhook(request.body, request.headers);
      } catch (error) {
        if (error instanceof WebhookRejected) {
          deps.log.warn({ gateway: gatewayName, reason: error.message }, 'webhook rejected');
          return jsonResponse(400, { error: 'rejected' });
        }
        if (error instanceof GatewayUnavailable) return jsonResponse(503, { error: 'retry later' });
        throw error;
      }
      const result = await applyNotification(deps, gatewayName, notification);
      return jsonResponse(200, { received: true, result });
    },
  };
}

/**
 * Applies a verified notification once: its event id is recorded and the outcome applied in one
 * transaction, so a replay finds the id and changes nothing, and a failure leaves neither. The
 * webhook endpoints and the development gateway's confirmation both come through here.
 */
export function applyNotification(
  deps: BillingDeps,
  gatewayName: PaymentGatewayName,
  notification: GatewayNotification,
): Promise<WebhookResult> {
  return deps.database.db.transaction(async (tx): Promise<WebhookResult> => {
    const recorded = await tx
      .insert(webhookEvents)
      .values({
        gateway: gatewayName,
        eventId: notification.eventId.slice(0, 255),
        type: notification.type,
        receivedAt: deps.clock.now(),
      })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.eventId });
    if (recorded.length === 0) return 'duplicate';
    if (notification.type === 'ignored') return 'ignored';
    const payment = await lockPayment(tx, {
      id: notification.type === 'payment' ? notification.paymentId : null,
      gateway: gatewayName,
      intentId: notification.intentId,
    });
    // Not one of ours (another integration on the same account): acknowledged, nothing to do.
    if (!payment || payment.paymentGateway !== gatewayName) return 'unknown';
    if (notification.type === 'payment') {
      const { paid } = notification;
      if (paid && (paid.amountCents !== payment.amountCents || paid.currency !== payment.currency)) {
        // Paid, but not what the payment asks (an edited payment form): never settles it.
        deps.log.error(
          { gateway: gatewayName, paymentId: payment.id, paid },
          'notification amount differs from the payment',
        );
        return 'mismatch';
      }
      await applyPaymentOutcome(tx, deps, payment, notification.outcome);
    } else {
      for (const refund of notification.refunds) await applyRefundOutcome(tx, deps, refund, payment.id);
    }
    return 'applied';
  });
}
