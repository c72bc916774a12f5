import { fromStored, toStored } from '../../../kit/stored-enums.js';
import type { RequestContext } from '../../../kit/subgraph.js';
import type { LinkedAccountResolvers, OAuthProvider } from '../generated/resolvers-types.js';
import type { OAuthProvider as StoredProvider } from '../oauth.js';
import type { OAuthConnectionRow } from '../tables.js';

export const toApiProvider = (provider: string) => fromStored<OAuthProvider>(provider);
export const fromApiProvider = (provider: OAuthProvider) => toStored(provider) as StoredProvider;

export function linkedAccountResolvers(): LinkedAccountResolvers<RequestContext, OAuthConnectionRow> {
  return {
    provider: (row) => toApiProvider(row.provider),
    linkedAt: (row) => row.createdAt,
  };
}
