import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../kit/db.js';
import { jsonResponse, type Route } from '../../kit/http-server.js';
import { devMailbox } from './tables.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The explicit development query for the dev mailbox (the embedded database cannot be opened by
 * a second process while `npm start` runs): POST /dev/mailbox with `{"to": "<email>"}` answers
 * the newest 20 mails kept for that address. Identity adds it only outside production, and it
 * answers only callers on this machine: the mails hold working reset links.
 */
export function devMailboxRoute(database: Database): Route {
  return {
    method: 'POST',
    path: '/dev/mailbox',
    async handle(request) {
      if (!LOOPBACK.has(request.remoteAddress ?? '')) return jsonResponse(404, { error: 'not found' });
      let to: unknown;
      try {
        to = (JSON.parse(request.body.toString('utf8')) as { to?: unknown }).to;
      } catch {
        to = undefined;
      }
      if (typeof to !== 'string' || to.length > 320) {
        return jsonResponse(400, { error: 'send {"to": "<email address>"}' });
      }
      const mails = await database.db
        .select({ subject: devMailbox.subject, text: devMailbox.text, createdAt: devMailbox.createdAt })
        .from(devMailbox)
        .where(eq(devMailbox.to, to.trim().toLowerCase()))
        .orderBy(desc(devMailbox.createdAt))
        .limit(20);
      return jsonResponse(200, { mails });
    },
  };
}
