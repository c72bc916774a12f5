import { ApiError, HealthMetricsRecordedDocument, TrainerDashboardDocument } from '@fitness/client';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Viewer } from '../App';
import { client, lastDays } from '../api';
import { Chart } from '../charts';
import { Empty, Query, useQuery } from '../ui';

/**
 * Live updates for the first clients only: each is one streamed HTTP response, and a browser
 * talking HTTP/1.1 opens at most six connections to one origin.
 */
const LIVE_CLIENTS = 3;

/**
 * Calls `onSamples` whenever the client records new health samples (the healthMetricsRecorded
 * subscription, streamed over HTTP). Subscribes again after a few seconds when the server ends
 * the stream for a retriable reason (a restart, a slow connection); stops when the session ended.
 */
function useLiveSamples(userId: string, enabled: boolean, onSamples: () => void) {
  const callback = useRef(onSamples);
  callback.current = onSamples;
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let stop = () => {};
    let retry: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      setLive(true);
      stop = client.subscribe(
        HealthMetricsRecordedDocument,
        { userId },
        {
          next: () => callback.current(),
          error: (error) => {
            setLive(false);
            if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return;
            retry = setTimeout(start, 3000);
          },
          complete: () => setLive(false),
        },
      );
    };
    start();
    return () => {
      clearTimeout(retry);
      stop();
    };
  }, [userId, enabled]);
  return live;
}

function LiveBadge({
  userId,
  enabled,
  onSamples,
}: {
  userId: string;
  enabled: boolean;
  onSamples: () => void;
}) {
  const live = useLiveSamples(userId, enabled, onSamples);
  if (!enabled) return null;
  return (
    <span className="muted" data-testid="client-live" data-live={live}>
      {live ? ' · live' : ' · reconnecting'}
    </span>
  );
}

/** A trainer's clients: each one's steps over the last 14 days and habit streaks, kept live. */
export function TrainerView({ viewer }: { viewer: Viewer }) {
  const timeZone = viewer.timeZone ?? 'UTC';
  const variables = useMemo(() => ({ days: lastDays(timeZone, 14) }), [timeZone]);
  const dashboard = useQuery(TrainerDashboardDocument, variables);
  const reload = dashboard.reload;
  return (
    <div className="grid">
      <h1 className="wide">Your clients</h1>
      <Query result={dashboard}>
        {(data) => {
          const trainer = data.me?.trainer;
          if (!trainer) return <Empty>This account is not a verified trainer.</Empty>;
          const clients = trainer.clients?.nodes ?? [];
          if (clients.length === 0)
            return <Empty>No clients yet: athletes hire you from your profile.</Empty>;
          return clients.map((relationship, index) => {
            const user = relationship.user;
            const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username;
            return (
              <section key={relationship.id} className="card" data-testid="client">
                <h2>{name}</h2>
                <p className="muted">
                  Client since {new Date(relationship.startedAt).toLocaleDateString()}
                  {relationship.activePlan ? ` · ${relationship.activePlan.name}` : ' · no plan'}
                  <LiveBadge
                    userId={user.id}
                    enabled={index < LIVE_CLIENTS}
                    onSamples={() => void reload()}
                  />
                </p>
                <Chart
                  testId="client-steps-chart"
                  label={`${user.username}: steps, last 14 days`}
                  kind="bars"
                  points={(relationship.steps ?? []).map((p) => ({ start: p.start, value: p.sum }))}
                  height={140}
                  timeZone={timeZone}
                />
                {(relationship.habits?.nodes ?? []).length === 0 ? (
                  <Empty>No habits.</Empty>
                ) : (
                  <ul className="habits compact">
                    {(relationship.habits?.nodes ?? []).map((habit) => (
                      <li key={habit.id}>
                        <span>{habit.name}</span>
                        <span className="muted">
                          {habit.currentStreak} now · best {habit.bestStreak}{' '}
                          {habit.streakUnit === 'WEEK' ? 'weeks' : 'days'}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          });
        }}
      </Query>
    </div>
  );
}
