import type { RequestContext } from '../../../kit/subgraph.js';
import type { LinkedAccountResolvers, OAuthProvider } from '../generated/resolvers-types.js';
import type { OAuthProvider as StoredProvider } from '../oauth.js';
import type { OAuthConnectionRow } from '../tables.js';

export const toApiProvider = (provider: string) => provider.toUpperCase() as OAuthProvider;
export const fromApiProvider = (provider: OAuthProvider) => provider.toLowerCase() as StoredProvider;

export function linkedAccountResolvers(): LinkedAccountResolvers<RequestContext, OAuthConnectionRow> {
  return {
    provider: (row) => toApiProvider(row.provider),
    linkedAt: (row) => row.createdAt,
  };
}
