import { isIPv4, isIPv6 } from 'node:net';

/**
 * Who the client is, as far as a network address can say: the gateway resolves it once per
 * request and signs it into the identity header, so no subgraph ever reads a client's own
 * headers for it. Per-client rate limits and anonymous view counting key on it.
 */

/**
 * An address as a socket or a proxy writes it, in one comparable form: IPv4-mapped IPv6 (how a
 * dual-stack socket reports IPv4 clients) as IPv4, without brackets, port or zone index, IPv6 in
 * lower case. Null for anything that is not an IP address.
 */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = raw.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:443", as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  // A zone index (fe80::1%eth0) names the local interface; it is not part of the address.
  text = text.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  if (mapped) text = mapped[1]!;
  if (isIPv4(text)) return text.split('.').map(Number).join('.');
  return isIPv6(text) ? text.toLowerCase() : null;
}

/**
 * The client's address. With `trustedHops` = 0 it is the socket's peer: whatever the client
 * writes in X-Forwarded-For is ignored. With N > 0, N proxies (load balancers) in front of the
 * gateway are trusted, each having appended the address it received the request from: the chain
 * is the header's entries left to right followed by the socket's peer, and the client is the
 * entry N places left of the socket's peer (N = 1: the header's last entry). Entries further left
 * were written by the client and are never used, unless the chain is shorter than N + 1 (the
 * request skipped a proxy); then its leftmost entry is taken. An entry that is not an IP address
 * is passed over for the next one to its right, which a more trusted hop wrote.
 */
export function clientAddress(
  socketAddress: string | null | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string | null {
  if (trustedHops <= 0) return normalizeAddress(socketAddress);
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [
    ...header
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    socketAddress ?? '',
  ];
  for (let i = Math.max(0, chain.length - 1 - trustedHops); i < chain.length; i++) {
    const address = normalizeAddress(chain[i]);
    if (address) return address;
  }
  return null;
}

/**
 * What a per-client limit counts by: an IPv4 address whole, an IPv6 address by its /64. One
 * subscriber is given a whole /64 (often more), so counting single IPv6 addresses would let a
 * client take a fresh counter for every request. Requests without an address share one key.
 */
export function clientKey(address: string | null | undefined): string {
  const normalized = normalizeAddress(address);
  if (!normalized) return 'unknown';
  if (isIPv4(normalized)) return normalized;
  return `${ipv6Groups(normalized)
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (with :: and a trailing dotted quad expanded). */
export function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const left = head ? head.split(':').filter(Boolean) : [];
  const right = tail ? tail.split(':').filter(Boolean) : [];
  const missing = 8 - left.length - right.length;
  const all = tail === null ? left : [...left, ...Array(missing).fill('0'), ...right];
  return all.map((g) => Number.parseInt(g, 16));
}
