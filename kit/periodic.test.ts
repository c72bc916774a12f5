import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { PeriodicTask } from './periodic.js';

/** Work that records how many runs overlap and takes `ms` per run. */
function slowWork(ms: number) {
  const state = { runs: 0, active: 0, maxActive: 0 };
  const work = async () => {
    state.active++;
    state.maxActive = Math.max(state.maxActive, state.active);
    await sleep(ms);
    state.active--;
    return ++state.runs;
  };
  return { state, work };
}

describe('PeriodicTask', () => {
  it('runs on its interval and never overlaps, also with runNow calls in between', async () => {
    const { state, work } = slowWork(15);
    const task = new PeriodicTask({
      name: 'test',
      intervalMs: 5,
      across: 'every-replica',
      firstRun: 'soon',
      work,
    });
    await task.start();
    const manual = await Promise.all([task.runNow(), task.runNow(), task.runNow()]);
    await sleep(120);
    await task.stop();
    expect(new Set(manual).size).toBe(3);
    expect(state.runs).toBeGreaterThan(4);
    expect(state.maxActive).toBe(1);
  });

  it('runs the first time inside start() with on-start, and waits an interval by default', async () => {
    const onStart = slowWork(5);
    const eager = new PeriodicTask({
      name: 'eager',
      intervalMs: 60_000,
      across: 'every-replica',
      firstRun: 'on-start',
      work: onStart.work,
    });
    await eager.start();
    expect(onStart.state.runs).toBe(1);
    await eager.stop();

    const lazy = slowWork(1);
    const patient = new PeriodicTask({
      name: 'lazy',
      intervalMs: 60_000,
      across: 'every-replica',
      work: lazy.work,
    });
    await patient.start();
    await sleep(30);
    expect(lazy.state.runs).toBe(0);
    await patient.stop();
  });

  it('stop() waits for the run in progress and no run starts after it', async () => {
    const { state, work } = slowWork(40);
    const task = new PeriodicTask({
      name: 'test',
      intervalMs: 1,
      across: 'every-replica',
      firstRun: 'soon',
      work,
    });
    await task.start();
    await sleep(10);
    await task.stop();
    expect(state.active).toBe(0);
    const runs = state.runs;
    await sleep(60);
    expect(state.runs).toBe(runs);
  });

  it('logs a failed run and tries again at the next tick; runNow hands the error to its caller', async () => {
    const warnings: unknown[] = [];
    const log = { warn: (fields: unknown) => warnings.push(fields) } as never;
    let calls = 0;
    const task = new PeriodicTask({
      name: 'flaky',
      intervalMs: 5,
      across: 'every-replica',
      firstRun: 'soon',
      log,
      work: async () => {
        calls++;
        if (calls <= 2) throw new Error('database down');
        return calls;
      },
    });
    await task.start();
    await sleep(80);
    await task.stop();
    expect(warnings.length).toBe(2);
    expect(calls).toBeGreaterThan(2);

    const failing = new PeriodicTask({
      name: 'failing',
      intervalMs: 0,
      across: 'every-replica',
      work: async () => {
        throw new Error('nope');
      },
    });
    await expect(failing.runNow()).rejects.toThrow('nope');
  });

  it('tells its observers about every run, failed or not', async () => {
    const seen: string[] = [];
    let calls = 0;
    const task = new PeriodicTask({
      name: 'observed',
      intervalMs: 0,
      across: 'every-replica',
      work: async () => {
        if (++calls === 2) throw new Error('once');
        return calls;
      },
    });
    task.observe((outcome, seconds) => {
      expect(seconds).toBeGreaterThanOrEqual(0);
      seen.push(outcome);
    });
    await task.runNow();
    await expect(task.runNow()).rejects.toThrow('once');
    await task.runNow();
    expect(seen).toEqual(['ok', 'failed', 'ok']);
  });

  it('with an interval of 0 never runs on its own', async () => {
    const { state, work } = slowWork(1);
    const task = new PeriodicTask({ name: 'manual', intervalMs: 0, across: 'every-replica', work });
    await task.start();
    await sleep(30);
    expect(state.runs).toBe(0);
    expect(await task.runNow()).toBe(1);
    await task.stop();
  });
});
