import type { Logger } from './log.js';
import type { PeriodClaims } from './periodic-claims.js';
import type { BackgroundTask } from './subgraph.js';

/**
 * How a task scheduled in every replica of a service shares the work:
 * - `every-replica`: each replica runs it on its own interval. Only for work whose rows are
 *   claimed one by one (`FOR UPDATE SKIP LOCKED`, a claim column), such as draining a queue or an
 *   outbox, where more runners mean more throughput and never a row handled twice.
 * - a PeriodClaims (kit/periodic-claims.ts): once per period across all replicas. Time is cut
 *   into periods of `intervalMs` from the Unix epoch; every replica wakes at each period's start
 *   (plus up to a second of jitter) and tries to claim it; the one whose claim lands runs it, the
 *   others skip to the next period.
 */
export type Across = 'every-replica' | PeriodClaims;

export interface PeriodicTaskOptions<T> {
  /** Names the task in log lines; a subgraph's worker is `<subgraph>.<worker>`. */
  name: string;
  /** Pause between the end of one run and the start of the next. 0 or less: no timer, `runNow` only. */
  intervalMs: number;
  /** How the replicas of the service share the task; see Across. */
  across: Across;
  /**
   * When the first run happens: `on-start` runs it inside `start()` and waits for it (work the
   * process must not serve without, such as creating this month's partition; in every replica,
   * unclaimed, so the work must be idempotent); `soon` queues it right after `start()` (for a
   * claimed task: a claim of the current period); `after-interval` (the default) waits one
   * interval (for a claimed task: until the next period starts).
   */
  firstRun?: 'on-start' | 'soon' | 'after-interval';
  log?: Logger;
  work: () => Promise<T>;
}

/** Told about every finished run: whether it succeeded and how long it took. */
export type RunObserver = (outcome: 'ok' | 'failed', seconds: number) => void;

/** The longest jitter after a period's start before a replica claims it. */
const MAX_JITTER_MS = 1000;

/**
 * Runs `work` every `intervalMs` in the background, never two runs at once in one process, until
 * stopped; with claims (`across`), once per period across every replica. A failed run is logged
 * and retried at the next tick; `stop()` waits for a run in progress so shutdown never cuts a
 * transaction short. Timers do not keep the process alive. `runNow()` is never claimed: it is an
 * explicit pass (a command, a test).
 */
export class PeriodicTask<T> implements BackgroundTask {
  private timer: NodeJS.Timeout | null = null;
  private readonly observers: RunObserver[] = [];
  private running: Promise<T> | null = null;
  /** The scheduled tick in progress: its claim, run and record. */
  private ticking: Promise<void> | null = null;
  private stopped = true;
  private intervalMs: number;

  constructor(private readonly options: PeriodicTaskOptions<T>) {
    this.intervalMs = options.intervalMs;
  }

  get name(): string {
    return this.options.name;
  }

  /** The interval in force (the constructor's, or one set by `setIntervalMs`). */
  get interval(): number {
    return this.intervalMs;
  }

  /** Another interval (WORKER_INTERVALS); takes effect at the next `start()`. */
  setIntervalMs(intervalMs: number): void {
    this.intervalMs = intervalMs;
  }

  /** Adds an observer of every run (defineSubgraph records them as the worker's metrics). */
  observe(observer: RunObserver): void {
    this.observers.push(observer);
  }

  async start(): Promise<void> {
    this.stopped = false;
    const { firstRun = 'after-interval' } = this.options;
    if (firstRun === 'on-start') await this.tick(false);
    if (this.intervalMs > 0 || firstRun === 'soon') this.schedule(firstRun === 'soon' ? 0 : this.nextDelay());
  }

  /** Runs the work now (after the run in progress, if any) and returns its result or error. */
  async runNow(): Promise<T> {
    while (this.running) await this.running.catch(() => undefined);
    const started = performance.now();
    let outcome: 'ok' | 'failed' = 'failed';
    this.running = this.options.work();
    try {
      const result = await this.running;
      outcome = 'ok';
      return result;
    } finally {
      this.running = null;
      const seconds = (performance.now() - started) / 1000;
      for (const observer of this.observers) observer(outcome, seconds);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
    await this.running?.catch(() => undefined);
  }

  private get claims(): PeriodClaims | null {
    return this.options.across === 'every-replica' ? null : this.options.across;
  }

  /** Until the next tick: the interval, or for a claimed task the next period's start plus jitter. */
  private nextDelay(): number {
    if (!this.claims || this.intervalMs <= 0) return this.intervalMs;
    const now = Date.now();
    const nextPeriod = (Math.floor(now / this.intervalMs) + 1) * this.intervalMs;
    const jitter = Math.random() * Math.min(MAX_JITTER_MS, this.intervalMs / 10);
    return nextPeriod - now + 5 + jitter;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      this.ticking = this.tick(true);
      await this.ticking;
      this.ticking = null;
      if (this.intervalMs > 0) this.schedule(this.nextDelay());
    }, delayMs);
    this.timer.unref();
  }

  private async tick(scheduled: boolean): Promise<void> {
    if (this.stopped) return;
    const claims = scheduled && this.intervalMs > 0 ? this.claims : null;
    const periodStart = new Date(Math.floor(Date.now() / this.intervalMs) * this.intervalMs);
    try {
      if (claims && !(await claims.claim(this.name, periodStart, this.intervalMs))) return;
    } catch (error) {
      this.options.log?.warn({ err: error, task: this.name }, 'could not claim the period; will retry');
      return;
    }
    let outcome: 'ok' | 'failed' = 'ok';
    try {
      await this.runNow();
    } catch (error) {
      outcome = 'failed';
      this.options.log?.warn({ err: error, task: this.name }, 'background task failed; will retry');
    }
    if (!claims) return;
    try {
      await claims.finish(this.name, periodStart, outcome);
    } catch (error) {
      this.options.log?.warn({ err: error, task: this.name }, 'could not record the run');
    }
  }
}
