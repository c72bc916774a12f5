import { AthleteDashboardDocument, LogHabitDocument, MyHabitsDocument } from '@fitness/client';
import { useMemo, useState } from 'react';
import type { Viewer } from '../App';
import { client, describeError, lastDays, localDay } from '../api';
import { Chart } from '../charts';
import { Empty, Query, useQuery } from '../ui';

const METRIC_LABELS: Record<string, string> = {
  STEPS: 'Steps',
  HEART_RATE: 'Heart rate',
  CALORIES: 'Calories',
  DISTANCE: 'Distance',
  ACTIVE_MINUTES: 'Active minutes',
  WEIGHT: 'Weight',
  SLEEP: 'Sleep',
};

/** The athlete's dashboard: steps against the goal, heart rate, weight, sleep, habits, latest samples. */
export function DashboardView({ viewer }: { viewer: Viewer }) {
  const timeZone = viewer.timeZone ?? 'UTC';
  const [days, setDays] = useState<7 | 30>(7);
  const variables = useMemo(
    () => ({ week: lastDays(timeZone, 7), month: lastDays(timeZone, 30) }),
    [timeZone],
  );
  const dashboard = useQuery(AthleteDashboardDocument, variables);

  return (
    <div className="grid">
      <h1 className="wide">Hello, {viewer.username}</h1>
      <Query result={dashboard}>
        {(data) => {
          const me = data.me;
          if (!me) return <Empty>No data for this account.</Empty>;
          const goal = me.healthGoals?.nodes.find((g) => g.metricType === 'STEPS')?.targetValue ?? null;
          const steps = (days === 7 ? me.stepsWeek : me.stepsMonth) ?? [];
          return (
            <>
              <section className="card wide" aria-labelledby="steps-title">
                <div className="row">
                  <h2 id="steps-title">Steps per day</h2>
                  <fieldset className="toggle" aria-label="Period">
                    <button type="button" aria-pressed={days === 7} onClick={() => setDays(7)}>
                      7 days
                    </button>
                    <button type="button" aria-pressed={days === 30} onClick={() => setDays(30)}>
                      30 days
                    </button>
                  </fieldset>
                </div>
                <Chart
                  testId="steps-chart"
                  label={`Steps, last ${days} days${goal != null ? ` (goal ${goal})` : ''}`}
                  kind="bars"
                  points={steps.map((p) => ({ start: p.start, value: p.sum }))}
                  goal={goal}
                  timeZone={timeZone}
                />
                {goal == null && <p className="muted">Set a daily steps goal to see it on the chart.</p>}
              </section>
              <section className="card">
                <Chart
                  testId="heart-rate-chart"
                  label="Resting heart rate (lowest of the day, bpm)"
                  kind="line"
                  unit="bpm"
                  points={(me.heartRate ?? []).map((p) => ({
                    start: p.start,
                    value: p.count > 0 ? p.min : null,
                  }))}
                  timeZone={timeZone}
                />
              </section>
              <section className="card">
                <Chart
                  testId="weight-chart"
                  label="Weight (kg)"
                  kind="line"
                  unit="kg"
                  points={(me.weight ?? []).map((p) => ({
                    start: p.start,
                    value: p.count > 0 ? p.avg : null,
                  }))}
                  timeZone={timeZone}
                />
              </section>
              <section className="card" aria-labelledby="sleep-title">
                <h2 id="sleep-title">Sleep per night</h2>
                <SleepList points={me.sleep ?? []} timeZone={timeZone} />
              </section>
              <section className="card" aria-labelledby="latest-title">
                <h2 id="latest-title">Latest samples</h2>
                {(me.latestHealthMetrics ?? []).length === 0 ? (
                  <Empty>No samples yet: connect a device or record one.</Empty>
                ) : (
                  <dl className="latest">
                    {(me.latestHealthMetrics ?? []).map((m) => (
                      <div key={m.metricType}>
                        <dt>{METRIC_LABELS[m.metricType] ?? m.metricType}</dt>
                        <dd>
                          {m.value.toLocaleString()} {m.unit ?? ''}
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </section>
            </>
          );
        }}
      </Query>
      <Habits timeZone={timeZone} />
    </div>
  );
}

function SleepList({
  points,
  timeZone,
}: {
  points: { start: string; count: number; sum?: number | null }[];
  timeZone: string;
}) {
  const nights = points.filter((p) => p.count > 0);
  if (nights.length === 0) return <Empty>No sleep recorded this week.</Empty>;
  const format = new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone,
  });
  return (
    <ul className="sleep">
      {points.map((p) => {
        const minutes = p.sum ?? 0;
        return (
          <li key={p.start}>
            <span>{format.format(new Date(p.start))}</span>
            <span className="bar" style={{ width: `${Math.min(100, (minutes / 600) * 100)}%` }} />
            <span>{p.count > 0 ? `${Math.floor(minutes / 60)} h ${Math.round(minutes % 60)} min` : '–'}</span>
          </li>
        );
      })}
    </ul>
  );
}

function Habits({ timeZone }: { timeZone: string }) {
  const variables = useMemo(() => ({ from: localDay(timeZone, -6), to: localDay(timeZone, 0) }), [timeZone]);
  const habits = useQuery(MyHabitsDocument, variables);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const today = localDay(timeZone, 0);

  async function logToday(habitId: string) {
    setPending(habitId);
    setError(null);
    try {
      await client.data(LogHabitDocument, { input: { habitId } });
      await habits.reload();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setPending(null);
    }
  }

  return (
    <section className="card wide" aria-labelledby="habits-title">
      <h2 id="habits-title">Habits</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <Query result={habits}>
        {(data) => {
          const list = data.me?.habits?.nodes ?? [];
          if (list.length === 0) return <Empty>No habits yet.</Empty>;
          return (
            <ul className="habits">
              {list.map((habit) => {
                const doneToday =
                  habit.logs?.some((log) => log.loggedDate === today && log.completed) ?? false;
                return (
                  <li key={habit.id} data-testid="habit" data-habit={habit.name}>
                    <div>
                      <strong>{habit.name}</strong>
                      <span className="muted">
                        {' '}
                        · streak <span data-testid="current-streak">{habit.currentStreak}</span>{' '}
                        {habit.streakUnit === 'WEEK' ? 'weeks' : 'days'} (best {habit.bestStreak})
                      </span>
                    </div>
                    <button
                      type="button"
                      disabled={doneToday || pending === habit.id}
                      onClick={() => void logToday(habit.id)}
                    >
                      {doneToday ? 'Done today ✓' : pending === habit.id ? 'Logging…' : 'Log today'}
                    </button>
                  </li>
                );
              })}
            </ul>
          );
        }}
      </Query>
    </section>
  );
}
