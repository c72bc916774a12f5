import { and, eq, inArray } from 'drizzle-orm';
import { constantTimeEqual, sha256Hex } from '../../kit/crypto.js';
import type { Executor } from '../../kit/db.js';
import { jsonResponse, type RawRequest, type Route } from '../../kit/http-server.js';
import type { SubgraphDeps } from '../../kit/subgraph.js';
import { GARMIN_REQUIRED_PERMISSION } from './providers/garmin.js';
import { healthIntegrations, providerNotifications } from './tables.js';

/**
 * Provider notifications. They are verified (a shared secret only the provider and we know) and
 * deduplicated (each notification's id is recorded once), and never trusted for content: a
 * notification only marks the user's integration as due, and the sync worker pulls the data from
 * the provider's API with the user's token. A forged or replayed notification can therefore cause
 * at most an early pull; it cannot write a sample, and its URLs (Garmin's callbackURL) are never
 * fetched. Answers are quick and carry nothing of ours.
 */

/** Records a notification id; false when it was handled before. */
async function firstTime(db: Executor, provider: string, id: string): Promise<boolean> {
  const inserted = await db
    .insert(providerNotifications)
    .values({ id: `${provider}:${id}`.slice(0, 200), provider })
    .onConflictDoNothing()
    .returning({ id: providerNotifications.id });
  return inserted.length > 0;
}

