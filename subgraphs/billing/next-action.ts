/**
 * What the payer must do before a pending payment can settle: confirm it with the gateway's
 * client library (Stripe's client secret, for 3-D Secure), open the gateway's page (YooKassa,
 * Sberbank, WebMoney), or, on the development gateway, call confirmTestPayment.
 */
export type NextAction =
  | { type: 'client_secret'; clientSecret: string }
  | { type: 'redirect'; url: string }
  | { type: 'confirm_test' };
