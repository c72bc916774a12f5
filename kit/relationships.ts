import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { index, type PgSchema, timestamp, uuid } from 'drizzle-orm/pg-core';
import { deniedField } from './authz.js';
import type { Executor } from './db.js';
import type { CatalogueEvent, EventName } from './events/catalogue.js';
import type { EventHandlerOf } from './events/consumer.js';
import { isUuid } from './ids.js';
import type { RequestContext } from './subgraph.js';

/**
 * A subgraph's copy of relationships another subgraph owns and this one shares data through: a
 * user (the owner) lets another party (the grantee, named in representations by a key such as a
 * profile id) read their data while the relationship is active. A subgraph reads no other schema,
 * so the owning subgraph writes a `started` and an `ended` event in the same transaction as each
 * change, and the subgraphs that share data keep this copy from them and check it at read time.
 *
 * The copy applies events in any order and any number of times: a relationship, once ended, stays
 * ended, so a `started` that arrives after its `ended` (a retried delivery, a re-published
 * snapshot) changes nothing. The copy therefore never grants more than the owner does, except for
 * the time an event takes to arrive (the outbox relay's interval, see SECURITY.md).
 *
 * The domain stays in the subgraphs: each names its table, its columns, the owner's events and how
 * a relationship reads from them; this file knows only owner, grantee and grantee's user.
 */

/** SQL names of the columns that carry the grantee's key, the grantee's user id and the owner's user id. */
export interface RelationshipColumns {
  grantee: string;
  granteeUser: string;
  owner: string;
}

/** The table of the copy; ended rows stay, so that a late `started` cannot make them active again. */
export function relationshipCopyTable(schema: PgSchema, name: string, columns: RelationshipColumns) {
  return schema.table(
    name,
    {
      /** The owning subgraph's id of the relationship. */
      id: uuid('id').primaryKey(),
      granteeId: uuid(columns.grantee).notNull(),
      granteeUserId: uuid(columns.granteeUser).notNull(),
      ownerId: uuid(columns.owner).notNull(),
      startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
      endedAt: timestamp('ended_at', { withTimezone: true }),
    },
    (t) => [
      // The read-time check: the viewer's active relationships with a page of owners.
      index(`${name}_active_grantee_idx`).on(t.granteeUserId, t.ownerId).where(sql`ended_at is null`),
      // Account deletion ends the owner's relationships.
      index(`${name}_active_owner_idx`).on(t.ownerId).where(sql`ended_at is null`),
    ],
  );
}
export type RelationshipCopyTable = ReturnType<typeof relationshipCopyTable>;

/**
 * The owning subgraph's two events (catalogue names) and how to read a relationship from them. The
 * catalogue has checked the payload before this runs (kit/events/consumer.ts).
 */
export interface RelationshipEventContract<S extends EventName, E extends EventName> {
  started: S;
  ended: E;
  /** The relationship an event describes; its `endedAt` counts for the `ended` event only. */
  relationship(event: CatalogueEvent<S | E>): Relationship;
}

export interface Relationship {
  id: string;
  granteeId: string;
  granteeUserId: string;
  ownerId: string;
  startedAt: Date;
  endedAt: Date | null;
}

/** Keeps a copy from the owner's events and answers, at read time, who may read an owner's data. */
export class RelationshipCopy<S extends EventName, E extends EventName> {
  constructor(
    private readonly table: RelationshipCopyTable,
    private readonly contract: RelationshipEventContract<S, E>,
    /** Names the per-request loader; unique per copy. */
    private readonly name: string,
  ) {}

  /** Event handlers for the subgraph's consumer: one for `started`, one for `ended`. */
  handlers(): { [K in S | E]: EventHandlerOf<K> } {
    const table = this.table;
    const started: EventHandlerOf<S> = async (tx, event) => {
      const relationship = this.contract.relationship(event);
      // Known already (active, or ended: an end is final): nothing to do.
      await tx
        .insert(table)
        .values({ ...relationship, endedAt: null })
        .onConflictDoNothing({ target: table.id });
    };
    const ended: EventHandlerOf<E> = async (tx, event) => {
      const relationship = this.contract.relationship(event);
      // Also when the start has not arrived yet: the ended row keeps a late start from counting.
      await tx
        .insert(table)
        .values({ ...relationship, endedAt: relationship.endedAt ?? new Date(event.occurredAt) })
        .onConflictDoUpdate({
          target: table.id,
          set: { endedAt: sql`coalesce(${table.endedAt}, excluded.ended_at)` },
        });
    };
    // A computed key types as string; the two keys are S and E.
    return { [this.contract.started]: started, [this.contract.ended]: ended } as unknown as {
      [K in S | E]: EventHandlerOf<K>;
    };
  }

  /**
   * Ends every active relationship of a deleted account, as owner or as grantee, without waiting
   * for the owning subgraph's `ended` events (which follow, and change nothing then).
   */
  async endAllOf(tx: Executor, userId: string, at: Date): Promise<void> {
    if (!isUuid(userId)) return;
    const table = this.table;
    const when = Number.isNaN(at.getTime()) ? new Date() : at;
    await tx
      .update(table)
      .set({ endedAt: sql`greatest(${table.startedAt}, ${when.toISOString()}::timestamptz)` })
      .where(and(isNull(table.endedAt), or(eq(table.ownerId, userId), eq(table.granteeUserId, userId))));
  }

  /**
   * Whether the viewer is the grantee of an active relationship with this grantee key and owner.
   * Batched per request: a page of 100 owners is one statement, as for 10.
   */
  isActiveGrantee(ctx: RequestContext, db: Executor, granteeId: string, ownerId: string): Promise<boolean> {
    const table = this.table;
    const viewerId = ctx.viewer?.userId;
    if (!viewerId) return Promise.resolve(false);
    const loader = ctx.loaders.get<string, boolean>(`relationships.${this.name}`, async (keys) => {
      const owners = [...new Set(keys.map((key) => key.split('/')[1]!))];
      // The owners as one array parameter: the same statement text for any page size.
      const rows = await db
        .select({ granteeId: table.granteeId, ownerId: table.ownerId })
        .from(table)
        .where(
          and(
            eq(table.granteeUserId, viewerId),
            sql`${table.ownerId} = any(${sql.param(owners)})`,
            isNull(table.endedAt),
          ),
        );
      const active = new Set(rows.map((row) => `${row.granteeId}/${row.ownerId}`));
      return keys.map((key) => active.has(key));
    });
    // Ids come back from PostgreSQL in lower case; a representation may spell them otherwise.
    return loader.load(`${granteeId.toLowerCase()}/${ownerId.toLowerCase()}`);
  }

  /**
   * Read-time check for data shared through a relationship: the owner reads their own; the
   * grantee reads only while this copy holds the relationship as active and the signed viewer is
   * its grantee's user. Anyone else, and a representation that is not a relationship, gets the
   * data as a denied field (kit/authz.ts: UNAUTHENTICATED without a viewer, FORBIDDEN with one).
   */
  async requireOwnerOrActiveGrantee(
    ctx: RequestContext,
    db: Executor,
    granteeId: unknown,
    ownerId: unknown,
    refusal: string,
  ): Promise<{ granteeId: string; ownerId: string }> {
    const viewer = ctx.viewer;
    if (!viewer || !isUuid(granteeId) || !isUuid(ownerId)) throw deniedField(ctx, refusal);
    if (viewer.userId === ownerId) return { granteeId, ownerId };
    if (!(await this.isActiveGrantee(ctx, db, granteeId, ownerId))) throw deniedField(ctx, refusal);
    return { granteeId, ownerId };
  }
}