function parseJson(request: RawRequest): unknown {
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

const asString = (value: unknown) =>
  typeof value === 'string' && value.length > 0 && value.length <= 128 ? value : null;

/** Marks the active integrations of these provider users as due now. */
async function requestSync(db: Executor, provider: string, providerUserIds: string[], now: Date) {
  if (providerUserIds.length === 0) return;
  await db
    .update(healthIntegrations)
    .set({ syncRequestedAt: now })
    .where(
      and(
        eq(healthIntegrations.provider, provider),
        inArray(healthIntegrations.providerUserId, [...new Set(providerUserIds)]),
        eq(healthIntegrations.isActive, true),
      ),
    );
}

/**
 * Google Health API webhooks (https://developers.google.com/health/webhooks,
 * https://developers.google.com/health/notifications): an HTTPS POST whose body is a JSON array
 * of 1 to 99 notifications `{ data: { healthUserId, operation, dataType, intervals, ... } }`,
 * with the subscriber's `endpointAuthorization.secret` as the whole Authorization header
 * (https://developers.google.com/health/reference/rest/v4/projects.subscribers/create): we
 * register it as `Bearer <GOOGLE_HEALTH_WEBHOOK_SECRET>` and compare in constant time. Creating
 * the subscriber sends `{"type":"verification"}` twice: with the header (we answer 201) and
 * without (401). Google also signs payloads (ECDSA P-256, X-HEALTHAPI-SIGNATURE); that second
 * check is not implemented, and nothing depends on it: a notification only triggers a pull.
 * The payload has no id of its own, so a notification's id is the SHA-256 of its JSON: a
 * redelivery of the same change is a no-op.
 */
export function googleHealthWebhookRoute(deps: SubgraphDeps): Route {
  return {
    method: 'POST',
    path: '/webhooks/google-health',
    async handle(request) {
      const secret = deps.env.features.googleHealth?.webhookSecret;
      if (!secret) return jsonResponse(404, { error: 'not configured' });
      const auth = String(request.headers.authorization ?? '');
      if (!constantTimeEqual(auth, `Bearer ${secret}`)) {
        deps.log.warn({ provider: 'google_health' }, 'notification with a wrong secret refused');
        return jsonResponse(401, { error: 'unauthorized' });
      }
      const body = parseJson(request);
      if ((body as { type?: unknown } | undefined)?.type === 'verification') {
        return jsonResponse(201, { verified: true });
      }
      if (!Array.isArray(body) || body.length === 0 || body.length > 99) {
        return jsonResponse(400, { error: 'malformed' });
      }
      const now = deps.clock.now();
      const users: string[] = [];
      await deps.database.db.transaction(async (tx) => {
        for (const notification of body) {
          const user = asString((notification as { data?: { healthUserId?: unknown } })?.data?.healthUserId);
          if (!user) continue;
          if (await firstTime(tx, 'google_health', sha256Hex(JSON.stringify(notification)))) users.push(user);
        }
        await requestSync(tx, 'google_health', users, now);
      });
      return jsonResponse(200, { received: body.length });
    },
  };
}

/** Garmin summary lists a ping or push may carry; each entry names its `userId`. */
const GARMIN_DATA_KEYS = [
  'dailies',
  'epochs',
  'sleeps',
  'bodyComps',
  'activities',
  'activityDetails',
  'userMetrics',
  'stressDetails',
  'pulseox',
  'allDayRespiration',
  'hrv',
] as const;

/**
 * Garmin Health API notifications (see providers/garmin.ts for what Garmin documents). Garmin
 * signs nothing, so the endpoint URL carries a secret token (/webhooks/garmin/<GARMIN_WEBHOOK_TOKEN>,
 * configured in the developer portal) and the `garmin-client-id` header must be our client id.
 * Pings and pushes of data only mark the user's integration as due (a push's inline summaries
 * are not taken: the pull re-reads them with the user's token). `deregistrations` (the user
 * removed us in Garmin Connect) and `userPermissionsChange` without HEALTH_EXPORT deactivate the
 * integration with a reason the client shows; its tokens are dropped, Garmin has ended them.
 */
export function garminWebhookRoute(deps: SubgraphDeps): Route | null {
  const garmin = deps.env.features.garmin;
  if (!garmin?.webhookSecret) return null;
  return {
    method: 'POST',
    path: `/webhooks/garmin/${garmin.webhookSecret}`,
    async handle(request) {
      const clientId = String(request.headers['garmin-client-id'] ?? '');
      if (!constantTimeEqual(clientId, garmin.clientId)) {
        deps.log.warn({ provider: 'garmin' }, 'notification with a wrong client id refused');
        return jsonResponse(401, { error: 'unauthorized' });
      }
      const body = parseJson(request) as Record<string, unknown> | undefined;
      if (!body || typeof body !== 'object' || Array.isArray(body))
        return jsonResponse(400, { error: 'malformed' });
      const entries = (key: string) =>
        (Array.isArray(body[key]) ? (body[key] as Record<string, unknown>[]) : []).filter(
          (entry) => entry && typeof entry === 'object' && asString(entry.userId),
        );
      const now = deps.clock.now();
      await deps.database.db.transaction(async (tx) => {
        const due: string[] = [];
        for (const key of GARMIN_DATA_KEYS) {
          for (const entry of entries(key)) {
            if (await firstTime(tx, 'garmin', sha256Hex(`${key}:${JSON.stringify(entry)}`))) {
              due.push(entry.userId as string);
            }
          }
        }
        await requestSync(tx, 'garmin', due, now);
        const ended = async (userId: string, reason: 'deregistered' | 'permissions_changed') => {
          await tx
            .update(healthIntegrations)
            .set({
              isActive: false,
              inactiveReason: reason,
              accessTokenEncrypted: null,
              refreshTokenEncrypted: null,
              syncRequestedAt: null,
              backfillUntil: null,
            })
            .where(
              and(eq(healthIntegrations.provider, 'garmin'), eq(healthIntegrations.providerUserId, userId)),
            );
        };
        for (const entry of entries('deregistrations')) {
          if (await firstTime(tx, 'garmin', sha256Hex(`deregistrations:${JSON.stringify(entry)}`))) {
            await ended(entry.userId as string, 'deregistered');
          }
        }
        for (const entry of entries('userPermissionsChange')) {
          if (!(await firstTime(tx, 'garmin', sha256Hex(`userPermissionsChange:${JSON.stringify(entry)}`))))
            continue;
          const permissions = Array.isArray(entry.permissions) ? entry.permissions : [];
          if (!permissions.includes(GARMIN_REQUIRED_PERMISSION)) {
            await ended(entry.userId as string, 'permissions_changed');
          }
        }
      });
      return jsonResponse(200, { received: true });
    },
  };
}
