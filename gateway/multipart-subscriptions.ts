import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../kit/errors.js';
import { REQUEST_ID_HEADER } from '../kit/identity-header.js';
import { CloseCode } from '../kit/subscriptions.js';
import type { EventRun } from './subscription-events.js';
import type { SubscriberIdentity, SubscriptionCore } from './subscriptions.js';

/**
 * Subscriptions over HTTP as Apollo Client speaks them natively ("multipart HTTP subscriptions",
 * Apollo's subscription protocol 1.0): a POST of the usual JSON body with
 * `Accept: multipart/mixed; subscriptionSpec="1.0"` is answered with one long
 * `multipart/mixed; boundary="graphql"` response. Each part is a JSON object: `{}` as a
 * heartbeat every `heartbeatMs`, `{"payload": {data, errors}}` for each event, and a last
 * `{"payload": null, "errors": [...]}` when the server ends the stream (session ended, client
 * too slow, shutdown) before the closing boundary. A refusal before the stream starts (no
 * session, a document the query limits or trusted documents refuse, the per-user cap) is an
 * ordinary JSON error answer with the same status and code a query would get.
 */
export const MULTIPART_CONTENT_TYPE = 'multipart/mixed; boundary="graphql"; subscriptionSpec="1.0"';

const PART_HEAD = '\r\ncontent-type: application/json; charset=utf-8\r\n\r\n';
const BOUNDARY = '\r\n--graphql';

/** True for a request asking for a multipart subscription response. */
export function wantsMultipartSubscription(headers: IncomingHttpHeaders): boolean {
  const accept = headers.accept ?? '';
  return /multipart\/mixed/i.test(accept) && /subscriptionSpec\s*=\s*"?1\.0"?/i.test(accept);
}

function json(res: ServerResponse, status: number, errors: GraphQLFormattedError[], headers = {}) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'private, no-store',
    ...headers,
  });
  res.end(JSON.stringify({ errors }));
}

export function multipartSubscriptions(core: SubscriptionCore) {
  const { limits, log } = core;
  /** Ends each open stream with a last part telling its client to reconnect. */
  const open = new Set<(errors: GraphQLFormattedError[]) => void>();

  async function handle(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const incoming = req.headers[REQUEST_ID_HEADER];
    const requestId =
      typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    // A JSON body only: a form or text/plain POST (which a browser sends cross-site without a
    // preflight) never opens a stream.
    if (!/\bjson\b/i.test(req.headers['content-type'] ?? '') || typeof body !== 'object' || body === null)
      return json(res, 400, [
        {
          message: 'Send the subscription as a JSON body (content-type: application/json).',
          extensions: { code: 'BAD_REQUEST' },
        },
      ]);

    let identity: SubscriberIdentity;
    try {
      const outcome = await core.authenticate(req, {});
      if ('reason' in outcome) {
        const [reason, ...rest] = outcome.reason.split(': ');
        const message = rest.join(': ') || outcome.reason;
        if (outcome.code === CloseCode.Unauthorized && reason === ErrorCode.UNAUTHENTICATED)
          return json(
            res,
            401,
            [
              {
                message: 'Sign in: send the session cookie or `Authorization: Bearer <token>`.',
                extensions: { code: ErrorCode.UNAUTHENTICATED },
              },
            ],
            { 'www-authenticate': 'Bearer' },
          );
        if (outcome.code === CloseCode.Unauthorized)
          return json(res, 401, [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED, reason } }], {
            'www-authenticate': 'Bearer error="invalid_token"',
          });
        return json(res, 403, [{ message, extensions: { code: ErrorCode.FORBIDDEN } }]);
      }
      identity = outcome;
    } catch (error) {
      log.warn({ err: error }, 'subscription stream could not be authenticated');
      return json(
        res,
        503,
        [
          {
            message: 'Sessions cannot be checked right now; try again shortly.',
            extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
          },
        ],
        { 'retry-after': '1' },
      );
    }

    const planned = await core.plan(body);
    if (Array.isArray(planned)) return json(res, 400, core.formatAll(planned));
    const release = await core.caps.acquire(identity.viewer.userId);
    if (!release) return json(res, 400, core.formatAll(core.limitRefusal()));

    res.writeHead(200, {
      'content-type': MULTIPART_CONTENT_TYPE,
      'cache-control': 'private, no-store',
      // Proxies that buffer (nginx) pass the parts on as they come.
      'x-accel-buffering': 'no',
    });
    res.write(BOUNDARY);
    let gone = false;
    const write = (part: unknown) => {
      if (!gone) res.write(`${PART_HEAD}${JSON.stringify(part)}${BOUNDARY}`);
    };
    const heartbeat = setInterval(() => write({}), limits.heartbeatMs);
    heartbeat.unref();
    let stopEvents: () => Promise<void> = async () => {};
    /** Ends the stream with a last part of errors (or none), then the closing boundary. */
    const finish = (errors?: GraphQLFormattedError[]) => {
      if (gone) return;
      if (errors) write({ payload: null, errors });
      res.end('--\r\n');
      gone = true;
      // A client that does not read would keep the socket forever: cut it after a grace period.
      if (res.writableLength > 0) setTimeout(() => res.destroy(), 10_000).unref();
      void stopEvents();
    };
    const restart = (errors: GraphQLFormattedError[]) => finish(errors);
    open.add(restart);
    const stopWatching = core.watchSession(identity, () =>
      finish([
        {
          message: 'The session has ended (signed out, password changed or account deleted); sign in again.',
          extensions: { code: ErrorCode.UNAUTHENTICATED, reason: 'SESSION_ENDED' },
        },
      ]),
    );
    res.on('close', () => {
      gone = true;
      void stopEvents();
    });

    const run: EventRun = {
      planned,
      identity,
      requestId,
      gone: () => gone,
      buffered: () => res.writableLength,
      closeSlow: (bufferedBytes, pendingEvents) => {
        log.warn(
          { bufferedBytes, pendingEvents, limit: limits.maxBufferedBytes },
          'subscriber reads too slowly; closing',
        );
        finish([
          {
            message: 'Events are waiting unread: the client reads too slowly. Subscribe again.',
            extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, reason: 'SLOW_CONSUMER' },
          },
        ]);
      },
    };
    const { events, stop } = core.start(run);
    stopEvents = stop;
    try {
      for await (const result of events) {
        if (gone) break;
        write({
          payload: result.errors?.length ? { ...result, errors: core.formatAll(result.errors) } : result,
        });
      }
      finish();
    } catch (error) {
      log.error({ err: error }, 'subscription stream failed');
      finish([{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }]);
    } finally {
      clearInterval(heartbeat);
      stopWatching();
      open.delete(restart);
      release();
      await stop();
    }
  }

  return {
    accepts: (method: string, headers: IncomingHttpHeaders) =>
      method === 'POST' && wantsMultipartSubscription(headers),
    handle,
    open: () => open.size,
    async close() {
      for (const end of [...open])
        end([
          {
            message: 'The gateway is restarting; subscribe again.',
            extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, reason: 'SERVICE_RESTART' },
          },
        ]);
    },
  };
}
