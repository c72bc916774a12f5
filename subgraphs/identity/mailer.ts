import { createTransport } from 'nodemailer';
import type { Database } from '../../kit/db.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { devMailbox } from './tables.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Where identity's mail goes; SMTP in production, the dev mailbox otherwise. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export class SmtpMailer implements Mailer {
  private readonly transport;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(url);
  }
  async send(mail: Mail) {
    await this.transport.sendMail({ from: this.from, ...mail });
  }
}

/**
 * Keeps mail in identity.dev_mailbox, so a developer without an SMTP server (and the tests) can
 * read verification and reset links: through the database or POST /dev/mailbox on identity
 * (dev-mailbox-route.ts). Never logged: a mail holds a token and its recipient. Never used in
 * production, which refuses to start without SMTP_URL (settings.ts).
 */
export class DevMailbox implements Mailer {
  constructor(private readonly database: Database) {}
  async send(mail: Mail) {
    await this.database.db.insert(devMailbox).values(mail);
  }
}

/**
 * SMTP when the deployment configured it (SMTP_URL); otherwise the dev mailbox, which production
 * refuses: mail must leave the system there, and identity does not start without a transport.
 */
export function createMailer(deps: Pick<SubgraphDeps, 'env' | 'database' | 'production'>): Mailer {
  const smtp = deps.env.features.smtp;
  if (smtp) return new SmtpMailer(smtp.url, smtp.from);
  if (deps.production) {
    throw new Error(
      'Invalid environment: SMTP_URL: must be set in production (identity mails verification and reset links; the dev mailbox exists only outside production)',
    );
  }
  return new DevMailbox(deps.database);
}
