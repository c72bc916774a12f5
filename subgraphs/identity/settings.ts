import { type Env, loadEnv } from '../../kit/env.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { DevMailbox, type Mailer, SmtpMailer } from './mailer.js';

/** Identity's settings, from the environment the process parsed (defaults when none was given). */
export function identityEnv(deps: SubgraphDeps): Env {
  return deps.env ?? loadEnv({});
}

/**
 * SMTP when SMTP_URL is set; otherwise the dev mailbox, which production refuses: mail must leave
 * the system there, and identity does not start without a transport.
 */
export function createMailer(deps: SubgraphDeps): Mailer {
  const env = identityEnv(deps);
  if (env.SMTP_URL) return new SmtpMailer(env.SMTP_URL, env.MAIL_FROM);
  if (deps.production) {
    throw new Error(
      'Invalid environment: SMTP_URL: must be set in production (identity mails verification and reset links; the dev mailbox exists only outside production)',
    );
  }
  return new DevMailbox(deps.database);
}
