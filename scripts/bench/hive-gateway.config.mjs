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

export const gatewayConfig = {
  propagateHeaders: {
    async fromClientToSubgraphs({ request }) {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
      const viewer = match ? await viewerFor(match[1], '127.0.0.1') : null;
      return { [HEADER]: sign({ viewer, service: null, ip: '127.0.0.1' }) };
    },
  },
};
