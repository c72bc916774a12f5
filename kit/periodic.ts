import type { Logger } from './log.js';
import type { BackgroundTask } from './subgraph.js';

export interface PeriodicTaskOptions<T> {
  /** Names the task in log lines; a subgraph's worker is `<subgraph>.<worker>`. */
  name: string;
  /** Pause between the end of one run and the start of the next. 0 or less: no timer, `runNow` only. */
  intervalMs: number;
  /**
   * When the first run happens: `on-start` runs it inside `start()` and waits for it (work the
   * process must not serve without, such as creating this month's partition); `soon` queues it
   * right after `start()`; `after-interval` (the default) waits one interval.
   */
  firstRun?: 'on-start' | 'soon' | 'after-interval';
  log?: Logger;
  work: () => Promise<T>;
}

/**
 * Runs `work` every `intervalMs` in the background, never two runs at once in one process, until
 * stopped. A failed run is logged and retried at the next tick; `stop()` waits for a run in
 * progress so shutdown never cuts a transaction short. Timers do not keep the process alive.
 */
/** Told about every finished run: whether it succeeded and how long it took. */
export type RunObserver = (outcome: 'ok' | 'failed', seconds: number) => void;

export class PeriodicTask<T> implements BackgroundTask {
  private timer: NodeJS.Timeout | null = null;
  private readonly observers: RunObserver[] = [];
  private running: Promise<T> | null = null;
  private stopped = true;

  constructor(private readonly options: PeriodicTaskOptions<T>) {}

  get name(): string {
    return this.options.name;
  }

  /** Adds an observer of every run (defineSubgraph records them as the worker's metrics). */
  observe(observer: RunObserver): void {
    this.observers.push(observer);
  }

  async start(): Promise<void> {
    this.stopped = false;
    const { firstRun = 'after-interval', intervalMs } = this.options;
    if (firstRun === 'on-start') await this.tick();
    if (intervalMs > 0 || firstRun === 'soon') this.schedule(firstRun === 'soon' ? 0 : intervalMs);
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
    await this.running?.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      await this.tick();
      if (this.options.intervalMs > 0) this.schedule(this.options.intervalMs);
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.runNow();
    } catch (error) {
      this.options.log?.warn({ err: error, task: this.options.name }, 'background task failed; will retry');
    }
  }
}
