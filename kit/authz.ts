import type { GraphQLError } from 'graphql';
import { forbidden, unauthenticated } from './errors.js';
import type { Viewer } from './identity-header.js';
import type { RequestContext } from './subgraph.js';

/** Authorization helpers every subgraph uses next to its data, so the rules read the same everywhere. */
export function requireViewer(ctx: RequestContext): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

export const isAdmin = (ctx: RequestContext) => ctx.viewer?.roles.includes('ADMIN') ?? false;

export function requireAdmin(ctx: RequestContext): Viewer {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('ADMIN')) throw forbidden('Only admins can do this.');
  return viewer;
}

/** True for the row's owner and for admins. */
export const isOwnerOrAdmin = (ctx: RequestContext, ownerId: string) =>
  ctx.viewer?.userId === ownerId || isAdmin(ctx);

/** Internal operations answer only the gateway's signed service identity. */
export function requireService(ctx: RequestContext, service = 'gateway'): void {
  if (ctx.service !== service) throw forbidden('This operation is internal.');
}

/**
 * The one answer to a field the viewer may not read (docs/architecture.md, "Denied fields"): the
 * resolver throws this error, so the field is null and the response carries exactly this error at
 * the field's path, the rest of the answer intact. UNAUTHENTICATED when the request has no viewer
 * (signing in may help), FORBIDDEN with `reason` otherwise. Fields that can be denied are nullable.
 */
export function deniedField(ctx: RequestContext, reason: string): GraphQLError {
  return ctx.viewer ? forbidden(reason) : unauthenticated();
}

/** Throws deniedField unless `allowed`: the guard at the top of a field that is not everyone's. */
export function requireFieldAccess(ctx: RequestContext, allowed: boolean, reason: string): void {
  if (!allowed) throw deniedField(ctx, reason);
}
