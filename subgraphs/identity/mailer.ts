import { createTransport } from 'nodemailer';
import type { Database } from '../../kit/db.js';
import type { Logger } from '../../kit/log.js';
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
 * Keeps mail in identity.dev_mailbox and logs it, so a developer without an SMTP server (and the
 * tests) can read verification and reset links. Never used when SMTP_URL is set.
 */
export class DevMailbox implements Mailer {
  constructor(
    private readonly database: Database,
    private readonly log: Logger,
  ) {}
  async send(mail: Mail) {
    await this.database.db.insert(devMailbox).values(mail);
    this.log.info({ to: mail.to, subject: mail.subject, text: mail.text }, 'dev mailbox: mail kept');
  }
}
