import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network an address belongs to, which is all analytics keeps: IPv4 to /24, IPv6 to /48
 * (IPv4-mapped IPv6, as a dual-stack socket reports IPv4 clients, counts as IPv4). Returns the
 * network in CIDR form, or null for anything that is not an IP address.
 */
export function anonymizeIp(address: string | null | undefined): string | null {
  if (!address) return null;
  // A zone index (fe80::1%eth0) names the local interface; it is not part of the address.
  const bare = address.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  const v4 = mapped ? mapped[1]! : bare;
  if (isIPv4(v4)) {
    const [a, b, c] = v4.split('.');
    return `${Number(a)}.${Number(b)}.${Number(c)}.0/24`;
  }
  if (!isIPv6(bare)) return null;
  const groups = expandIPv6(bare);
  return `${groups
    .slice(0, 3)
    .map((g) => g.toString(16))
    .join(':')}::/48`;
}

/** The eight 16-bit groups of an IPv6 address (with :: and a trailing dotted quad expanded). */
function expandIPv6(address: string): number[] {
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
