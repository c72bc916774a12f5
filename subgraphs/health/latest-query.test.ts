import { randomUUID } from 'node:crypto';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { latestQuery } from './queries.js';

const dialect = new PgDialect();
const recentFrom = new Date('2026-11-01T00:00:00Z');
const pairs = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    userId: randomUUID(),
    metricType: i % 2 === 0 ? 'heart_rate' : 'steps',
  }));

describe('latest values statement', () => {
  it('has the same text and parameter count for any number of pairs, so its prepared plan is reused', () => {
    // A VALUES row per pair made a new text per batch size, and PostgreSQL planned it on every
    // execution (BENCHMARKS.md, "Trainer dashboard at 100 clients").
    const one = dialect.sqlToQuery(latestQuery(pairs(1), recentFrom));
    const hundred = dialect.sqlToQuery(latestQuery(pairs(100), recentFrom));
    expect(hundred.sql).toBe(one.sql);
    expect(hundred.params).toHaveLength(one.params.length);
  });

  it('passes the pairs in order, users and types as two arrays of the same length', () => {
    const batch = pairs(3);
    const { params } = dialect.sqlToQuery(latestQuery(batch, recentFrom));
    expect(params.slice(0, 2)).toEqual([batch.map((p) => p.userId), batch.map((p) => p.metricType)]);
  });
});
