import { compressionBenchmark } from './compression.js';
import { ingestBenchmark, searchBenchmark, timeSeriesBenchmark } from './domain.js';
import type { Benchmark } from './report.js';
import { statementsBenchmark } from './statements.js';
import { subscriptionsBenchmark } from './subscriptions.js';
import { throughputBenchmark } from './throughput.js';

/** Every benchmark `npm run bench` runs, in order (`--only name,name` picks some). */
export const BENCHMARKS: Benchmark[] = [
  statementsBenchmark,
  throughputBenchmark,
  compressionBenchmark,
  ingestBenchmark,
  timeSeriesBenchmark,
  searchBenchmark,
  subscriptionsBenchmark,
];
