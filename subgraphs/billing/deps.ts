import type { SubgraphDeps } from '../../kit/subgraph.js';
import type { PaymentGateways } from './gateways.js';

export interface BillingDeps extends SubgraphDeps {
  gateways: PaymentGateways;
  graceDays: number;
  /** The app's page a gateway sends the payer back to after its own (redirect confirmations). */
  returnUrl: string;
}
