import { describe, expect, it } from 'vitest';
import { encode } from '../seed-scale.js';
import { executionMs, planSummary } from './scale-data.js';
import { goalMet, goalSummary, latencySummary, markdownTable, textTable } from './report.js';
import { baselineRatios, bestHive } from './throughput.js';

describe('benchmark reporting', () => {
  it('summarises latencies with nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    const summary = latencySummary(samples.reverse());
    expect(summary).toMatchObject({ count: 100, p50Ms: 50, p90Ms: 90, p99Ms: 99, maxMs: 100, meanMs: 50.5 });
  });

  it('judges goals in both directions and reports missing values as unknown', () => {
    expect(goalMet({ label: 'rps', value: 1.6, goal: { op: '>=', target: 1.5 } })).toBe(true);
    expect(goalMet({ label: 'rps', value: 1.4, goal: { op: '>=', target: 1.5 } })).toBe(false);
    expect(goalMet({ label: 'rss', value: 310, goal: { op: '<=', target: 300 } })).toBe(false);
    expect(goalMet({ label: 'rss', value: null, goal: { op: '<=', target: 300 } })).toBeNull();
    expect(goalMet({ label: 'info', value: 2 })).toBeNull();
  });

  it('prints aligned text tables and markdown tables with numbers right-aligned', () => {
    const rows = [
      ['me', 1234.5, null],
      ['updateProfile', 2.5, 7],
    ];
    const text = textTable(['operation', 'req/s', 'n'], rows).split('\n');
    expect(text[0]).toBe('operation      req/s  n');
    expect(text[1]).toBe('-------------  -----  -');
    expect(text[2]).toBe('me             1,235  -');
    expect(text[3]).toBe('updateProfile   2.50  7');
    expect(markdownTable(['operation', 'req/s'], [['me', 81]])).toBe(
      '| operation | req/s |\n| --- | ---: |\n| me | 81 |',
    );
  });
});

describe('seed:scale COPY encoding', () => {
  it('escapes what the text format treats specially and writes nulls, booleans, dates and JSON', () => {
    expect(encode(null)).toBe('\\N');
    expect(encode(true)).toBe('t');
    expect(encode(12.5)).toBe('12.5');
    expect(encode(new Date('2026-01-02T03:04:05.000Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(encode('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(encode({ tags: ['yoga'] })).toBe('{"tags":["yoga"]}');
  });
});

describe('EXPLAIN summaries', () => {
  it('names the partitions scanned and the indexes used, bitmap scans included', () => {
    const plan = [
      'HashAggregate (actual time=4.5..4.6 rows=31 loops=1)',
      '  ->  Append (actual time=0.5..3.6 rows=8640 loops=1)',
      '        ->  Bitmap Heap Scan on health_metrics_2026m10 health_metrics_1 (actual time=0.5..1.5 rows=3832 loops=1)',
      '              ->  Bitmap Index Scan on health_metrics_2026m10_user_id_idx (actual time=0.3..0.3 rows=3832 loops=1)',
      '        ->  Index Scan using health_metrics_2026m11_user_id_idx on health_metrics_2026m11 health_metrics_2 (actual time=0.2..1.6 rows=4808 loops=1)',
      'Planning Time: 0.472 ms',
      'Execution Time: 4.653 ms',
    ];
    expect(planSummary(plan)).toEqual({
      relations: ['health_metrics_2026m10', 'health_metrics_2026m11'],
      indexes: ['health_metrics_2026m10_user_id_idx', 'health_metrics_2026m11_user_id_idx'],
      nodes: ['Bitmap Heap Scan', 'Bitmap Index Scan', 'Index Scan'],
    });
    expect(executionMs(plan)).toBe(4.653);
    expect(planSummary(['Seq Scan on content_items  (actual time=0.0..87.1 rows=16694 loops=1)'])).toEqual({
      relations: ['content_items'],
      indexes: [],
      nodes: ['Seq Scan'],
    });
  });

  it('lists every goal of a run with its figure and whether it is met', () => {
    const lines = goalSummary([
      {
        name: 'throughput',
        title: 'Gateway throughput',
        columns: [],
        rows: [],
        notes: [],
        ratios: [
          { label: 'me: ours / best Hive rps', value: 1.62, goal: { op: '>=', target: 1.5 } },
          { label: 'me: ours / Hive (JIT) rps', value: 2.1 },
          { label: 'our gateway peak RSS (MB)', value: 231, goal: { op: '<=', target: 200 } },
        ],
      },
    ]);
    expect(lines).toEqual([
      'throughput: me: ours / best Hive rps: 1.62 (goal >= 1.5: met)',
      'throughput: our gateway peak RSS (MB): 231.00 (goal <= 200: NOT met)',
      '1 of 2 goals met',
    ]);
    expect(goalSummary([])).toEqual([]);
  });

  it('compares with whichever Hive target was faster on the operation', () => {
    expect(bestHive({ hive: { rps: 900 }, 'hive-router': { rps: 1200 } })).toEqual({
      target: 'hive-router',
      rps: 1200,
    });
    expect(bestHive({ hive: { rps: 900 }, 'hive-router': { rps: 0 } })).toEqual({ target: 'hive', rps: 900 });
    expect(bestHive({ ours: { rps: 900 } })).toBeNull();
  });

  it('holds dashboard and trainerPlans to the subgraph-cost goals against the baseline, and no other operation', () => {
    const ours = { rps: 180, serverCpuMsPerRequest: 2, subgraphCpuMsPerRequest: 4 };
    const baseline = { rps: 100, serverCpuMsPerRequest: 3, subgraphCpuMsPerRequest: 10 };
    const dashboard = baselineRatios('dashboard', ours, baseline, 'a470cb0');
    expect(dashboard.map((r) => [r.label, r.value, r.goal])).toEqual([
      ['dashboard: ours / baseline (a470cb0) rps', 1.8, { op: '>=', target: 1.8 }],
      ['dashboard: baseline / ours gateway CPU per request', 1.5, undefined],
      ['dashboard: ours / baseline subgraph CPU per request', 0.4, { op: '<=', target: 0.5 }],
    ]);
    expect(
      goalSummary([{ name: 'throughput', title: 'x', columns: [], rows: [], ratios: dashboard, notes: [] }]),
    ).toContain('throughput: dashboard: ours / baseline subgraph CPU per request: 0.40 (goal <= 0.5: met)');
    expect(baselineRatios('me', ours, baseline, 'a470cb0').every((r) => r.goal === undefined)).toBe(true);
  });
});
