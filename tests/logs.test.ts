import { randomBytes, randomUUID } from 'node:crypto';
import { format } from 'node:util';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../kit/log.js';
import { tokenFrom } from '../testkit/mailbox.js';
import { startTestStack, type TestStack } from '../testkit/stack.js';

/**
 * Logs never hold a secret or personal data: every line the stack writes (pino, and anything on
 * the console) is captured while a user goes through every mail flow and 2FA, and while
 * statements carrying a health sample, event data and an email address fail in the database.
 * Then nothing of what went in may be found in what came out.
 */
const lines: string[] = [];
const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
let stack: TestStack;

beforeAll(async () => {
  for (const method of consoleMethods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(format(...args));
    });
  }
  const log = createLogger({ level: 'trace', destination: { write: (line: string) => lines.push(line) } });
  stack = await startTestStack({ log });
});
afterAll(async () => {
  await stack?.stop();
  vi.restoreAllMocks();
});

const suffix = randomBytes(4).toString('hex');
const email = `log.probe.${suffix}@example.com`;
const password = `first-Passphrase-${suffix}`;
const newPassword = `second-Passphrase-${suffix}`;
/** Values that would only reach the log through a failed statement. */
const SAMPLE_VALUE = 7345.91;
const EVENT_MARKER = `probe_marker_${suffix}`;
const FAILING_EMAIL = `fails.probe.${suffix}@example.com`;
/** Everything that went in and must not come out. */
const secrets: string[] = [email, password, newPassword, FAILING_EMAIL, String(SAMPLE_VALUE), EVENT_MARKER];

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on AuthSuccess { token user { id } } } }`;
const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) { __typename ... on AuthSuccess { token } ... on TwoFactorRequired { challenge } }
}`;
const codeAt = (secret: string) =>
  generateHOTP(
    decodeBase32IgnorePadding(secret),
    BigInt(Math.floor(stack.clock.now().getTime() / 30_000)),
    6,
  );

describe('logs', () => {
  it('hold no token, email address, password, health sample or event data', async () => {
    // Sign-up, verification mail, verification.
    const signUp = await stack.gql(SIGN_UP, { input: { email, username: `log_probe_${suffix}`, password } });
    expect(signUp.data.signUp.__typename).toBe('AuthSuccess');
    const session = signUp.data.signUp.token as string;
    secrets.push(session);
    await stack.gql('mutation { requestEmailVerification }', {}, { token: session });
    const verification = await tokenFrom(stack, email, /confirm/i);
    secrets.push(verification);
    const verified = await stack.gql(
      'mutation($token: String!) { verifyEmail(token: $token) { __typename } }',
      { token: verification },
    );
    expect(verified.data.verifyEmail.__typename).toBe('EmailVerified');

    // Password reset: unknown address, known address, a weak password, a wrong token, the reset.
    const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename } }`;
    await stack.gql('mutation($email: EmailAddress!) { requestPasswordReset(email: $email) }', {
      email: `nobody.${suffix}@example.com`,
    });
    secrets.push(`nobody.${suffix}@example.com`);
    await stack.gql('mutation($email: EmailAddress!) { requestPasswordReset(email: $email) }', { email });
    const reset = await tokenFrom(stack, email, /reset/i);
    secrets.push(reset);
    expect(
      (await stack.gql(RESET, { input: { token: reset, newPassword: 'short' } })).data.resetPassword
        .__typename,
    ).toBe('WeakPassword');
    const wrongToken = `${reset.slice(0, -4)}aaaa`;
    await stack.gql(RESET, { input: { token: wrongToken, newPassword } });
    expect(
      (await stack.gql(RESET, { input: { token: reset, newPassword } })).data.resetPassword.__typename,
    ).toBe('PasswordReset');

    // Sign-in: a wrong password, then 2FA enrolment, challenge and completion.
    await stack.gql(SIGN_IN, { input: { login: email, password } });
    const signedIn = await stack.gql(SIGN_IN, { input: { login: email, password: newPassword } });
    const token = signedIn.data.signIn.token as string;
    secrets.push(token);
    const enrol = await stack.gql('mutation { enrollTwoFactor { secret } }', {}, { token });
    const totpSecret = enrol.data.enrollTwoFactor.secret as string;
    secrets.push(totpSecret);
    const confirmed = await stack.gql(
      'mutation($code: String!) { confirmTwoFactor(code: $code) { __typename ... on TwoFactorEnabled { recoveryCodes } } }',
      { code: codeAt(totpSecret) },
      { token },
    );
    secrets.push(...(confirmed.data.confirmTwoFactor.recoveryCodes as string[]));
    const challenge = (await stack.gql(SIGN_IN, { input: { login: email, password: newPassword } })).data
      .signIn.challenge as string;
    secrets.push(challenge);
    stack.clock.advance(30_000); // a code works once; the app shows the next one
    const completed = await stack.gql(
      'mutation($input: CompleteTwoFactorSignInInput!) { completeTwoFactorSignIn(input: $input) { __typename ... on AuthSuccess { token } } }',
      { input: { challenge, code: codeAt(totpSecret) } },
    );
    expect(completed.data.completeTwoFactorSignIn.__typename).toBe('AuthSuccess');
    secrets.push(completed.data.completeTwoFactorSignIn.token);

    // Statements that fail in the database with personal data in their parameters.
    await stack.runtime.database.exec(`
      ALTER TABLE health.health_metrics ADD CONSTRAINT log_probe_value CHECK (value <> ${SAMPLE_VALUE});
      ALTER TABLE analytics.analytics_events ADD CONSTRAINT log_probe_data CHECK (NOT event_data ? '${EVENT_MARKER}');
      ALTER TABLE identity.users ADD CONSTRAINT log_probe_email CHECK (email <> '${FAILING_EMAIL}');
    `);
    const sample = await stack.gql(
      'mutation($input: [HealthMetricInput!]!) { recordHealthMetrics(input: $input) { accepted } }',
      {
        input: [
          {
            metricType: 'WEIGHT',
            value: SAMPLE_VALUE,
            unit: 'kg',
            recordedAt: stack.clock.now().toISOString(),
          },
        ],
      },
      { token },
    );
    expect(sample.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const events = await stack.gql(
      'mutation($events: [AnalyticsEventInput!]!) { trackEvents(events: $events) { accepted } }',
      {
        events: [
          {
            clientEventId: randomUUID(),
            eventType: 'screen_view',
            source: 'WEB',
            eventData: { [EVENT_MARKER]: 'kept private', screen: EVENT_MARKER },
          },
        ],
      },
      { token },
    );
    expect(events.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const failedSignUp = await stack.gql(SIGN_UP, {
      input: { email: FAILING_EMAIL, username: `fails_${suffix}`, password },
    });
    expect(failedSignUp.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    await stack.flushEvents();

    const log = lines.join('\n');
    // The failures were logged (so this test can see a leak), with the SQL error code.
    const unexpected = lines.filter((line) => line.includes('unexpected error'));
    expect(unexpected.length).toBeGreaterThanOrEqual(3);
    expect(log).toContain('23514');
    for (const secret of secrets) expect(log, `the log holds ${secret}`).not.toContain(secret);
    expect(log).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
    expect(log).not.toMatch(/params:|Failing row|token=/i);
  });
});
