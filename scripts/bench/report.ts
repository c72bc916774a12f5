/**
 * The common shape of every benchmark: a table of measurements, the ratios the goals are stated
 * in, and notes. `npm run bench` runs each registered benchmark, prints its table and writes all
 * results to .bench/results/ (JSON and Markdown ready to paste into BENCHMARKS.md).
 *
 * To add a benchmark: write `scripts/bench/<name>.ts` exporting a `Benchmark`, and list it in
 * `scripts/bench/benchmarks.ts`. Use `skipped()` when what it measures does not exist yet, and
 * `latencySummary()` / `timeSamples()` for per-call latency.
 */
import type { BenchEnvironment } from './environment.js';

export type Cell = string | number | null;

export interface Goal {
  /** `>=` when bigger is better (a rate ratio), `<=` when smaller is (latency, memory). */
  op: '>=' | '<=';
  target: number;
}

export interface Ratio {
  label: string;
  value: number | null;
  goal?: Goal;
  /** Why the value is missing or what it depends on. */
  note?: string;
}

export interface BenchResult {
  name: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  ratios: Ratio[];
  notes: string[];
  /** Set when the benchmark could not run; the reason is printed instead of a table. */
  skipped?: string;
}

export interface BenchOptions {
  /** Seconds each load run lasts (after warm-up). */
  duration: number;
  warmup: number;
  connections: number;
  /** Distinct signed-in users the load rotates through. */
  users: number;
  /** Only these operations (names from operations.yaml), or all. */
  operations: string[] | null;
  /** Only these gateways: ours, baseline, hive (JIT), hive-router (Rust query planner), direct. */
  targets: string[] | null;
  /** A git ref: also runs our gateway as it was at that commit (target `baseline`). */
  baseline: string | null;
  /** Runs our gateway under `node --cpu-prof` (profiles in .bench/profiles/, summarised at the end). */
  profile: boolean;
  /** Subscription benchmark: graphql-ws connections (one subscription each), spread over the users. */
  subscribers: number;
  /** Subscription benchmark: events committed per second, and for how long. */
  eventsPerSecond: number;
  eventSeconds: number;
}

export interface BenchContext {
  options: BenchOptions;
  /** Started lazily and shared by every benchmark: database, subgraph processes, users. */
  environment(): Promise<BenchEnvironment>;
  log(message: string): void;
}

export interface Benchmark {
  name: string;
  title: string;
  run(context: BenchContext): Promise<BenchResult | BenchResult[]>;
}

export function skipped(name: string, title: string, reason: string): BenchResult {
  return { name, title, columns: [], rows: [], ratios: [], notes: [], skipped: reason };
}

export function goalMet(ratio: Ratio): boolean | null {
  if (!ratio.goal || ratio.value === null || Number.isNaN(ratio.value)) return null;
  return ratio.goal.op === '>=' ? ratio.value >= ratio.goal.target : ratio.value <= ratio.goal.target;
}

export function formatCell(value: Cell): string {
  if (value === null) return '-';
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

/** An aligned plain-text table for the terminal. */
export function textTable(columns: string[], rows: Cell[][]): string {
  const cells = rows.map((row) => row.map(formatCell));
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...cells.map((row) => (row[i] ?? '').length)),
  );
  const numeric = columns.map((_, i) => rows.every((row) => row[i] === null || typeof row[i] === 'number'));
  const line = (values: string[]) =>
    values
      .map((value, i) => (numeric[i] ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0)))
      .join('  ');
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export function markdownTable(columns: string[], rows: Cell[][]): string {
  const numeric = columns.map((_, i) => rows.every((row) => row[i] === null || typeof row[i] === 'number'));
  return [
    `| ${columns.join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(formatCell).join(' | ')} |`),
  ].join('\n');
}

function ratioLine(ratio: Ratio): string {
  const value = ratio.value === null ? 'n/a' : ratio.value.toFixed(2);
  const met = goalMet(ratio);
  const goal = ratio.goal ? ` (goal ${ratio.goal.op} ${ratio.goal.target}: ${met ? 'met' : 'NOT met'})` : '';
  return `${ratio.label}: ${value}${goal}${ratio.note ? ` — ${ratio.note}` : ''}`;
}

/**
 * Every goal of a run in one list, each figure beside its goal and whether it is met, so a run
 * ends with what it proved (and what it did not) rather than leaving it to the tables above.
 */
export function goalSummary(results: BenchResult[]): string[] {
  const lines: string[] = [];
  for (const result of results) {
    for (const ratio of result.ratios) {
      if (ratio.goal) lines.push(`${result.name}: ${ratioLine(ratio)}`);
    }
  }
  const missed = lines.filter((line) => line.includes('NOT met')).length;
  return lines.length === 0 ? [] : [...lines, `${lines.length - missed} of ${lines.length} goals met`];
}

export function printResult(result: BenchResult): void {
  console.log(`\n## ${result.title}`);
  if (result.skipped) {
    console.log(`skipped: ${result.skipped}`);
    return;
  }
  if (result.rows.length > 0) console.log(textTable(result.columns, result.rows));
  for (const ratio of result.ratios) console.log(`  ${ratioLine(ratio)}`);
  for (const note of result.notes) console.log(`  note: ${note}`);
}

export function markdownResult(result: BenchResult): string {
  const parts = [`### ${result.title}`, ''];
  if (result.skipped) {
    parts.push(`Skipped: ${result.skipped}`, '');
    return parts.join('\n');
  }
  if (result.rows.length > 0) parts.push(markdownTable(result.columns, result.rows), '');
  for (const ratio of result.ratios) parts.push(`- ${ratioLine(ratio)}`);
  for (const note of result.notes) parts.push(`- ${note}`);
  parts.push('');
  return parts.join('\n');
}

export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function latencySummary(samplesMs: number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    meanMs: sum / Math.max(1, sorted.length),
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * Calls `fn` sequentially (warm-up calls first, not recorded) and returns its latencies in ms.
 * For per-call goals such as "healthSeries p50 <= 10 ms at the subgraph" or "searchContent p50".
 */
export async function timeSamples(
  fn: (iteration: number) => Promise<unknown>,
  options: { iterations: number; warmup?: number },
): Promise<number[]> {
  for (let i = 0; i < (options.warmup ?? Math.min(20, options.iterations)); i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < options.iterations; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

/** A rate (items per second) from a count and the time a run took. */
export async function rate(
  fn: () => Promise<number>,
): Promise<{ items: number; seconds: number; perSecond: number }> {
  const start = process.hrtime.bigint();
  const items = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { items, seconds, perSecond: items / seconds };
}
