import { randomUUID } from 'node:crypto';
import { sha256Hex } from '../kit/crypto.js';
import type { Role } from '../kit/identity-header.js';
import { VIEWER_CACHE_TTL_SECONDS, viewerCacheKey } from '../kit/viewer-cache.js';
import type { TestStack, TestUser } from './stack.js';

/**
 * STAND-IN until the training subgraph (which owns trainers) is in the supergraph: the gateway
 * learns a viewer's trainer id from `me { trainer { id } }` and billing's entitlements from
 * `me { entitlements }` once some subgraph offers those fields (gateway/viewer.ts). Until then a
 * test gives its user a trainer id or entitlements by writing the viewer the gateway would have
 * resolved into the gateway's viewer cache, for the cache's lifetime (a test runs well within it;
 * call again to refresh). Replace with a helper that makes a real trainer through the training
 * API when it exists.
 */
export interface ViewerExtras {
  trainerId?: string | null;
  entitlements?: string[];
  roles?: Role[];
}

export async function setViewerExtras(stack: TestStack, user: TestUser, extras: ViewerExtras): Promise<void> {
  const sessionId = sha256Hex(user.token);
  const viewer = {
    userId: user.id,
    sessionId,
    roles: extras.roles ?? ['USER'],
    ...(extras.trainerId !== undefined ? { trainerId: extras.trainerId } : {}),
    ...(extras.entitlements !== undefined ? { entitlements: extras.entitlements } : {}),
  };
  await stack.runtime.kv.set(viewerCacheKey(sessionId), JSON.stringify(viewer), VIEWER_CACHE_TTL_SECONDS);
}

/** A test user with the viewer extras the gateway should carry for them. */
export interface TestActor extends TestUser {
  extras: ViewerExtras;
}

export interface TestTrainer extends TestActor {
  trainerId: string;
}

/** Signs up a user and makes them a trainer with a fresh trainer id (see setViewerExtras). */
export async function signUpTrainer(
  stack: TestStack,
  trainerId: string = randomUUID(),
): Promise<TestTrainer> {
  const user = await stack.signUp();
  const extras = { trainerId };
  await setViewerExtras(stack, user, extras);
  return { ...user, trainerId, extras };
}

/** Signs up a user whose viewer carries the given entitlements (as billing would grant them). */
export async function signUpWithEntitlements(stack: TestStack, entitlements: string[]): Promise<TestActor> {
  const user = await stack.signUp();
  const extras = { entitlements };
  await setViewerExtras(stack, user, extras);
  return { ...user, extras };
}

/**
 * Sends an operation as the actor, writing their viewer into the cache first, so the extras hold
 * however long the test file runs (the cache entry lives 30 s).
 */
export async function gqlAs<T = any>(
  stack: TestStack,
  actor: TestActor | TestUser | null,
  query: string,
  variables: Record<string, unknown> = {},
) {
  if (actor && 'extras' in actor) await setViewerExtras(stack, actor, actor.extras);
  return stack.gql<T>(query, variables, { token: actor?.token ?? null });
}
