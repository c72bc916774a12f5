import type { EventName } from '../../kit/events/catalogue.js';
import { type EventHandlers, handleEach } from '../../kit/events/consumer.js';
import type { KeyValueStore } from '../../kit/kv.js';
import { dropCachedViewers } from './sessions.js';

/**
 * Billing's events after which a user's entitlements are different: a subscription that starts
 * or becomes active grants its plan's, one that is canceled (at once, or by a full refund) or
 * expires takes them away.
 */
export const ENTITLEMENT_EVENTS = [
  'subscription.started',
  'subscription.activated',
  'subscription.canceled',
  'subscription.expired',
] as const satisfies readonly EventName[];

/**
 * The gateway caches each session's viewer, entitlements included, for up to 30 s. On these
 * events identity, which knows the user's sessions, drops those cache entries, so paid access
 * follows the subscription on the next request instead of up to 30 s later. The event arrives
 * after billing's commit; a viewer resolved in the moment between the two can still be cached
 * with the old entitlements, for at most the cache's 30 s.
 */
export function viewerRefreshHandlers(kv: KeyValueStore): EventHandlers {
  return handleEach(ENTITLEMENT_EVENTS, (tx, event) => dropCachedViewers(tx, kv, event.payload.userId));
}
