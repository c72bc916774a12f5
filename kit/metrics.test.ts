import { describe, expect, it } from 'vitest';
import type { RawRequest } from './http-server.js';
import { metricsRoute, ServerMetrics } from './metrics.js';

const request = (authorization?: string): RawRequest => ({
  method: 'GET',
  path: '/metrics',
  headers: authorization ? { authorization } : {},
  body: Buffer.alloc(0),
  remoteAddress: '203.0.113.7',
});

describe('GET /metrics', () => {
  const { registry } = new ServerMetrics('probe', { defaultMetrics: false });

  it('is open outside production', async () => {
    const response = await metricsRoute(registry, { production: false }).handle(request());
    expect(response.status).toBe(200);
    expect(response.body).toContain('graphql_operation_duration_seconds');
  });

  it('is not served in production without METRICS_TOKEN', async () => {
    const route = metricsRoute(registry, { production: true });
    for (const authorization of [undefined, 'Bearer ', 'Bearer undefined']) {
      const response = await route.handle(request(authorization));
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('graphql_');
    }
  });

  it('answers only the exact bearer token in production', async () => {
    const token = 'a'.repeat(8) + 'QkZ3x9-_LmN0pR7sT2uV4wY6zB8cD1eF';
    const route = metricsRoute(registry, { production: true, token });
    for (const authorization of [undefined, token, `Bearer ${token}x`, `Bearer ${token.slice(1)}`]) {
      const response = await route.handle(request(authorization));
      expect(response.status).toBe(401);
      expect(response.body).not.toContain('graphql_');
    }
    expect((await route.handle(request(`Bearer ${token}`))).status).toBe(200);
    expect((await route.handle(request(`bearer ${token}`))).status).toBe(200);
  });
});
