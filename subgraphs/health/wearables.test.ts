import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Browser } from '../../testkit/browser.js';
import { TEST_REDIRECT_URI } from '../../testkit/oauth-providers.js';
import { startTestStack, type TestStack } from '../../testkit/stack.js';
import {
  FakeWearables,
  GARMIN_WEBHOOK_TOKEN,
  GOOGLE_WEBHOOK_SECRET,
  type GarminUser,
  type GoogleUser,
  WEARABLE_CLIENTS,
} from '../../testkit/wearable-providers.js';
import { wearableAdapters } from './providers/index.js';
import { HealthSyncWorker } from './sync.js';
import { healthIntegrations } from './tables.js';

/**
 * Wearables through the gateway: connecting a pulled provider (start -> the provider's consent
 * page -> complete) with the flow bound to the user and client that started it, the background
 * backfill, notifications, rate limits, token refresh and revocation, and the retired Fitbit.
 */

const START = `mutation($provider: HealthProvider!, $redirectUri: String!, $client: OAuthClient) {
  startHealthIntegration(provider: $provider, redirectUri: $redirectUri, client: $client) {
    authorizationUrl state flowSecret expiresAt
  }
}`;
const COMPLETE = `mutation($provider: HealthProvider!, $code: String!, $state: String!, $flowSecret: String) {
  completeHealthIntegration(provider: $provider, code: $code, state: $state, flowSecret: $flowSecret) {
    __typename
    ... on Problem { code message }
    ... on HealthIntegrationFailed { reason }
    ... on HealthIntegrationConnected { integration { id provider isActive backfill { percent done } } }
  }
}`;
const INTEGRATIONS = `{ me { healthIntegrations {
  provider isActive needsReconnect inactiveReason lastSyncAt lastError
  backfill { from until reached percent done }
} } }`;
const SERIES = `query($type: HealthMetricType!, $from: DateTime!, $to: DateTime!) {
  me { healthSeries(metricType: $type, from: $from, to: $to, bucket: DAY, timeZone: "UTC") { start sum count } }
}`;

const NOW = new Date('2026-12-01T12:00:00Z');
let stack: TestStack;
let fake: FakeWearables;
beforeAll(async () => {
  fake = await new FakeWearables().start();
  stack = await startTestStack({
    env: { ...fake.env(), OAUTH_REDIRECT_URIS: TEST_REDIRECT_URI, HEALTH_BACKFILL_DAYS: '7' },
  });
  stack.clock.set(NOW);
});
afterAll(async () => {
  await stack?.stop();
  await fake?.stop();
});

const worker = () =>
  new HealthSyncWorker(
    {
      database: stack.runtime.database,
      secretBox: stack.runtime.secretBox,
      clock: stack.clock,
      log: stack.runtime.log,
      adapters: wearableAdapters(stack.runtime.env),
    },
    15 * 60 * 1000,
  );

// Every test starts with no integration of an earlier test still due (the stack is shared).
beforeEach(async () => {
  for (let pass = 0; pass < 10 && (await worker().runOnce()).synced > 0; pass++);
});

