import type { SubgraphDeps } from '../../kit/subgraph.js';
import type { PaymentGateways } from './gateways.js';

export interface BillingDeps extends SubgraphDeps {
  gateways: PaymentGateways;
  graceDays: number;
}
