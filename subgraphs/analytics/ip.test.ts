import { describe, expect, it } from 'vitest';
import { anonymizeIp } from './ip.js';

describe('anonymizeIp', () => {
  it('keeps the /24 of an IPv4 address', () => {
    expect(anonymizeIp('203.0.113.77')).toBe('203.0.113.0/24');
    expect(anonymizeIp('10.1.2.255')).toBe('10.1.2.0/24');
  });

  it('treats IPv4-mapped IPv6 as IPv4', () => {
    expect(anonymizeIp('::ffff:198.51.100.9')).toBe('198.51.100.0/24');
  });

  it('keeps the /48 of an IPv6 address, whatever its spelling', () => {
    expect(anonymizeIp('2001:db8:abcd:12:34:56:78:9a')).toBe('2001:db8:abcd::/48');
    expect(anonymizeIp('2001:0DB8:ABCD:0012::1')).toBe('2001:db8:abcd::/48');
    expect(anonymizeIp('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(anonymizeIp('::1')).toBe('0:0:0::/48');
    expect(anonymizeIp('fe80::1%eth0')).toBe('fe80:0:0::/48');
    expect(anonymizeIp('64:ff9b::192.0.2.33')).toBe('64:ff9b:0::/48');
  });

  it('returns null for anything that is not an address', () => {
    expect(anonymizeIp(null)).toBeNull();
    expect(anonymizeIp('')).toBeNull();
    expect(anonymizeIp('localhost')).toBeNull();
    expect(anonymizeIp('1.2.3.4; drop table x')).toBeNull();
  });
});
