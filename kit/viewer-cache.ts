/**
 * The gateway caches a resolved viewer under this key for a short while; identity deletes the key
 * when it ends the session, so sign-out shows at once where the cache is shared (Redis, or the
 * single embedded process) and within the cache's TTL elsewhere.
 */
export const VIEWER_CACHE_TTL_SECONDS = 30;

export function viewerCacheKey(sessionId: string): string {
  return `viewer:${sessionId}`;
}
