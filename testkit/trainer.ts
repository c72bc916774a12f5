import { sha256Hex } from '../kit/crypto.js';
import type { Role } from '../kit/identity-header.js';
import { VIEWER_CACHE_TTL_SECONDS, viewerCacheKey } from '../kit/viewer-cache.js';
import type { TestStack, TestUser } from './stack.js';
import { makeTrainer } from './training.js';

/**
 * Viewer extras for tests. Trainers are real (applied and verified through the training API,
 * see testkit/training.ts); the gateway then reads their trainer id through `me { trainer { id } }`.
 * Entitlements are set directly: billing grants them from a plan's features, and these tests are
 * about content's gating, not about buying a plan. A test writes the viewer the gateway would
 * have resolved into the gateway's viewer cache, for the cache's lifetime (call again to refresh).
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

/** Signs up a user and makes them a verified trainer through the training API. */
export async function signUpTrainer(stack: TestStack): Promise<TestTrainer> {
  const { trainerId, ...user } = await makeTrainer(stack);
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
