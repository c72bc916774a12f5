import { sql } from 'drizzle-orm';
import { rows } from '../kit/db.js';
import type { TestStack } from './stack.js';

export interface KeptMail {
  to: string;
  subject: string;
  text: string;
}

/** The mails the dev mailbox kept for an address, newest first, once queued reset mails went out. */
export async function mailsTo(stack: TestStack, to: string): Promise<KeptMail[]> {
  await stack.subgraphs.identity.workers['reset-mails']?.runNow();
  return rows<KeptMail>(
    stack.runtime.database.db,
    sql`select "to", subject, text from identity.dev_mailbox where "to" = ${to.toLowerCase()} order by created_at desc, id`,
  );
}

/** The token in the newest mail to an address with this subject. */
export async function tokenFrom(stack: TestStack, to: string, subject: RegExp): Promise<string> {
  const mail = (await mailsTo(stack, to)).find((m) => subject.test(m.subject));
  const token = mail && /Your token: (\w+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no mail matching ${subject} to ${to}`);
  return token;
}
