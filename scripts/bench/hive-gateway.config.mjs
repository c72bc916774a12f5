// Hive Gateway configuration for the peer-gateway benchmark (copied next to the installed gateway
// by scripts/bench/hive.ts). It gives Hive Gateway the same identity work our gateway does per
// request: session token -> viewer (asked of the identity subgraph, cached like our gateway's
// viewer cache), then the signed identity header on every subgraph fetch. Without it the
// subgraphs would see an anonymous caller and the comparison would not be like for like.
import { createHash, createHmac } from 'node:crypto';

const secret = process.env.BENCH_IDENTITY_SECRET;
const identityUrl = process.env.BENCH_IDENTITY_URL;
const HEADER = 'x-fitness-identity';
const TTL_MS = 60_000;

function sign(identity) {
  const payload = { ...identity, exp: Math.floor(Date.now() / 1000) + 60 };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const mac = createHmac('sha256', secret).update(`v1.${body}`).digest('base64url');
  return `v1.${body}.${mac}`;
}

const viewers = new Map();

async function viewerFor(token, ip) {
  const key = createHash('sha256').update(token).digest('hex');
  const cached = viewers.get(key);
  if (cached && cached.until > Date.now()) return cached.viewer;
  const response = await fetch(identityUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [HEADER]: sign({ viewer: null, service: 'gateway', ip }),
    },
    body: JSON.stringify({
      query: 'query ($token: String!) { sessionViewer(token: $token) { sessionId userId roles } }',
      variables: { token },
    }),
  });
  const body = await response.json();
  const found = body.data?.sessionViewer;
  const viewer = found ? { userId: found.userId, sessionId: found.sessionId, roles: found.roles } : null;
  viewers.set(key, { viewer, until: Date.now() + TTL_MS });
  return viewer;
}

/**
 * The session token of the client: the Authorization header over HTTP; over graphql-ws the
 * connection_init payload (`{ authorization: 'Bearer ...' }`, what our clients send), which Hive
 * Gateway keeps as `context.connectionParams` (the upgrade request carries no credential).
 */
function tokenOf(request, context) {
  const header = request?.headers?.get?.('authorization') ?? context?.connectionParams?.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(typeof header === 'string' ? header : '');
  return match ? match[1] : null;
}

// Subscriptions (the subscription benchmark; the HTTP benchmarks start Hive Gateway without
// WebSockets): the health subgraph serves graphql-ws on its /graphql and wants the signed
// identity in the connection_init payload, as our gateway sends it. Hive Gateway opens one
// upstream socket per distinct set of connection parameters, so the signed header is kept per
// viewer for 30 s (it is valid for 60 s and checked when the socket connects): a user's
// subscriptions share one upstream socket, Hive Gateway's documented way of multiplexing.
const signedForSubscriptions = new Map();

function subscriptionIdentity(viewer) {
  const key = viewer ? `${viewer.userId}:${viewer.sessionId}` : '';
  const cached = signedForSubscriptions.get(key);
  if (cached && cached.until > Date.now()) return cached.header;
  const header = sign({ viewer, service: null, ip: '127.0.0.1' });
  signedForSubscriptions.set(key, { header, until: Date.now() + 30_000 });
  return header;
}

export const gatewayConfig = {
  propagateHeaders: {
    async fromClientToSubgraphs({ request, context }) {
      const token = tokenOf(request, context);
      const viewer = token ? await viewerFor(token, '127.0.0.1') : null;
      return { [HEADER]: sign({ viewer, service: null, ip: '127.0.0.1' }) };
    },
  },
  transportEntries: {
    health: {
      options: {
        subscriptions: {
          kind: 'ws',
          options: { connectionParams: { [HEADER]: '{context.fitnessIdentity}' } },
        },
      },
    },
  },
  plugins: () => [
    {
      // Only operations over graphql-ws get the upstream identity (HTTP requests pay nothing).
      async onContextBuilding({ context, extendContext }) {
        if (!context.connectionParams) return;
        const token = tokenOf(null, context);
        const viewer = token ? await viewerFor(token, '127.0.0.1') : null;
        extendContext({ fitnessIdentity: subscriptionIdentity(viewer) });
      },
    },
  ],
};
