import { isIPv4, isIPv6 } from 'node:net';
import { ipv6Groups } from '../../kit/client-address.js';

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
  const groups = ipv6Groups(bare);
  return `${groups
    .slice(0, 3)
    .map((g) => g.toString(16))
    .join(':')}::/48`;
}
