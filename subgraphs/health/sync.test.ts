import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../testkit/stack.js';
import { garminAdapter } from './providers/garmin.js';
import { HealthSyncWorker } from './sync.js';
import { healthIntegrations } from './tables.js';

/** A local stand-in for a provider's HTTP API: routes by method and path, records every call. */
interface Fake {
  url: string;
  calls: { method: string; path: string; auth: string | undefined; body: string }[];
  close(): Promise<void>;
}

async function fakeServer(
  handle: (req: IncomingMessage, url: URL, body: string) => { status: number; json?: unknown },
): Promise<Fake> {
  const calls: Fake['calls'] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://fake');
      calls.push({
        method: req.method ?? '',
        path: url.pathname + url.search,
        auth: req.headers.authorization,
        body,
      });
      const out = handle(req, url, body);
      res.writeHead(out.status, { 'content-type': 'application/json' });
      res.end(out.json === undefined ? '' : JSON.stringify(out.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const SERIES = `query($type: HealthMetricType!, $from: DateTime!, $to: DateTime!, $tz: TimeZone) {
  me { healthSeries(metricType: $type, from: $from, to: $to, bucket: DAY, timeZone: $tz) { start sum count } }
}`;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  stack.clock.set(new Date('2026-11-10T12:00:00Z'));
});
afterAll(async () => {
  await stack?.stop();
});

function worker(adapters: ConstructorParameters<typeof HealthSyncWorker>[0]['adapters']) {
  const { database, secretBox, clock, log } = stack.runtime;
  return new HealthSyncWorker(
    { database, secretBox, clock: stack.clock ?? clock, log, adapters },
    15 * 60 * 1000,
  );
}

async function integrationOf(userId: string, provider: string) {
  const all = await stack.runtime.database.db
    .select()
    .from(healthIntegrations)
    .where(eq(healthIntegrations.userId, userId));
  return all.find((i) => i.provider === provider)!;
}

describe('garmin', () => {
  // The Garmin Health API as documented: OAuth2 token endpoint with client credentials in the
  // form, dailies pulled by upload time in windows of at most 24 hours.
  const state = { access: 'gm-access-1', refresh: 'gm-refresh-1', deregistered: [] as string[] };
  const dayStart = (date: string) => Date.parse(`${date}T00:00:00-05:00`) / 1000; // America/New_York in November
  const dailies = [
    // A partial day uploaded mid-day, then the full day uploaded after midnight.
    {
      calendarDate: '2026-11-08',
      duration: 43_200,
      steps: 3000,
      uploadedAt: dayStart('2026-11-08') + 43_300,
    },
    { calendarDate: '2026-11-08', duration: 86_400, steps: 9000, uploadedAt: dayStart('2026-11-09') + 600 },
    { calendarDate: '2026-11-09', duration: 86_400, steps: 7000, uploadedAt: dayStart('2026-11-10') + 600 },
  ].map((d, i) => ({
    uploadedAt: d.uploadedAt,
    body: {
      summaryId: `x${i}-${d.calendarDate}`,
      calendarDate: d.calendarDate,
      startTimeInSeconds: dayStart(d.calendarDate),
      startTimeOffsetInSeconds: -18_000,
      activityType: 'WALKING',
      durationInSeconds: d.duration,
      steps: d.steps,
      distanceInMeters: d.steps * 0.8,
      activeTimeInSeconds: 3600,
      activeKilocalories: 400,
      bmrKilocalories: 1700,
      moderateIntensityDurationInSeconds: 1200,
      vigorousIntensityDurationInSeconds: 600,
      restingHeartRateInBeatsPerMinute: 55,
      timeOffsetHeartRateSamples: { '0': 54, '900': 60 },
    },
  }));
  let fake: Fake;
  beforeAll(async () => {
    fake = await fakeServer((req, url, body) => {
      if (req.method === 'POST' && url.pathname === '/di-oauth2-service/oauth/token') {
        const form = new URLSearchParams(body);
        if (form.get('client_id') !== 'gm-client' || form.get('client_secret') !== 'gm-secret')
          return { status: 401 };
        if (form.get('refresh_token') !== state.refresh)
          return { status: 400, json: { error: 'invalid_grant' } };
        state.access = 'gm-access-2';
        state.refresh = 'gm-refresh-2';
        return {
          status: 200,
          json: {
            access_token: state.access,
            expires_in: 86400,
            token_type: 'bearer',
            refresh_token: state.refresh,
            scope: 'PARTNER_WRITE PARTNER_READ',
            jti: 'abc',
            refresh_token_expires_in: 7_775_998,
          },
        };
      }
      if (req.headers.authorization !== `Bearer ${state.access}`) return { status: 401 };
      if (req.method === 'DELETE' && url.pathname === '/wellness-api/rest/user/registration') {
        state.deregistered.push(state.access);
        return { status: 204 };
      }
      if (req.method === 'GET' && url.pathname === '/wellness-api/rest/dailies') {
        const start = Number(url.searchParams.get('uploadStartTimeInSeconds'));
        const end = Number(url.searchParams.get('uploadEndTimeInSeconds'));
        if (!(end > start) || end - start > 86_400) {
          return { status: 400, json: { errorMessage: 'timestamp range must be at most 86400 seconds' } };
        }
        return {
          status: 200,
          json: dailies.filter((d) => d.uploadedAt >= start && d.uploadedAt < end).map((d) => d.body),
        };
      }
      return { status: 404 };
    });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('pulls dailies in 24-hour windows, keeps only complete days as totals, and revokes on deletion', async () => {
    stack.clock.set(new Date('2026-11-10T12:00:00Z'));
    const user = await stack.signUp();
    // Connected a week ago (as completeHealthIntegration stores it), backfill already handed over.
    await stack.runtime.database.db.insert(healthIntegrations).values({
      userId: user.id,
      provider: 'garmin',
      accessTokenEncrypted: stack.runtime.secretBox.encrypt('gm-access-1'),
      refreshTokenEncrypted: stack.runtime.secretBox.encrypt('gm-refresh-1'),
      tokenExpiresAt: new Date('2026-11-10T12:01:00Z'),
      createdAt: new Date('2026-11-04T12:00:00Z'),
    });
    const adapter = garminAdapter({
      clientId: 'gm-client',
      clientSecret: 'gm-secret',
      authorizeUrl: `${fake.url}/oauth2Confirm`,
      apiUrl: fake.url,
      tokenUrl: `${fake.url}/di-oauth2-service/oauth/token`,
    });
    const report = await worker({ garmin: adapter }).runOnce();
    expect(report).toMatchObject({ synced: 1, failed: 0 });
    const windows = fake.calls.filter((c) => c.path.startsWith('/wellness-api/rest/dailies'));
    expect(windows).toHaveLength(7);
    const series = await stack.gql(
      SERIES,
      { type: 'STEPS', from: '2026-11-08T05:00:00Z', to: '2026-11-10T05:00:00Z', tz: 'America/New_York' },
      { token: user.token },
    );
    expect(series.data.me.healthSeries).toEqual([
      { start: '2026-11-08T05:00:00.000Z', sum: 9000, count: 1 },
      { start: '2026-11-09T05:00:00.000Z', sum: 7000, count: 1 },
    ]);
    const calories = await stack.gql(
      SERIES,
      { type: 'CALORIES', from: '2026-11-09T05:00:00Z', to: '2026-11-10T05:00:00Z', tz: 'America/New_York' },
      { token: user.token },
    );
    expect(calories.data.me.healthSeries[0].sum).toBe(2100);
    const heart = await stack.gql(
      SERIES,
      {
        type: 'HEART_RATE',
        from: '2026-11-08T05:00:00Z',
        to: '2026-11-10T05:00:00Z',
        tz: 'America/New_York',
      },
      { token: user.token },
    );
    // The partial and the full summary of Nov 8 carry the same samples: stored once.
    expect(heart.data.me.healthSeries.map((p: any) => p.count)).toEqual([2, 2]);

    await stack.runtime.bus.publish({
      id: crypto.randomUUID(),
      type: 'user.deleted',
      source: 'identity',
      occurredAt: new Date().toISOString(),
      payload: { userId: user.id, deletedAt: new Date().toISOString() },
    });
    await stack.flushEvents();
    const { eventually } = await import('../../testkit/stack.js');
    await eventually(async () => expect(await integrationOf(user.id, 'garmin')).toBeUndefined());
    await worker({ garmin: adapter }).runOnce();
    expect(state.deregistered).toEqual(['gm-access-2']);
  });
});

describe('sync workers side by side', () => {
  // Garmin answering every token of its own, with no dailies: what matters is who asks.
  let fake: Fake;
  beforeAll(async () => {
    fake = await fakeServer((req, url) => {
      if (req.method === 'GET' && url.pathname === '/wellness-api/rest/dailies')
        return { status: 200, json: [] };
      return { status: 404 };
    });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('sync each due integration once across workers (claims), and none again before its interval', async () => {
    stack.clock.set(new Date('2026-11-12T12:00:00Z'));
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++) {
      const user = await stack.signUp();
      const token = `side-by-side-${i}-${user.id}`;
      tokens.push(token);
      await stack.runtime.database.db.insert(healthIntegrations).values({
        userId: user.id,
        provider: 'garmin',
        accessTokenEncrypted: stack.runtime.secretBox.encrypt(token),
        refreshTokenEncrypted: stack.runtime.secretBox.encrypt(`refresh-${token}`),
        tokenExpiresAt: new Date('2026-11-13T12:00:00Z'),
        createdAt: new Date('2026-11-12T06:00:00Z'),
      });
    }
    const adapter = garminAdapter({
      clientId: 'gm-client',
      clientSecret: 'gm-secret',
      authorizeUrl: `${fake.url}/oauth2Confirm`,
      apiUrl: fake.url,
      tokenUrl: `${fake.url}/di-oauth2-service/oauth/token`,
    });
    const workers = [worker({ garmin: adapter }), worker({ garmin: adapter }), worker({ garmin: adapter })];
    const reports = await Promise.all(workers.map((w) => w.runOnce()));
    expect(reports.reduce((sum, r) => sum + r.synced, 0)).toBe(6);
    const callsPer = (token: string) => fake.calls.filter((c) => c.auth === `Bearer ${token}`).length;
    // Each integration pulled by one worker: the same windows for all, none pulled twice.
    const counts = tokens.map(callsPer);
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
    const again = await Promise.all(workers.map((w) => w.runOnce()));
    expect(again.reduce((sum, r) => sum + r.synced, 0)).toBe(0);
    expect(tokens.map(callsPer)).toEqual(counts);
  });
});