const webhook = (path: string, body: unknown, headers: Record<string, string>) =>
  fetch(stack.subgraphUrls.health.replace(/\/graphql$/, path), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function stored(userId: string, provider: string) {
  const rows = await stack.runtime.database.db
    .select()
    .from(healthIntegrations)
    .where(eq(healthIntegrations.userId, userId));
  return rows.find((r) => r.provider === provider)!;
}

let googleUsers = 0;
/** A Google Health user with a minute of steps and a heart-rate sample on each of the last 10 days. */
function googleUser(): GoogleUser {
  const points: GoogleUser['points'] = { steps: [], 'heart-rate': [], weight: [], sleep: [] };
  for (let day = 1; day <= 10; day++) {
    const at = new Date(NOW.getTime() - day * 86_400_000);
    const interval = { startTime: at.toISOString(), endTime: new Date(at.getTime() + 60_000).toISOString() };
    points.steps!.push({
      name: `users/me/dataTypes/steps/dataPoints/s${day}`,
      dataSource: { device: { displayName: 'Pixel Watch 4' } },
      steps: { interval, count: String(100 * day) },
    });
    points['heart-rate']!.push({
      heartRate: { sampleTime: { physicalTime: at.toISOString() }, beatsPerMinute: String(60 + day) },
    });
  }
  points.weight!.push({
    weight: {
      sampleTime: { physicalTime: new Date(NOW.getTime() - 2 * 86_400_000).toISOString() },
      weightGrams: 71_250,
    },
  });
  googleUsers += 1;
  return { healthUserId: `health-user-${googleUsers}-${Date.now()}`, points };
}

async function connectGoogle(user: { token: string }, account: GoogleUser) {
  const browser = new Browser(stack.gatewayUrl);
  const started = await browser.gql(
    START,
    { provider: 'GOOGLE_HEALTH', redirectUri: TEST_REDIRECT_URI },
    { token: user.token },
  );
  expect(started.errors).toBeUndefined();
  const grant = fake.authorize(started.data.startHealthIntegration.authorizationUrl, account);
  const done = await browser.gql(COMPLETE, { provider: 'GOOGLE_HEALTH', ...grant }, { token: user.token });
  expect(done.errors).toBeUndefined();
  return done.data.completeHealthIntegration;
}

describe('Google Health', () => {
  it('connects through the provider, keeps tokens encrypted on the server, backfills in the background', async () => {
    const user = await stack.signUp();
    const account = googleUser();
    const browser = new Browser(stack.gatewayUrl);
    const started = await browser.gql(
      START,
      { provider: 'GOOGLE_HEALTH', redirectUri: TEST_REDIRECT_URI, client: 'BROWSER' },
      { token: user.token },
    );
    expect(started.errors).toBeUndefined();
    const start = started.data.startHealthIntegration;
    // A browser gets the flow secret only as an HttpOnly cookie the gateway sets.
    expect(start.flowSecret).toBeNull();
    expect(browser.setCookieLines.some((l) => /^health_oauth_flow=.*HttpOnly/.test(l))).toBe(true);
    const url = new URL(start.authorizationUrl);
    expect(url.searchParams.get('scope')).toContain('googlehealth.activity_and_fitness.readonly');
    expect(url.searchParams.get('access_type')).toBe('offline');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');

    const grant = fake.authorize(start.authorizationUrl, account);
    const done = await browser.gql(COMPLETE, { provider: 'GOOGLE_HEALTH', ...grant }, { token: user.token });
    expect(done.data.completeHealthIntegration).toMatchObject({
      __typename: 'HealthIntegrationConnected',
      integration: { provider: 'GOOGLE_HEALTH', isActive: true, backfill: { percent: 0, done: false } },
    });
    expect(browser.cookies.has('health_oauth_flow')).toBe(false);

    const row = await stored(user.id, 'google_health');
    expect(row.providerUserId).toBe(account.healthUserId);
    const dump = JSON.stringify(row);
    for (const token of fake.issuedTokens) expect(dump).not.toContain(token);

    // 7 days of history (HEALTH_BACKFILL_DAYS) in 3-day chunks: three passes.
    for (let pass = 0; pass < 3; pass++) expect((await worker().runOnce()).synced).toBe(1);
    const list = await stack.gql(INTEGRATIONS, {}, { token: user.token });
    expect(list.data.me.healthIntegrations[0]).toMatchObject({
      provider: 'GOOGLE_HEALTH',
      needsReconnect: false,
      lastError: null,
      backfill: { percent: 100, done: true, until: NOW.toISOString() },
    });
    const steps = await stack.gql(
      SERIES,
      { type: 'STEPS', from: '2026-11-20T00:00:00Z', to: '2026-12-01T00:00:00Z' },
      { token: user.token },
    );
    // Only the 7 days the backfill reaches: Nov 24 .. Nov 30.
    expect(steps.data.me.healthSeries.map((p: any) => p.sum)).toEqual([700, 600, 500, 400, 300, 200, 100]);
    const latest = await stack.gql(
      '{ me { latestHealthMetrics(metricTypes: [WEIGHT, HEART_RATE]) { metricType value source sourceDevice } } }',
      {},
      { token: user.token },
    );
    expect(latest.data.me.latestHealthMetrics).toEqual([
      { metricType: 'WEIGHT', value: 71.25, source: 'GOOGLE_HEALTH', sourceDevice: 'Google Health' },
      { metricType: 'HEART_RATE', value: 61, source: 'GOOGLE_HEALTH', sourceDevice: 'Google Health' },
    ]);
    // Backfill done and synced just now: not due again.
    expect((await worker().runOnce()).synced).toBe(0);
  });

  it('pulls after a verified notification, once per notification, never from its content', async () => {
    const user = await stack.signUp();
    const account = googleUser();
    await connectGoogle(user, account);
    for (let pass = 0; pass < 3; pass++) await worker().runOnce();
    expect((await worker().runOnce()).synced).toBe(0);

    const notification = {
      data: {
        version: '1',
        clientProvidedSubscriptionName: 'fitness',
        healthUserId: account.healthUserId,
        operation: 'UPSERT',
        dataType: 'steps',
        intervals: [{ physicalTimeInterval: { startTime: NOW.toISOString(), endTime: NOW.toISOString() } }],
      },
    };
    // Subscriber creation checks the endpoint: 201 with the secret, 401 without it.
    const verification = { type: 'verification' };
    const verified = await webhook('/webhooks/google-health', verification, {
      authorization: `Bearer ${GOOGLE_WEBHOOK_SECRET}`,
    });
    expect(verified.status).toBe(201);
    expect((await webhook('/webhooks/google-health', verification, {})).status).toBe(401);

    const wrong = await webhook('/webhooks/google-health', [notification], { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect((await worker().runOnce()).synced).toBe(0);

    const ok = await webhook('/webhooks/google-health', [notification], {
      authorization: `Bearer ${GOOGLE_WEBHOOK_SECRET}`,
    });
    expect(ok.status).toBe(200);
    const before = fake.count('/dataTypes/steps/dataPoints');
    expect((await worker().runOnce()).synced).toBe(1);
    expect(fake.count('/dataTypes/steps/dataPoints')).toBe(before + 1);

    // The same notification again (a redelivery) asks for nothing.
    await webhook('/webhooks/google-health', [notification], {
      authorization: `Bearer ${GOOGLE_WEBHOOK_SECRET}`,
    });
    expect((await worker().runOnce()).synced).toBe(0);
  });

  it('waits as long as a 429 says, shows RATE_LIMITED, and recovers', async () => {
    const user = await stack.signUp();
    await connectGoogle(user, googleUser());
    fake.throttle('google', 1, '120');
    const report = await worker().runOnce();
    expect(report.failed).toBe(1);
    const list = await stack.gql(INTEGRATIONS, {}, { token: user.token });
    expect(list.data.me.healthIntegrations[0]).toMatchObject({ isActive: true, lastError: 'RATE_LIMITED' });
    const row = await stored(user.id, 'google_health');
    expect(row.retryAfter?.toISOString()).toBe(new Date(NOW.getTime() + 120_000).toISOString());
    expect((await worker().runOnce()).synced).toBe(0);
    stack.clock.set(new Date(NOW.getTime() + 121_000));
    try {
      expect((await worker().runOnce()).synced).toBe(1);
      const after = await stack.gql(INTEGRATIONS, {}, { token: user.token });
      expect(after.data.me.healthIntegrations[0].lastError).toBeNull();
    } finally {
      stack.clock.set(NOW);
    }
  });

  it('refreshes an expired token, and turns inactive with ACCESS_REVOKED when the grant is revoked', async () => {
    const user = await stack.signUp();
    const account = googleUser();
    await connectGoogle(user, account);
    await stack.runtime.database.db
      .update(healthIntegrations)
      .set({ tokenExpiresAt: new Date(NOW.getTime() - 1000) })
      .where(eq(healthIntegrations.userId, user.id));
    fake.expireAccess(account);
    const refreshes = fake.requests.filter((r) => r.form.get('grant_type') === 'refresh_token').length;
    expect((await worker().runOnce()).synced).toBe(1);
    expect(fake.requests.filter((r) => r.form.get('grant_type') === 'refresh_token').length).toBe(
      refreshes + 1,
    );
    expect((await stored(user.id, 'google_health')).isActive).toBe(true);

    fake.revokeUser(account);
    await stack.runtime.database.db
      .update(healthIntegrations)
      .set({ tokenExpiresAt: new Date(NOW.getTime() - 1000) })
      .where(eq(healthIntegrations.userId, user.id));
    expect((await worker().runOnce()).deactivated).toBe(1);
    const list = await stack.gql(INTEGRATIONS, {}, { token: user.token });
    expect(list.data.me.healthIntegrations[0]).toMatchObject({
      isActive: false,
      needsReconnect: true,
      inactiveReason: 'ACCESS_REVOKED',
    });

    // Reconnecting brings it back, and the dead tokens go to the revocation queue.
    const again = await connectGoogle(user, account);
    expect(again.__typename).toBe('HealthIntegrationConnected');
    const fresh = await stored(user.id, 'google_health');
    expect(fresh.inactiveReason).toBeNull();

    // Disconnecting revokes the grant at Google (the worker calls its revoke endpoint).
    const refreshToken = stack.runtime.secretBox.decrypt(fresh.refreshTokenEncrypted!);
    await stack.gql(
      'mutation { disconnectHealthIntegration(provider: GOOGLE_HEALTH) }',
      {},
      { token: user.token },
    );
    expect((await worker().runOnce()).revoked).toBeGreaterThanOrEqual(1);
    expect(fake.revoked).toContain(refreshToken);
  });
});

describe('flow binding', () => {
  it('refuses another user’s state, a missing or wrong flow secret, a reused state and an expired one', async () => {
    const owner = await stack.signUp();
    const other = await stack.signUp();
    const account = googleUser();
    const startNative = async () => {
      const started = await stack.gql(
        START,
        { provider: 'GOOGLE_HEALTH', redirectUri: TEST_REDIRECT_URI, client: 'NATIVE' },
        { token: owner.token },
      );
      const s = started.data.startHealthIntegration;
      expect(s.flowSecret).toEqual(expect.any(String));
      return { ...s, grant: fake.authorize(s.authorizationUrl, account) };
    };
    const complete = async (
      token: string,
      grant: { code: string; state: string },
      flowSecret?: string | null,
    ) =>
      (await stack.gql(COMPLETE, { provider: 'GOOGLE_HEALTH', ...grant, flowSecret }, { token })).data
        .completeHealthIntegration;
    const refused = {
      __typename: 'HealthIntegrationFailed',
      reason: 'INVALID_STATE',
      code: 'HEALTH_INTEGRATION_FAILED',
    };

    // Another viewer with the owner's state, code and even secret: refused, and the flow is spent.
    const stolen = await startNative();
    expect(await complete(other.token, stolen.grant, stolen.flowSecret)).toMatchObject(refused);
    expect(await complete(owner.token, stolen.grant, stolen.flowSecret)).toMatchObject(refused);
    expect(await stored(other.id, 'google_health')).toBeUndefined();

    // No flow secret, or a wrong one: refused without spending the flow; the right one then works.
    const flow = await startNative();
    expect(await complete(owner.token, flow.grant, null)).toMatchObject(refused);
    expect(await complete(owner.token, flow.grant, 'x'.repeat(32))).toMatchObject(refused);
    expect(await complete(owner.token, flow.grant, flow.flowSecret)).toMatchObject({
      __typename: 'HealthIntegrationConnected',
    });
    // Used once: never again.
    expect(await complete(owner.token, flow.grant, flow.flowSecret)).toMatchObject(refused);

    // Expired after 10 minutes.
    const late = await startNative();
    stack.clock.set(new Date(NOW.getTime() + 10 * 60_000 + 1));
    try {
      expect(await complete(owner.token, late.grant, late.flowSecret)).toMatchObject(refused);
    } finally {
      stack.clock.set(NOW);
    }

    // A browser flow cookie of one browser does not finish another browser's flow.
    const victim = new Browser(stack.gatewayUrl);
    const attacker = new Browser(stack.gatewayUrl);
    const started = await attacker.gql(
      START,
      { provider: 'GOOGLE_HEALTH', redirectUri: TEST_REDIRECT_URI },
      { token: owner.token },
    );
    const grant = fake.authorize(started.data.startHealthIntegration.authorizationUrl, account);
    const forged = await victim.gql(
      COMPLETE,
      { provider: 'GOOGLE_HEALTH', ...grant },
      { token: owner.token },
    );
    expect(forged.data.completeHealthIntegration).toMatchObject(refused);
  });

  it('refuses providers it does not pull, unknown redirect URIs, and a signed-out start', async () => {
    const user = await stack.signUp();
    const apple = await stack.gql(
      START,
      { provider: 'APPLE_HEALTH', redirectUri: TEST_REDIRECT_URI },
      { token: user.token },
    );
    expect(apple.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fitbit = await stack.gql(
      START,
      { provider: 'FITBIT', redirectUri: TEST_REDIRECT_URI },
      { token: user.token },
    );
    expect(fitbit.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const elsewhere = await stack.gql(
      START,
      { provider: 'GOOGLE_HEALTH', redirectUri: 'https://evil.example/cb' },
      { token: user.token },
    );
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await stack.gql(START, { provider: 'GOOGLE_HEALTH', redirectUri: TEST_REDIRECT_URI });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const tokens = await stack.gql(
      'mutation { connectHealthIntegration(input: { provider: GARMIN }) { id } }',
      {},
      { token: user.token },
    );
    expect(tokens.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('Garmin', () => {
  let garminUsers = 0;
  const garminUser = (): GarminUser => {
    garminUsers += 1;
    const dayStart = Date.parse('2026-11-30T00:00:00Z') / 1000;
    return {
      userId: `garmin-${garminUsers}-${Date.now()}`,
      dailies: [
        {
          uploadedAt: Math.floor(NOW.getTime() / 1000) - 3600,
          body: {
            summaryId: `s-${garminUsers}`,
            calendarDate: '2026-11-30',
            startTimeInSeconds: dayStart,
            startTimeOffsetInSeconds: 0,
            durationInSeconds: 86_400,
            steps: 8100,
            distanceInMeters: 6000,
            activeKilocalories: 300,
            bmrKilocalories: 1600,
            moderateIntensityDurationInSeconds: 1200,
            vigorousIntensityDurationInSeconds: 600,
            timeOffsetHeartRateSamples: { '0': 55 },
          },
        },
      ],
    };
  };

  async function connectGarmin(user: { token: string }, account: GarminUser) {
    const started = await stack.gql(
      START,
      { provider: 'GARMIN', redirectUri: TEST_REDIRECT_URI, client: 'NATIVE' },
      { token: user.token },
    );
    const s = started.data.startHealthIntegration;
    const grant = fake.authorize(s.authorizationUrl, account);
    const done = await stack.gql(
      COMPLETE,
      { provider: 'GARMIN', ...grant, flowSecret: s.flowSecret },
      { token: user.token },
    );
    expect(done.data.completeHealthIntegration.__typename).toBe('HealthIntegrationConnected');
  }

  const ping = (body: unknown, clientId = WEARABLE_CLIENTS.garmin.id, token = GARMIN_WEBHOOK_TOKEN) =>
    webhook(`/webhooks/garmin/${token}`, body, { 'garmin-client-id': clientId });

  it('asks Garmin for the backfill on connect, pulls on a ping, and stops on deregistration', async () => {
    const user = await stack.signUp();
    const account = garminUser();
    await connectGarmin(user, account);
    expect((await stored(user.id, 'garmin')).providerUserId).toBe(account.userId);

    expect((await worker().runOnce()).synced).toBe(1);
    const nowSeconds = NOW.getTime() / 1000;
    expect(fake.backfills.filter((b) => b[0] === account.userId)).toEqual([
      [account.userId, nowSeconds - 7 * 86_400, nowSeconds],
    ]);
    const list = await stack.gql(INTEGRATIONS, {}, { token: user.token });
    expect(list.data.me.healthIntegrations[0]).toMatchObject({
      provider: 'GARMIN',
      backfill: { done: true, percent: 100 },
    });
    const steps = await stack.gql(
      SERIES,
      { type: 'STEPS', from: '2026-11-30T00:00:00Z', to: '2026-12-01T00:00:00Z' },
      { token: user.token },
    );
    expect(steps.data.me.healthSeries).toEqual([{ start: '2026-11-30T00:00:00.000Z', sum: 8100, count: 1 }]);
    expect((await worker().runOnce()).synced).toBe(0);

    // Garmin's refresh tokens rotate on use: the new pair is stored and the next refresh uses it.
    for (let round = 0; round < 2; round++) {
      fake.expireAccess(account);
      await stack.runtime.database.db
        .update(healthIntegrations)
        .set({ tokenExpiresAt: new Date(NOW.getTime() - 1000), syncRequestedAt: NOW })
        .where(eq(healthIntegrations.userId, user.id));
      expect(await worker().runOnce()).toMatchObject({ synced: 1, deactivated: 0 });
    }
    expect((await stored(user.id, 'garmin')).isActive).toBe(true);

    // A ping from elsewhere (wrong token in the URL, wrong client id) is refused.
    const pingBody = {
      dailies: [
        { userId: account.userId, callbackURL: 'https://apis.garmin.com/wellness-api/rest/dailies?token=x' },
      ],
    };
    expect((await ping(pingBody, 'someone-else')).status).toBe(401);
    expect((await ping(pingBody, WEARABLE_CLIENTS.garmin.id, 'wrong-token-0123456789')).status).toBe(404);
    expect((await worker().runOnce()).synced).toBe(0);
    // Garmin's ping: pulled with the user's token, the callback URL never fetched.
    expect((await ping(pingBody)).status).toBe(200);
    expect((await worker().runOnce()).synced).toBe(1);
    expect(fake.requests.some((r) => r.path.includes('token=x'))).toBe(false);

    expect((await ping({ deregistrations: [{ userId: account.userId }] })).status).toBe(200);
    const after = await stack.gql(INTEGRATIONS, {}, { token: user.token });
    expect(after.data.me.healthIntegrations[0]).toMatchObject({
      isActive: false,
      needsReconnect: true,
      inactiveReason: 'DEREGISTERED',
    });
    const row = await stored(user.id, 'garmin');
    expect(row.accessTokenEncrypted).toBeNull();
  });

  it('deactivates when the user withdraws the health export permission', async () => {
    const user = await stack.signUp();
    const account = garminUser();
    await connectGarmin(user, account);
    await ping({
      userPermissionsChange: [{ userId: account.userId, permissions: ['HEALTH_EXPORT', 'ACTIVITY_EXPORT'] }],
    });
    expect((await stored(user.id, 'garmin')).isActive).toBe(true);
    await ping({ userPermissionsChange: [{ userId: account.userId, permissions: ['ACTIVITY_EXPORT'] }] });
    const row = await stored(user.id, 'garmin');
    expect(row).toMatchObject({ isActive: false, inactiveReason: 'permissions_changed' });
  });
});

describe('the retired Fitbit Web API', () => {
  it('marks Fitbit integrations as needing reconnection (migration 0008) and never calls Fitbit', async () => {
    const user = await stack.signUp();
    const { db } = stack.runtime.database;
    await db.insert(healthIntegrations).values({
      userId: user.id,
      provider: 'fitbit',
      accessTokenEncrypted: stack.runtime.secretBox.encrypt('fitbit-access'),
      refreshTokenEncrypted: stack.runtime.secretBox.encrypt('fitbit-refresh'),
      isActive: true,
    });
    const migration = readFileSync(
      new URL('../../drizzle/health/0009_retire_fitbit.sql', import.meta.url),
      'utf8',
    );
    for (const statement of migration.split('--> statement-breakpoint')) await db.execute(sql.raw(statement));
    const list = await stack.gql(INTEGRATIONS, {}, { token: user.token });
    expect(list.data.me.healthIntegrations).toEqual([
      expect.objectContaining({
        provider: 'FITBIT',
        isActive: false,
        needsReconnect: true,
        inactiveReason: 'PROVIDER_RETIRED',
        backfill: null,
      }),
    ]);
    expect((await stored(user.id, 'fitbit')).refreshTokenEncrypted).toBeNull();
    const before = fake.requests.length;
    await worker().runOnce();
    expect(fake.requests.length).toBe(before);
  });
});
