import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { constantTimeEqual } from './crypto.js';
import type { Database } from './db.js';
import { jsonResponse, type Route } from './http-server.js';

/** A Prometheus registry per server (the gateway and each subgraph), served at GET /metrics. */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly operations: Histogram<'operation' | 'type'>;
  readonly errors: Counter<'code'>;
  readonly subgraphFetch: Histogram<'subgraph'>;
  readonly workerRuns: Histogram<'worker' | 'outcome'>;

  constructor(server: string, options: { defaultMetrics?: boolean } = {}) {
    this.registry.setDefaultLabels({ server });
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.operations = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL operations by name and type, and how long they took',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors returned to clients, by extensions.code',
      labelNames: ['code'],
      registers: [this.registry],
    });
    this.workerRuns = new Histogram({
      name: 'worker_run_duration_seconds',
      help: "Passes of a subgraph's periodic workers (<subgraph>.<worker>), by outcome, and how long they took",
      labelNames: ['worker', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
      registers: [this.registry],
    });
    this.subgraphFetch = new Histogram({
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Time the gateway waited for each subgraph fetch',
      labelNames: ['subgraph'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
  }

  /** Exposes the database's statement count and pool size. */
  watchDatabase(database: Database, poolMax: number): void {
    new Gauge({
      name: 'db_statements_total',
      help: 'SQL statements sent since start',
      registers: [this.registry],
      collect() {
        this.set(database.stats.statements);
      },
    });
    new Gauge({
      name: 'db_pool_max_connections',
      help: 'Connections the pool may open (1 for embedded PGlite)',
      registers: [this.registry],
      collect() {
        this.set(database.kind === 'pglite' ? 1 : poolMax);
      },
    });
  }

  plugin(): ApolloServerPlugin {
    const metrics = this;
    return {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse(ctx) {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            metrics.operations
              .labels(ctx.operationName ?? 'anonymous', ctx.operation?.operation ?? 'unknown')
              .observe(seconds);
            const body = ctx.response.body;
            const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
            for (const error of errors ?? []) {
              metrics.errors.labels(String(error.extensions?.code ?? 'UNKNOWN')).inc();
            }
          },
        };
      },
    };
  }
}

/**
 * GET /metrics for a server's registry. Outside production it is open (local Prometheus, tests).
 * In production metrics (operation names, error counts, pool sizes, memory) are for the scraper
 * alone: the route answers only `Authorization: Bearer <METRICS_TOKEN>`, and 404 when no token
 * is configured. Refusals say nothing about the metrics.
 */
export function metricsRoute(registry: Registry, access: { production: boolean; token?: string }): Route {
  return {
    method: 'GET',
    path: '/metrics',
    async handle(request) {
      if (access.production) {
        if (!access.token) return jsonResponse(404, { error: 'not found' });
        const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
        if (given === undefined || !constantTimeEqual(given, access.token)) {
          return {
            ...jsonResponse(401, { error: 'metrics need the metrics token' }),
            headers: { 'www-authenticate': 'Bearer' },
          };
        }
      }
      return {
        status: 200,
        headers: { 'content-type': registry.contentType },
        body: await registry.metrics(),
      };
    },
  };
}
