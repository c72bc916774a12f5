import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../testkit/stack.js';
import { fitbitAdapter } from './providers/fitbit.js';
import { garminAdapter } from './providers/garmin.js';
import { HealthSyncWorker } from './sync.js';
import { healthIntegrations, tokenRevocations } from './tables.js';

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

describe('fitbit', () => {
  // The Fitbit Web API as documented: Basic client auth on the token endpoint, rotating refresh
  // tokens, local dates and times in the profile's time zone, distances in km.
  const state = { access: 'fb-access-1', refresh: 'fb-refresh-1', generation: 1, revoked: [] as string[] };
  let fake: Fake;
  beforeAll(async () => {
    fake = await fakeServer((req, url, body) => {
      const expectedBasic = `Basic ${Buffer.from('fb-client:fb-secret').toString('base64')}`;
      if (req.method === 'POST' && url.pathname === '/oauth2/token') {
        const form = new URLSearchParams(body);
        if (req.headers.authorization !== expectedBasic) return { status: 401, json: { errors: [] } };
        if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== state.refresh) {
          return {
            status: 400,
            json: { errors: [{ errorType: 'invalid_grant', message: 'Refresh token invalid' }] },
          };
        }
        state.generation += 1;
        state.access = `fb-access-${state.generation}`;
        state.refresh = `fb-refresh-${state.generation}`;
        return {
          status: 200,
          json: {
            access_token: state.access,
            expires_in: 28800,
            refresh_token: state.refresh,
            scope: 'activity heartrate sleep profile',
            token_type: 'Bearer',
            user_id: '8ABCDE',
          },
        };
      }
      if (req.method === 'POST' && url.pathname === '/oauth2/revoke') {
        if (req.headers.authorization !== expectedBasic) return { status: 401, json: {} };
        state.revoked.push(new URLSearchParams(body).get('token')!);
        return { status: 200, json: {} };
      }
      if (req.headers.authorization !== `Bearer ${state.access}`) {
        return {
          status: 401,
          json: { errors: [{ errorType: 'expired_token', message: 'Access token expired' }] },
        };
      }
      if (url.pathname === '/1/user/-/profile.json') {
        return {
          status: 200,
          json: { user: { encodedId: '8ABCDE', timezone: 'Europe/Berlin', offsetFromUTCMillis: 3600000 } },
        };
      }
      let m = url.pathname.match(/^\/1\/user\/-\/activities\/date\/(\d{4}-\d{2}-\d{2})\.json$/);
      if (m) {
        const day = Number(m[1]!.slice(8));
        return {
          status: 200,
          json: {
            activities: [],
            goals: { steps: 10000 },
            summary: {
              steps: 1000 * day,
              caloriesOut: 2000 + day,
              distances: [
                { activity: 'total', distance: day / 2 },
                { activity: 'tracker', distance: day / 2 },
              ],
              fairlyActiveMinutes: 10,
              veryActiveMinutes: day,
              lightlyActiveMinutes: 100,
              sedentaryMinutes: 600,
            },
          },
        };
      }
      m = url.pathname.match(/^\/1\.2\/user\/-\/sleep\/date\/(\d{4}-\d{2}-\d{2})\.json$/);
      if (m)
        return {
          status: 200,
          json: { sleep: [], summary: { totalMinutesAsleep: 420, totalTimeInBed: 450 } },
        };
      m = url.pathname.match(/^\/1\/user\/-\/activities\/heart\/date\/(\d{4}-\d{2}-\d{2})\/1d\/1min\.json$/);
      if (m) {
        return {
          status: 200,
          json: {
            'activities-heart': [{ dateTime: m[1], value: { restingHeartRate: 58, heartRateZones: [] } }],
            'activities-heart-intraday': {
              dataset: [
                { time: '00:00:00', value: 55 },
                { time: '07:30:00', value: 72 },
              ],
              datasetInterval: 1,
              datasetType: 'minute',
            },
          },
        };
      }
      return { status: 404, json: { errors: [{ errorType: 'not_found' }] } };
    });
  });
  afterAll(async () => {
    await fake?.close();
  });

  /** Connects Fitbit with an expired access token, so the next sync refreshes it first. */
  const connectExpiredFitbit = (token: string, refreshToken: string) =>
    stack.gql(
      `mutation($input: ConnectHealthIntegrationInput!) { connectHealthIntegration(input: $input) { id } }`,
      {
        input: {
          provider: 'FITBIT',
          accessToken: 'expired',
          refreshToken,
          tokenExpiresAt: '2026-01-01T00:00:00Z',
        },
      },
      { token },
    );

  const adapter = () =>
    fitbitAdapter({
      clientId: 'fb-client',
      clientSecret: 'fb-secret',
      apiUrl: fake.url,
      tokenUrl: `${fake.url}/oauth2/token`,
    });

  it('refreshes the token, pulls complete days, normalizes and ingests idempotently', async () => {
    const user = await stack.signUp();
    const connected = await stack.gql(
      `mutation($input: ConnectHealthIntegrationInput!) { connectHealthIntegration(input: $input) { id } }`,
      {
        input: {
          provider: 'FITBIT',
          accessToken: 'fb-access-1',
          refreshToken: 'fb-refresh-1',
          tokenExpiresAt: '2026-11-10T11:00:00Z',
        },
      },
      { token: user.token },
    );
    expect(connected.errors).toBeUndefined();

    const report = await worker({ fitbit: adapter() }).runOnce();
    expect(report).toMatchObject({ synced: 1, failed: 0, deactivated: 0 });
    // The expired token was refreshed and the rotated pair stored encrypted.
    const stored = await integrationOf(user.id, 'fitbit');
    expect(stack.runtime.secretBox.decrypt(stored.accessTokenEncrypted!)).toBe('fb-access-2');
    expect(stack.runtime.secretBox.decrypt(stored.refreshTokenEncrypted!)).toBe('fb-refresh-2');
    expect(stored.lastSyncAt?.toISOString()).toBe('2026-11-10T12:00:00.000Z');
    // Seven days back from Nov 10 in Berlin: Nov 3 through Nov 9, never the incomplete today.
    const days = fake.calls
      .filter((c) => c.path.startsWith('/1/user/-/activities/date/'))
      .map((c) => c.path.slice(26, 36));
    expect(days).toEqual([
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-07',
      '2026-11-08',
      '2026-11-09',
    ]);

    const series = await stack.gql(
      SERIES,
      { type: 'STEPS', from: '2026-11-07T23:00:00Z', to: '2026-11-09T23:00:00Z', tz: 'Europe/Berlin' },
      { token: user.token },
    );
    expect(series.data.me.healthSeries).toEqual([
      { start: '2026-11-07T23:00:00.000Z', sum: 8000, count: 1 },
      { start: '2026-11-08T23:00:00.000Z', sum: 9000, count: 1 },
    ]);
    const distance = await stack.gql(
      SERIES,
      { type: 'DISTANCE', from: '2026-11-08T23:00:00Z', to: '2026-11-09T23:00:00Z', tz: 'Europe/Berlin' },
      { token: user.token },
    );
    expect(distance.data.me.healthSeries[0].sum).toBe(4500);
    const latest = await stack.gql(
      '{ me { latestHealthMetrics(metricTypes: [HEART_RATE, ACTIVE_MINUTES, SLEEP]) { metricType value source recordedAt } } }',
      {},
      { token: user.token },
    );
    expect(latest.data.me.latestHealthMetrics).toEqual([
      // 07:30 in Berlin on Nov 9 (CET, UTC+1).
      { metricType: 'HEART_RATE', value: 72, source: 'FITBIT', recordedAt: '2026-11-09T06:30:00.000Z' },
      { metricType: 'ACTIVE_MINUTES', value: 19, source: 'FITBIT', recordedAt: '2026-11-08T23:00:00.000Z' },
      { metricType: 'SLEEP', value: 420, source: 'FITBIT', recordedAt: '2026-11-08T23:00:00.000Z' },
    ]);

    // A day later the overlap is fetched again; only Nov 10 is new.
    stack.clock.set(new Date('2026-11-11T12:00:00Z'));
    const again = await worker({ fitbit: adapter() }).runOnce();
    expect(again.synced).toBe(1);
    expect(again.samples).toBeGreaterThan(again.accepted);
    expect(again.accepted).toBe(7); // steps, calories, distance, active minutes, sleep, 2 heart-rate points
  });

  it('deactivates the integration when the provider refuses the grant, and revokes on disconnect', async () => {
    const user = await stack.signUp();
    await stack.gql(
      `mutation($input: ConnectHealthIntegrationInput!) { connectHealthIntegration(input: $input) { id } }`,
      {
        input: {
          provider: 'FITBIT',
          accessToken: 'stale',
          refreshToken: 'stale-refresh',
          tokenExpiresAt: '2026-01-01T00:00:00Z',
        },
      },
      { token: user.token },
    );
    const report = await worker({ fitbit: adapter() }).runOnce();
    expect(report.deactivated).toBe(1);
    expect((await integrationOf(user.id, 'fitbit')).isActive).toBe(false);
    const list = await stack.gql(
      '{ me { healthIntegrations { provider isActive } } }',
      {},
      { token: user.token },
    );
    expect(list.data.me.healthIntegrations).toEqual([{ provider: 'FITBIT', isActive: false }]);

    await stack.gql('mutation { disconnectHealthIntegration(provider: FITBIT) }', {}, { token: user.token });
    await worker({ fitbit: adapter() }).runOnce();
    expect(state.revoked).toContain('stale-refresh');
    const left = await stack.runtime.database.db
      .select()
      .from(tokenRevocations)
      .where(eq(tokenRevocations.provider, 'fitbit'));
    expect(left).toEqual([]);
  });

  it('syncs an integration once when two workers run at the same time, so a single-use refresh token survives', async () => {
    const user = await stack.signUp();
    await connectExpiredFitbit(user.token, state.refresh);
    const refreshes = () => fake.calls.filter((c) => c.path === '/oauth2/token').length;
    const before = refreshes();
    const reports = await Promise.all([
      worker({ fitbit: adapter() }).runOnce(),
      worker({ fitbit: adapter() }).runOnce(),
    ]);
    expect(reports.map((r) => r.synced).sort()).toEqual([0, 1]);
    expect(reports.every((r) => r.deactivated === 0 && r.failed === 0)).toBe(true);
    expect(refreshes() - before).toBe(1);
    const stored = await integrationOf(user.id, 'fitbit');
    expect(stored.isActive).toBe(true);
    expect(stored.syncClaimedUntil).toBeNull();
    expect(stack.runtime.secretBox.decrypt(stored.refreshTokenEncrypted!)).toBe(state.refresh);
  });

  it('takes over an integration whose worker died holding it, once the claim expires', async () => {
    const user = await stack.signUp();
    await connectExpiredFitbit(user.token, state.refresh);
    const held = new Date(stack.clock.now().getTime() + 60_000);
    await stack.runtime.database.db
      .update(healthIntegrations)
      .set({ syncClaimedUntil: held })
      .where(eq(healthIntegrations.userId, user.id));
    expect((await worker({ fitbit: adapter() }).runOnce()).synced).toBe(0);
    stack.clock.set(new Date(held.getTime() + 1));
    expect((await worker({ fitbit: adapter() }).runOnce()).synced).toBe(1);
    expect((await integrationOf(user.id, 'fitbit')).isActive).toBe(true);
  });
});

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
    await stack.gql(
      `mutation($input: ConnectHealthIntegrationInput!) { connectHealthIntegration(input: $input) { id } }`,
      {
        input: {
          provider: 'GARMIN',
          accessToken: 'gm-access-1',
          refreshToken: 'gm-refresh-1',
          tokenExpiresAt: '2026-11-10T12:01:00Z',
        },
      },
      { token: user.token },
    );
    const adapter = garminAdapter({
      clientId: 'gm-client',
      clientSecret: 'gm-secret',
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
