import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GATEWAY_NODE_FLAGS } from '../gateway/node-flags.js';
import { loadEnv, portOf } from '../kit/env.js';
import { SUBGRAPH_NAMES } from '../schema/subgraphs.js';

const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'));
const services = compose.services as Record<string, any>;
const defaults = loadEnv({});

describe('docker-compose.yml', () => {
  it('has the infrastructure and a one-shot migration', () => {
    expect(services.postgres.image).toMatch(/^postgres:1[5-9]/);
    expect(services.redis.image).toMatch(/^redis:7/);
    expect(services.migrate.command.join(' ')).toContain('stack/migrate.ts');
    expect(services.migrate.depends_on.postgres.condition).toBe('service_healthy');
    expect(services.postgres.healthcheck).toBeDefined();
    expect(services.redis.healthcheck).toBeDefined();
  });

  for (const name of SUBGRAPH_NAMES) {
    it(`runs the ${name} subgraph the way the code expects`, () => {
      const service = services[name];
      expect(service, `service ${name}`).toBeDefined();
      expect(service.command.join(' ')).toContain(`subgraphs/${name}/main.ts`);
      const port = portOf(defaults, name);
      expect(service.environment[`${name.toUpperCase()}_PORT`]).toBe(String(port));
      expect(service.expose).toContain(String(port));
      expect(service.environment.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      expect(service.environment.REDIS_URL).toBe('redis://redis:6379');
      expect(service.environment.IDENTITY_HEADER_SECRET).toBeDefined();
      expect(service.healthcheck.test.join(' ')).toContain(`127.0.0.1:${port}/ready`);
      expect(service.depends_on.migrate.condition).toBe('service_completed_successfully');
      expect(services.gateway.depends_on[name].condition).toBe('service_healthy');
      expect(services.gateway.environment.SUBGRAPH_URLS).toContain(`${name}=http://${name}:${port}/graphql`);
    });
  }

  it('runs two of every subgraph and gateway, the gateways behind HAProxy on 4000', () => {
    for (const name of [...SUBGRAPH_NAMES, 'gateway']) expect(services[name].deploy.replicas, name).toBe(2);
    const balancer = services.loadbalancer;
    expect(balancer.image).toMatch(/^haproxy:/);
    expect(balancer.ports).toContain('4000:4000');
    expect(balancer.volumes[0]).toMatch(/^\.\/deploy\/haproxy\.cfg:/);
    const config = readFileSync(new URL('../deploy/haproxy.cfg', import.meta.url), 'utf8');
    expect(config).toMatch(/server-template gateway 2 gateway:4000 check resolvers docker/);
    expect(services.gateway.ports).toBeUndefined();
    expect(services.gateway.environment.TRUST_PROXY_HOPS).toBe('${TRUST_PROXY_HOPS:-1}');
  });

  it('runs the gateway compiled, with a health check', () => {
    const gateway = services.gateway;
    expect(gateway.command.join(' ')).toContain('dist/gateway/main.js');
    for (const flag of GATEWAY_NODE_FLAGS) expect(gateway.command).toContain(flag);
    // `npm run start:gateway` starts it the same way.
    const scripts = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts;
    for (const flag of GATEWAY_NODE_FLAGS) expect(scripts['start:gateway']).toContain(flag);
    expect(scripts['start:gateway']).toContain('dist/gateway/main.js');
    expect(gateway.expose).toContain('4000');
    expect(gateway.environment.GATEWAY_PORT).toBe(String(defaults.GATEWAY_PORT));
    expect(gateway.healthcheck.test.join(' ')).toContain('127.0.0.1:4000/health');
  });

  it('requires the secrets and a mail transport instead of defaulting them', () => {
    const apps = Object.entries(services).filter(
      ([name]) => !['postgres', 'redis', 'loadbalancer'].includes(name),
    );
    for (const [name, service] of apps) {
      for (const variable of ['IDENTITY_HEADER_SECRET', 'ENCRYPTION_KEYS']) {
        expect(service.environment[variable], `${name} ${variable}`).toMatch(
          new RegExp(`^\\$\\{${variable}:\\?`),
        );
      }
      // Optional: without it production serves no metrics.
      expect(service.environment.METRICS_TOKEN, name).toBe('${METRICS_TOKEN:-}');
      if ('SMTP_URL' in service.environment) {
        expect(service.environment.SMTP_URL, name).toMatch(/^\$\{SMTP_URL:\?/);
      }
    }
    expect(services.identity.environment.SMTP_URL).toBeDefined();
  });

  // Compose only interpolates; the processes themselves refuse weak values (kit/env.test.ts).
  const placeholders = {
    IDENTITY_HEADER_SECRET: 'x'.repeat(32),
    ENCRYPTION_KEYS: 'k1:placeholder',
    SMTP_URL: 'smtp://mail.example:587',
  };
  const tool = ['docker-compose'].find((t) => spawnSync(t, ['version'], { stdio: 'ignore' }).status === 0);
  it.runIf(tool)('is valid for docker-compose config', () => {
    const result = spawnSync(tool!, ['config', '--quiet'], {
      cwd: new URL('..', import.meta.url).pathname,
      env: { ...process.env, ...placeholders },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.runIf(tool)('is refused by docker-compose config without SMTP_URL', () => {
    const { SMTP_URL: _smtp, ...withoutSmtp } = placeholders;
    const env: NodeJS.ProcessEnv = { ...process.env, ...withoutSmtp };
    delete env.SMTP_URL;
    const result = spawnSync(tool!, ['config', '--quiet'], {
      cwd: new URL('..', import.meta.url).pathname,
      env,
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('SMTP_URL');
  });
});
