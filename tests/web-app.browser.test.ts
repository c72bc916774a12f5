import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayFromEnv } from '../gateway/server.js';
import { loadEnv } from '../kit/env.js';
import { signIn } from '../stack/demo/api.js';
import { DEMO_USERS, seedDemo } from '../stack/seed.js';
import { eventually, startTestStack, type TestStack } from '../testkit/stack.js';

/**
 * The example web app (apps/web) in a real browser: Debian's chromium driven by playwright-core
 * (never a downloaded browser), the built app served on its own origin and the whole stack with
 * the demo data on another, so every request is cross-origin with the session cookie, as in
 * development. Screenshots of each view go to apps/web/screenshots/.
 *
 * Without chromium the file is skipped with a message, except in CI (CI=true), where it fails:
 * .ci/run installs it.
 */
const root = resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
const SCREENSHOTS = join(root, 'apps/web/screenshots');
if (!haveChromium && !inCi)
  console.warn(`web app browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium)`);

const [, trainerLogin, athleteLogin] = DEMO_USERS;

/** Serves the built app; index.html names the gateway in its meta tag, as a host would set it. */
class AppServer {
  private server?: Server;
  gatewayUrl = '';
  constructor(private readonly dir: string) {}
  async start(): Promise<string> {
    const types: Record<string, string> = {
      '.html': 'text/html; charset=utf-8',
      '.js': 'text/javascript',
      '.css': 'text/css',
      '.map': 'application/json',
      '.svg': 'image/svg+xml',
    };
    this.server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://app').pathname;
      const file = normalize(join(this.dir, path === '/' ? 'index.html' : path));
      if (!file.startsWith(this.dir) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      let body: string | Buffer = readFileSync(file);
      if (file.endsWith('index.html'))
        body = body
          .toString('utf8')
          .replace(
            '<meta name="fitness-gateway-url" content="" />',
            `<meta name="fitness-gateway-url" content="${this.gatewayUrl}" />`,
          );
      response
        .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
        .end(body);
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async stop() {
    await new Promise((done) => this.server?.close(done));
  }
}

let distDir = '';
let browser: Browser | undefined;

beforeAll(async () => {
  if (!haveChromium) {
    if (inCi)
      throw new Error(`chromium is missing at ${CHROMIUM}: CI must install it (apt-get install -y chromium)`);
    return;
  }
  distDir = mkdtempSync(join(tmpdir(), 'web-app-'));
  const { build } = await import('vite');
  await build({
    configFile: join(root, 'apps/web/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: distDir, emptyOutDir: true, sourcemap: false },
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (distDir) rmSync(distDir, { recursive: true, force: true });
});

/**
 * One stack with the demo data and the app on its own origin, allowed by CORS_ORIGINS. With
 * `trustedDocuments`, the app talks to a second gateway over the same subgraphs in that mode
 * (the demo seed itself sends free text, so it goes through the first).
 */
async function startAppAndStack(trustedDocuments?: 'only') {
  const app = new AppServer(distDir);
  const appOrigin = await app.start();
  const stack = await startTestStack({ env: { CORS_ORIGINS: appOrigin } });
  await seedDemo(stack.runtime, stack.gatewayUrl);
  await stack.flushEvents();
  // Health and billing learn of the athlete hiring the trainer from events (asynchronous on
  // Redis): wait until the trainer may read the client's steps and plan.
  const trainerToken = await signIn(stack.gatewayUrl, trainerLogin);
  const to = new Date().toISOString().slice(0, 10);
  await eventually(async () => {
    const seen = await stack.gql(
      `query($days: LocalDateRange!) { me { trainer { clients { nodes {
        activePlan { name } healthSeries(metricType: STEPS, days: $days, bucket: DAY) { sum } } } } } }`,
      { days: { from: to, to } },
      { token: trainerToken },
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data.me.trainer.clients.nodes).toHaveLength(1);
  }, 20_000);
  app.gatewayUrl = stack.gatewayUrl;
  let stopGateway = async () => {};
  if (trustedDocuments) {
    const env = loadEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      CORS_ORIGINS: appOrigin,
      TRUSTED_DOCUMENTS: trustedDocuments,
    });
    const served = await createGatewayFromEnv(env, stack.runtime, stack.subgraphUrls).serve(0);
    app.gatewayUrl = `${served.url}/graphql`;
    stopGateway = () => served.stop();
  }
  return {
    app,
    appOrigin,
    stack,
    async stop() {
      await stopGateway();
      await stack.stop();
      await app.stop();
    },
  };
}

async function signInAs(page: Page, login: { email: string; password: string }) {
  await page.getByLabel('Email or username').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Non-transparent pixels on the chart's canvas: the chart was drawn, not just laid out. */
async function paintedPixels(page: Page, testId: string): Promise<number> {
  return page
    .locator(`[data-testid="${testId}"] canvas`)
    .first()
    .evaluate((canvas: any) => {
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
      return painted;
    });
}

async function shot(page: Page, name: string, enabled: boolean) {
  if (enabled) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The tour every run takes: athlete's views, then the trainer's, then signed out. */
async function walkThrough(
  page: Page,
  appOrigin: string,
  screenshots: boolean,
  recordSteps: () => Promise<void>,
) {
  await page.goto(`${appOrigin}/#/sign-in`);
  await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
  await shot(page, '01-sign-in', screenshots);

  // A wrong password is a typed result, shown on the form.
  await signInAs(page, { email: athleteLogin.email, password: 'not-the-password' });
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').textContent()).toMatch(/password|credentials|incorrect|invalid/i);

  await signInAs(page, athleteLogin);
  await page.getByRole('heading', { name: `Hello, ${athleteLogin.username}` }).waitFor();

  // Steps per local day with the goal line, drawn from the seeded 30 days.
  const steps = page.getByTestId('steps-chart');
  await steps.locator('canvas').first().waitFor();
  expect(Number(await steps.getAttribute('data-points'))).toBe(7);
  expect(Number(await steps.getAttribute('data-with-data'))).toBeGreaterThanOrEqual(6);
  expect(await steps.textContent()).toMatch(/goal 10000/);
  expect(await paintedPixels(page, 'steps-chart')).toBeGreaterThan(500);
  await page.getByRole('button', { name: '30 days' }).click();
  await expect.poll(() => steps.getAttribute('data-points')).toBe('30');
  expect(Number(await page.getByTestId('weight-chart').getAttribute('data-with-data'))).toBeGreaterThan(0);
  expect(Number(await page.getByTestId('heart-rate-chart').getAttribute('data-with-data'))).toBeGreaterThan(
    0,
  );
  await page.getByRole('heading', { name: 'Sleep per night' }).waitFor();
  await shot(page, '02-dashboard', screenshots);

  // Log today in one click: the streak of the fresh habit goes from 0 to 1.
  const habit = page.locator('[data-testid="habit"][data-habit="Stretch"]');
  expect(await habit.getByTestId('current-streak').textContent()).toBe('0');
  await habit.getByRole('button', { name: 'Log today' }).click();
  await expect.poll(() => habit.getByTestId('current-streak').textContent()).toBe('1');
  await habit.getByRole('button', { name: /Done today/ }).waitFor();
  await shot(page, '03-habit-logged', screenshots);

  // Search as you type, in Russian, with highlighted words.
  await page.getByRole('link', { name: 'Content', exact: true }).click();
  await page.getByLabel(/Search articles/).fill('присед');
  const results = page.getByTestId('search-results');
  // Russian stemming: "присед" finds and marks "приседа" in the Russian item's snippet.
  await results.locator('mark').first().waitFor();
  expect(await results.textContent()).toMatch(/Приседания/);
  await shot(page, '04-search-russian', screenshots);

  // A course with its lessons; the athlete enrolled in the demo.
  await page.getByRole('link', { name: 'Strength Basics in Two Weeks' }).first().click();
  await page.getByTestId('course').waitFor();
  expect(await page.locator('.lessons > li').count()).toBe(3);
  await page.getByText('Enrolled').waitFor();
  await shot(page, '05-course', screenshots);

  // A paid course: its lessons are locked without the entitlement, and enrolling asks for a plan.
  await page.getByRole('link', { name: '← Content' }).click();
  await page.getByRole('link', { name: 'Mobility Masterclass' }).first().click();
  await page.getByTestId('course').waitFor();
  await page.getByText(/Locked: subscribe/).waitFor();
  await page.getByRole('button', { name: 'Enrol' }).click();
  await page.getByText(/part of a paid plan/).waitFor();
  await shot(page, '05-course-paid-locked', screenshots);

  // Plans through the TEST gateway: the athlete already has Basic.
  await page.getByRole('link', { name: 'Plans', exact: true }).click();
  await page.getByTestId('active-subscription').waitFor();
  expect(await page.getByTestId('plan').count()).toBe(2);
  await page.getByRole('button', { name: 'Subscribe (test payment)' }).last().click();
  await page.getByText('You already have an active subscription.').waitFor();
  await shot(page, '06-plans', screenshots);

  // Phone width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await page.getByTestId('steps-chart').locator('canvas').first().waitFor();
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await shot(page, '07-dashboard-phone', screenshots);
  await page.setViewportSize({ width: 1200, height: 900 });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();

  // The demo trainer sees the athlete among their clients, with a steps chart and streaks.
  await signInAs(page, trainerLogin);
  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  const client = page.getByTestId('client').first();
  await client.waitFor();
  expect(await client.textContent()).toContain(athleteLogin.username);
  expect(await client.textContent()).toMatch(/Drink water/);
  expect(
    Number(await client.getByTestId('client-steps-chart').getAttribute('data-with-data')),
  ).toBeGreaterThan(0);
  expect(await paintedPixels(page, 'client-steps-chart')).toBeGreaterThan(200);
  await shot(page, '08-trainer-clients', screenshots);

  // Steps the athlete records through the API reach the trainer's chart without a reload: the
  // view follows healthMetricsRecorded over a streamed HTTP response.
  await expect.poll(() => client.getByTestId('client-live').getAttribute('data-live')).toBe('true');
  const chart = client.getByTestId('client-steps-chart');
  const before = Number(await chart.getAttribute('data-sum'));
  await recordSteps();
  await expect
    .poll(async () => Number(await chart.getAttribute('data-sum')), { timeout: 15_000 })
    .toBeGreaterThan(before);

  // Signing out ends the cookie session: a reload stays signed out.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
}

/**
 * Records steps for the athlete through the API once the trainer's page follows them (the one
 * live subscription of the stack), for the chart to pick up.
 */
function stepsRecorder(stack: TestStack) {
  return async () => {
    await stack.listening(1);
    const token = await signIn(stack.gatewayUrl, athleteLogin);
    const recorded = await stack.gql(
      `mutation($input: [HealthMetricInput!]!) { recordHealthMetrics(input: $input) { accepted } }`,
      {
        input: [
          {
            metricType: 'STEPS',
            value: 4321,
            unit: 'count',
            recordedAt: new Date(Date.now() - 60_000).toISOString(),
          },
        ],
      },
      { token },
    );
    expect(recorded.errors).toBeUndefined();
    await stack.flushEvents();
  };
}

/** A daily habit the athlete has not logged yet, so logging it shows the streak change. */
async function addFreshHabit(stack: TestStack) {
  const token = await signIn(stack.gatewayUrl, athleteLogin);
  const created = await stack.gql(
    `mutation { createHabit(input: { name: "Stretch", category: "mobility" }) { id } }`,
    {},
    { token },
  );
  expect(created.errors).toBeUndefined();
}

describe.runIf(haveChromium || inCi)('the example web app in chromium', () => {
  describe('on its own origin, talking to the gateway with cookies (CORS)', () => {
    let stack: TestStack;
    let appOrigin: string;
    let stop = async () => {};

    beforeAll(async () => {
      ({ appOrigin, stack, stop } = await startAppAndStack());
      await addFreshHabit(stack);
    }, 180_000);
    afterAll(() => stop());

    it('signs in, shows the charts, logs a habit, searches Russian, opens a course, signs out', async () => {
      const context = await browser!.newContext({ viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      const gatewayOrigin = new URL(stack.gatewayUrl).origin;
      expect(gatewayOrigin).not.toBe(appOrigin);
      const corsAnswers: (string | undefined)[] = [];
      page.on('response', (response) => {
        if (response.url().startsWith(gatewayOrigin) && response.request().method() !== 'OPTIONS')
          corsAnswers.push(response.headers()['access-control-allow-origin']);
      });
      await walkThrough(page, appOrigin, true, stepsRecorder(stack));
      // Every answer named the app's origin, and the session was an HttpOnly cookie of the
      // gateway's origin that the page's scripts never saw.
      expect(corsAnswers.length).toBeGreaterThan(10);
      expect(new Set(corsAnswers)).toEqual(new Set([appOrigin]));
      await context.close();
    }, 180_000);

    it('keeps the session in an HttpOnly cookie the page cannot read', async () => {
      const context = await browser!.newContext();
      const page = await context.newPage();
      await page.goto(`${appOrigin}/#/sign-in`);
      await signInAs(page, athleteLogin);
      await page.getByRole('heading', { name: `Hello, ${athleteLogin.username}` }).waitFor();
      const cookies = await context.cookies(stack.gatewayUrl);
      const session = cookies.find((cookie) => /session/.test(cookie.name));
      expect(session?.httpOnly).toBe(true);
      expect(await page.evaluate<string>('document.cookie')).not.toMatch(/session/);
      await context.close();
    }, 60_000);

    it('signs up (empty states), asks for the second factor, and shows a rate-limit wait on the form', async () => {
      const context = await browser!.newContext({ viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      // Sign-up in the app: a new account's dashboard shows its empty states.
      await page.goto(`${appOrigin}/#/sign-up`);
      await page.getByLabel('Email').fill('newcomer@example.com');
      await page.getByLabel('Username').fill('newcomer');
      await page.getByLabel(/^Password/).fill('a long enough passphrase');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByRole('heading', { name: 'Hello, newcomer' }).waitFor();
      await page.getByText('No habits yet.').waitFor();
      await page.getByText(/No samples yet/).waitFor();
      expect(await page.getByTestId('steps-chart').getAttribute('data-with-data')).toBe('0');
      await shot(page, '10-sign-up-empty-dashboard', true);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();

      // An account with two-factor on: the form asks for the code, then signs in.
      const { decodeBase32IgnorePadding } = await import('@oslojs/encoding');
      const { generateHOTP } = await import('@oslojs/otp');
      const guarded = await stack.signUp();
      const enrolled = await stack.gql(
        'mutation { enrollTwoFactor { secret } }',
        {},
        { token: guarded.token },
      );
      const key = decodeBase32IgnorePadding(enrolled.data.enrollTwoFactor.secret);
      const code = () => generateHOTP(key, BigInt(Math.floor(stack.clock.now().getTime() / 30_000)), 6);
      const confirmed = await stack.gql(
        'mutation($code: String!) { confirmTwoFactor(code: $code) { __typename } }',
        { code: code() },
        { token: guarded.token },
      );
      expect(confirmed.errors).toBeUndefined();
      stack.clock.advance(30_000); // a fresh code: the confirming one is spent
      await signInAs(page, { email: guarded.email, password: guarded.password });
      await page.getByRole('heading', { name: 'Two-factor code' }).waitFor();
      await shot(page, '11-two-factor', true);
      await page.getByLabel(/Code from your authenticator/).fill(code());
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByRole('heading', { name: `Hello, ${guarded.username}` }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();

      // Too many wrong passwords: the form says how long to wait and holds the button.
      const target = await stack.signUp();
      for (let i = 0; i < 10; i++)
        await stack.gql(
          'mutation($input: SignInInput!) { signIn(input: $input) { __typename } }',
          { input: { login: target.email, password: `wrong-${i}` } },
          { headers: { 'x-forwarded-for': `198.19.0.${i + 1}` } },
        );
      await signInAs(page, { email: target.email, password: target.password });
      await page.getByText(/Too many attempts: try again in \d+ seconds/).waitFor();
      expect(await page.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true);
      await shot(page, '12-rate-limited', true);
      await context.close();
    }, 120_000);

    it('cannot reach the gateway from an origin outside CORS_ORIGINS', async () => {
      const other = new AppServer(distDir);
      const otherOrigin = await other.start();
      other.gatewayUrl = stack.gatewayUrl;
      const context = await browser!.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${otherOrigin}/#/content`);
        await page.getByRole('alert').waitFor();
        expect(await page.getByRole('alert').textContent()).toMatch(/cannot be reached/);
        await shot(page, '09-error-state', true);
      } finally {
        await context.close();
        await other.stop();
      }
    }, 60_000);
  });

  describe('with TRUSTED_DOCUMENTS=only', () => {
    let stack: TestStack;
    let app: AppServer;
    let appOrigin: string;
    let stop = async () => {};

    beforeAll(async () => {
      ({ app, appOrigin, stack, stop } = await startAppAndStack('only'));
      await addFreshHabit(stack);
    }, 180_000);
    afterAll(() => stop());

    it('sends only documents of the manifest: the whole tour works by hash', async () => {
      const context = await browser!.newContext({ viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      const sentText: string[] = [];
      const refused: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(app.gatewayUrl)) return;
        const body = request.postData() ?? '';
        const sent = body ? (JSON.parse(body) as Record<string, unknown>) : {};
        if ('query' in sent || new URL(request.url()).searchParams.has('query')) sentText.push(body);
      });
      page.on('response', async (response) => {
        if (!response.url().startsWith(app.gatewayUrl) || response.request().method() === 'OPTIONS') return;
        const text = await response.text().catch(() => '');
        if (/PERSISTED_QUERY/.test(text)) refused.push(text);
      });
      await walkThrough(page, appOrigin, false, stepsRecorder(stack));
      expect(sentText).toEqual([]);
      expect(refused).toEqual([]);
      await context.close();
    }, 180_000);
  });
});
