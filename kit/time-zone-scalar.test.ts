import { Kind } from 'graphql';
import { TimeZoneResolver } from 'graphql-scalars';
import { describe, expect, it } from 'vitest';
import { rememberedTimeZone, scalarResolvers } from './scalars.js';

describe('TimeZone', () => {
  const zone = rememberedTimeZone(TimeZoneResolver);

  it('accepts an IANA zone as given, again and again, from variables and literals', () => {
    for (let i = 0; i < 3; i++) {
      expect(zone.parseValue('Europe/Berlin')).toBe('Europe/Berlin');
      expect(zone.parseLiteral({ kind: Kind.STRING, value: 'Asia/Kolkata' }, {})).toBe('Asia/Kolkata');
      expect(zone.serialize('America/Havana')).toBe('America/Havana');
    }
  });

  it('refuses an unknown zone every time, and values that are not strings', () => {
    for (let i = 0; i < 3; i++) {
      expect(() => zone.parseValue('Mars/Olympus_Mons')).toThrow(/IANA time zone/);
      expect(() => zone.parseLiteral({ kind: Kind.STRING, value: 'Europe/Nowhere' }, {})).toThrow(
        /IANA time zone/,
      );
    }
    expect(() => zone.parseLiteral({ kind: Kind.INT, value: '1' }, {})).toThrow();
    expect(() => zone.parseValue(42)).toThrow();
  });

  it('is the TimeZone every subgraph gets', () => {
    expect(scalarResolvers.TimeZone.parseValue('UTC')).toBe('UTC');
    expect(() => scalarResolvers.TimeZone.parseValue('Not/AZone')).toThrow(/IANA time zone/);
  });
});
