import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';

/** What the gateway answers when a response may not be kept by any cache. */
export const UNCACHEABLE = 'private, no-store';

/**
 * Requests carrying one of these can be answered differently than an anonymous request for the
 * same URL; a shared cache that keeps a public answer must key on them (or skip them).
 */
const CREDENTIAL_HEADERS = 'authorization, cookie';

/**
 * HTTP caching of public reads. Subgraphs declare cache hints in their SDL (`@cacheControl`) and
 * answer each fetch with a Cache-Control header computed from them; the query planner's data
 * sources narrow one overall policy with each subgraph's header, and Apollo's cache-control plugin
 * turns that policy into the gateway's header (a fetch without hints makes the answer uncacheable).
 *
 * On top, two rules the subgraphs cannot know:
 * - only anonymous requests are ever public: a signed-in viewer's answer is `private, no-store`
 *   whatever the hints say, because the same fields may show them more (their drafts, their access);
 * - a public answer names the credential headers in `Vary`, so a CDN never hands an anonymous
 *   answer to a signed-in browser or app.
 * Everything else, errors included, is `private, no-store`.
 */
export function cachePolicyPlugins<Context extends { viewer: unknown }>(): ApolloServerPlugin<Context>[] {
  return [ApolloServerPluginCacheControl({ calculateHttpHeaders: true }), anonymousOnlyPublicCaching()];
}

function anonymousOnlyPublicCaching<Context extends { viewer: unknown }>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        // Runs after the cache-control plugin's own willSendResponse (installed before it).
        async willSendResponse({ response, contextValue }) {
          const computed = response.http.headers.get('cache-control') ?? '';
          const match = /^max-age=(\d+), public$/.exec(computed);
          if (!match || contextValue.viewer) {
            response.http.headers.set('cache-control', UNCACHEABLE);
            return;
          }
          response.http.headers.set('cache-control', `public, max-age=${match[1]}`);
          const vary = response.http.headers.get('vary');
          response.http.headers.set('vary', vary ? `${vary}, ${CREDENTIAL_HEADERS}` : CREDENTIAL_HEADERS);
        },
      };
    },
  };
}
