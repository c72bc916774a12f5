import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../kit/env.js';
import { startFakeSmtp } from '../../testkit/fake-smtp.js';
import { productionEnv } from '../../testkit/stack.js';
import { createMailer, DevMailbox, SmtpMailer } from './mailer.js';

let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
beforeAll(async () => {
  smtp = await startFakeSmtp();
});
afterAll(async () => {
  await smtp?.close();
});

describe('mailer', () => {
  it('sends through SMTP with nodemailer when SMTP_URL is set', async () => {
    const env = loadEnv({ SMTP_URL: smtp.url, MAIL_FROM: 'Fitness <no-reply@fitness.test>' });
    const mailer = createMailer({ env, database: {} as never, production: false });
    expect(mailer).toBeInstanceOf(SmtpMailer);
    await mailer.send({ to: 'ada@example.com', subject: 'Reset your password', text: 'Your token: abc123' });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.from).toContain('no-reply@fitness.test');
    expect(smtp.received[0]!.to[0]).toContain('ada@example.com');
    expect(smtp.received[0]!.data).toContain('Subject: Reset your password');
    expect(smtp.received[0]!.data).toContain('Your token: abc123');
  });

  it('keeps mail in the dev mailbox without SMTP_URL outside production', () => {
    const mailer = createMailer({ env: loadEnv({}), database: {} as never, production: false });
    expect(mailer).toBeInstanceOf(DevMailbox);
  });

  it('refuses to run in production without SMTP_URL, naming the variable', () => {
    const env = loadEnv(productionEnv({ SMTP_URL: '' }));
    expect(() => createMailer({ env, database: {} as never, production: true })).toThrow(/SMTP_URL/);
    const withSmtp = loadEnv(productionEnv({ SMTP_URL: smtp.url }));
    expect(createMailer({ env: withSmtp, database: {} as never, production: true })).toBeInstanceOf(
      SmtpMailer,
    );
  });
});
