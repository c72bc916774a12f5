import { describe, expect, it } from 'vitest';
import { clientAddress, clientKey, normalizeAddress } from './client-address.js';

describe('clientAddress', () => {
  it('with no trusted hop is the socket peer, whatever X-Forwarded-For says', () => {
    expect(clientAddress('::ffff:192.0.2.1', '203.0.113.9', 0)).toBe('192.0.2.1');
    expect(clientAddress('192.0.2.1', undefined, 0)).toBe('192.0.2.1');
    expect(clientAddress(null, '203.0.113.9', 0)).toBeNull();
  });

  it('with N trusted hops is the entry N places left of the socket peer', () => {
    // client 198.51.100.7 -> CDN 203.0.113.1 -> load balancer 10.0.0.2 -> gateway
    const header = '6.6.6.6, 198.51.100.7, 203.0.113.1';
    expect(clientAddress('10.0.0.2', header, 1)).toBe('203.0.113.1');
    expect(clientAddress('10.0.0.2', header, 2)).toBe('198.51.100.7');
    // The client's own "6.6.6.6" is reached only by trusting one hop too many.
    expect(clientAddress('10.0.0.2', header, 3)).toBe('6.6.6.6');
  });

  it('takes the leftmost entry when the chain is shorter than the hops (a proxy was skipped)', () => {
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '198.51.100.7', 3)).toBe('198.51.100.7');
  });

  it('joins repeated headers and passes over entries that are not addresses', () => {
    expect(clientAddress('10.0.0.2', ['6.6.6.6', '198.51.100.7'], 1)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', '198.51.100.7, unknown', 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '198.51.100.7,,  ', 1)).toBe('198.51.100.7');
  });

  it('reads the forms proxies write: ports, brackets, mapped IPv4', () => {
    expect(clientAddress('10.0.0.2', '198.51.100.7:5123', 1)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', '[2001:DB8::1]:443', 1)).toBe('2001:db8::1');
    expect(normalizeAddress('::FFFF:198.51.100.7')).toBe('198.51.100.7');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normalizeAddress('not-an-address')).toBeNull();
  });
});

describe('clientKey', () => {
  it('keeps IPv4 whole and IPv6 to its /64', () => {
    expect(clientKey('198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'));
    expect(clientKey(null)).toBe('unknown');
  });
});
