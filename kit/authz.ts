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
