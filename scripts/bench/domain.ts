import { unsupportedReason } from './environment.js';
import { measureIngest, measureTimeSeries } from './health.js';
import { type Benchmark, skipped } from './report.js';
import { measureSearch } from './search.js';

/**
 * Benchmarks that belong to a domain subgraph. Each is skipped with a message while the field it
 * measures is missing from the supergraph; the measurements are in health.ts (ingest, time
 * series) and search.ts, and those that need seed:scale data skip with a message on a database
 * that has not been seeded.
 */
export interface DomainBenchmarkSpec {
  name: string;
  title: string;
  /** An operation the supergraph must validate before this benchmark can run. */
  requires: string;
  /** What the benchmark measures and its goal, printed while it is waiting for its subgraph. */
  goal: string;
  measure?: Benchmark['run'];
}

export function domainBenchmark(spec: DomainBenchmarkSpec): Benchmark {
  return {
    name: spec.name,
    title: spec.title,
    async run(context) {
      const reason = unsupportedReason(spec.requires);
      if (reason)
        return skipped(spec.name, spec.title, `${spec.goal}. Waiting for the supergraph: ${reason}`);
      if (!spec.measure) return skipped(spec.name, spec.title, `${spec.goal}. No measurement written yet.`);
      return spec.measure(context);
    },
  };
}

export const ingestBenchmark = domainBenchmark({
  name: 'ingest',
  title: 'Health metric ingest',
  requires: 'mutation { recordHealthMetrics(input: []) { __typename } }',
  goal: 'health samples/s through recordHealthMetrics (5,000-sample batches) against raw COPY into the same partitioned table; goal >= 0.3 of COPY',
  measure: measureIngest,
});

export const timeSeriesBenchmark = domainBenchmark({
  name: 'time-series',
  title: 'Health time series',
  requires:
    'query { me { healthSeries(metricType: STEPS, from: "2026-01-01T00:00:00Z", to: "2026-01-31T00:00:00Z", bucket: DAY) { __typename } } }',
  goal: 'healthSeries DAY buckets over 30 days for one user on 10 million rows, at the subgraph; goal p50 <= 10 ms with EXPLAIN pruning to one or two partitions',
  measure: measureTimeSeries,
});

export const searchBenchmark = domainBenchmark({
  name: 'search',
  title: 'Content search',
  requires: 'query { searchContent(query: "yoga") { __typename } }',
  goal: 'searchContent on 100k content items; goal p50 <= 20 ms',
  measure: measureSearch,
});
