import { TrainerDashboardDocument } from '@fitness/client';
import { useMemo } from 'react';
import type { Viewer } from '../App';
import { lastDays } from '../api';
import { Chart } from '../charts';
import { Empty, Query, useQuery } from '../ui';

/** A trainer's clients: each one's steps over the last 14 days and habit streaks. */
export function TrainerView({ viewer }: { viewer: Viewer }) {
  const timeZone = viewer.timeZone ?? 'UTC';
  const variables = useMemo(() => ({ days: lastDays(timeZone, 14) }), [timeZone]);
  const dashboard = useQuery(TrainerDashboardDocument, variables);
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
          return clients.map((relationship) => {
            const user = relationship.user;
            const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username;
            return (
              <section key={relationship.id} className="card" data-testid="client">
                <h2>{name}</h2>
                <p className="muted">
                  Client since {new Date(relationship.startedAt).toLocaleDateString()}
                  {relationship.activePlan ? ` · ${relationship.activePlan.name}` : ' · no plan'}
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
