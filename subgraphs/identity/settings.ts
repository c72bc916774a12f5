import { type Env, loadEnv } from '../../kit/env.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { DevMailbox, type Mailer, SmtpMailer } from './mailer.js';

/** Identity's settings, from the environment the process parsed (defaults when none was given). */
export function identityEnv(deps: SubgraphDeps): Env {
  return deps.env ?? loadEnv({});
}

export function createMailer(deps: SubgraphDeps): Mailer {
  const env = identityEnv(deps);
  return env.SMTP_URL ? new SmtpMailer(env.SMTP_URL, env.MAIL_FROM) : new DevMailbox(deps.database, deps.log);
}
