import { eq } from 'drizzle-orm';
import type { Executor } from '../../kit/db.js';
import { forbidden, notFound, invalidTransition } from '../../kit/errors.js';
import type { EventPayloadInput } from '../../kit/events/catalogue.js';
import { writeEvent } from '../../kit/events/outbox.js';
import { fromStored, toStored } from '../../kit/stored-enums.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { optionalText } from './input.js';
import { outbox, type WorkoutSessionRow, workoutPlans, workoutSessions } from './tables.js';

export type SessionStatus = 'IN_PROGRESS' | 'COMPLETED' | 'ABANDONED';

/** The only moves a session makes: out of IN_PROGRESS, once. */
const TRANSITIONS: Record<SessionStatus, readonly SessionStatus[]> = {
  IN_PROGRESS: ['COMPLETED', 'ABANDONED'],
  COMPLETED: [],
  ABANDONED: [],
};

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Whole seconds from start to end, never negative (a clock step backwards must not break a row). */
export function sessionDurationSeconds(startedAt: Date, completedAt: Date): number {
  return Math.max(0, Math.round((completedAt.getTime() - startedAt.getTime()) / 1000));
}

export async function startSession(
  deps: SubgraphDeps,
  userId: string,
  input: { workoutPlanId?: string | null; notes?: string | null },
): Promise<WorkoutSessionRow> {
  const notes = optionalText(input.notes, 'notes', 2000) ?? null;
  let plan: { id: string; version: number } | null = null;
  if (input.workoutPlanId) {
    const [row] = await deps.database.db
      .select({
        id: workoutPlans.id,
        version: workoutPlans.version,
        isPublished: workoutPlans.isPublished,
        deletedAt: workoutPlans.deletedAt,
      })
      .from(workoutPlans)
      .where(eq(workoutPlans.id, input.workoutPlanId));
    // Drafts are invisible to athletes, and deleted plans take no new sessions.
    if (!row?.isPublished || row.deletedAt) throw notFound('Workout plan');
    plan = { id: row.id, version: row.version };
  }
  return deps.database.db.transaction(async (tx) => {
    const [session] = await tx
      .insert(workoutSessions)
      .values({
        userId,
        workoutPlanId: plan?.id ?? null,
        workoutPlanVersion: plan?.version ?? null,
        startedAt: deps.clock.now(),
        status: toStored<SessionStatus>('IN_PROGRESS'),
        notes,
      })
      .returning();
    const row = session!;
    await writeEvent(
      tx,
      outbox,
      'workout.started',
      {
        sessionId: row.id,
        userId: row.userId,
        workoutPlanId: row.workoutPlanId,
        startedAt: row.startedAt.toISOString(),
      },
      row.startedAt,
    );
    return row;
  });
}

async function moveSession(
  deps: SubgraphDeps,
  userId: string,
  sessionId: string,
  to: 'COMPLETED' | 'ABANDONED',
  change: (session: WorkoutSessionRow, now: Date) => Partial<typeof workoutSessions.$inferInsert>,
  afterChange?: (tx: Executor, row: WorkoutSessionRow) => Promise<void>,
): Promise<WorkoutSessionRow> {
  return deps.database.db.transaction(async (tx) => {
    const [session] = await tx
      .select()
      .from(workoutSessions)
      .where(eq(workoutSessions.id, sessionId))
      .for('update');
    if (!session) throw notFound('Workout session');
    if (session.userId !== userId) throw forbidden('Only the person who trained can change this session.');
    const from = fromStored<SessionStatus>(session.status);
    if (!canTransition(from, to)) {
      throw invalidTransition(
        `A ${from.toLowerCase().replace('_', ' ')} session cannot become ${to.toLowerCase()}.`,
        from,
        to,
      );
    }
    const now = deps.clock.now();
    const [row] = await tx
      .update(workoutSessions)
      .set({ ...change(session, now), status: toStored(to) })
      .where(eq(workoutSessions.id, sessionId))
      .returning();
    await afterChange?.(tx, row!);
    return row!;
  });
}

export async function completeSession(
  deps: SubgraphDeps,
  userId: string,
  sessionId: string,
  input: { intensityLevel: string; notes?: string | null },
): Promise<WorkoutSessionRow> {
  const notes = optionalText(input.notes, 'notes', 2000);
  return moveSession(
    deps,
    userId,
    sessionId,
    'COMPLETED',
    (session, now) => ({
      completedAt: now,
      durationSeconds: sessionDurationSeconds(session.startedAt, now),
      intensityLevel: toStored(input.intensityLevel),
      ...(notes !== undefined ? { notes } : {}),
    }),
    async (tx, row) => {
      const payload: EventPayloadInput<'workout.completed'> = {
        sessionId: row.id,
        userId: row.userId,
        workoutPlanId: row.workoutPlanId,
        workoutPlanVersion: row.workoutPlanVersion,
        startedAt: row.startedAt.toISOString(),
        completedAt: row.completedAt!.toISOString(),
        durationSeconds: row.durationSeconds!,
        // The event speaks the API's words, as it did before storage went lower case.
        intensityLevel: fromStored(row.intensityLevel!),
      };
      await writeEvent(tx, outbox, 'workout.completed', payload, row.completedAt!);
    },
  );
}

export async function abandonSession(deps: SubgraphDeps, userId: string, sessionId: string) {
  return moveSession(
    deps,
    userId,
    sessionId,
    'ABANDONED',
    () => ({}),
    async (tx, row) => {
      const now = deps.clock.now();
      await writeEvent(
        tx,
        outbox,
        'workout.abandoned',
        {
          sessionId: row.id,
          userId: row.userId,
          startedAt: row.startedAt.toISOString(),
          abandonedAt: now.toISOString(),
        },
        now,
      );
    },
  );
}
