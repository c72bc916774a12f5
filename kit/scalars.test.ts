import { GraphQLError } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { describe, expect, it } from 'vitest';
import { quickUtcDateTime, scalarResolvers } from './scalars.js';
import { prng as random } from './seeded-random.js';

/** What DateTime answered before its quick path: graphql-scalars' parser, then the years check. */
function reference(value: unknown): Date {
  const parsed = DateTimeResolver.parseValue(value);
  const year = parsed instanceof Date ? parsed.getUTCFullYear() : Number.NaN;
  if (!(year >= 1 && year <= 9999))
    throw new GraphQLError('DateTime must fall in the years 1 to 9999 (UTC).');
  return parsed;
}

type Outcome = { time: number } | { error: string };
const outcome = (parse: () => Date): Outcome => {
  try {
    return { time: parse().getTime() };
  } catch (error) {
    return { error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
  }
};

/** Strings at every edge of the shape: calendar days, leap years, 24:00, :60, fractions, zones. */
function edgeCases(): string[] {
  const cases: string[] = [];
  for (const year of ['0000', '0001', '1900', '1999', '2000', '2023', '2024', '2100', '9999'])
    for (const month of ['00', '01', '02', '04', '12', '13'])
      for (const day of ['00', '01', '28', '29', '30', '31', '32'])
        for (const time of ['00:00:00', '23:59:59', '24:00:00', '23:60:00', '23:59:60', '9:00:00'])
          for (const tail of [
            'Z',
            '.5Z',
            '.05Z',
            '.123Z',
            '.9999Z',
            '.1234567890123Z',
            `.${'9'.repeat(1000)}Z`,
            '.Z',
            '.1a3Z',
            'z',
            '+00:00',
            '-05:30',
            '',
          ])
            cases.push(`${year}-${month}-${day}T${time}${tail}`);
  return cases;
}

describe('DateTime', () => {
  it('parses variables exactly as graphql-scalars did, errors included', () => {
    const next = random(7);
    const alphabet = '0123456789-:.TtZz+ x\u0660\uff10';
    const mutated = Array.from({ length: 20_000 }, () => {
      const base = new Date(Math.floor(next() * 300_000_000_000_000) - 62_000_000_000_000).toISOString();
      const chars = [...base];
      const edits = Math.floor(next() * 3);
      for (let i = 0; i < edits; i++) {
        const at = Math.floor(next() * chars.length);
        const kind = next();
        const char = alphabet[Math.floor(next() * alphabet.length)] as string;
        if (kind < 0.6) chars[at] = char;
        else if (kind < 0.8) chars.splice(at, 1);
        else chars.splice(at, 0, char);
      }
      return chars.join('');
    });
    const others: unknown[] = [
      new Date('2026-12-04T09:00:00Z'),
      new Date(Number.NaN),
      1_733_300_000,
      null,
      {},
      '',
    ];
    let quick = 0;
    for (const value of [...edgeCases(), ...mutated, ...others]) {
      if (quickUtcDateTime(value) !== null) quick += 1;
      expect([value, outcome(() => scalarResolvers.DateTime.parseValue(value) as Date)]).toEqual([
        value,
        outcome(() => reference(value)),
      ]);
    }
    // The quick path did answer most of them (the rest went to graphql-scalars).
    expect(quick).toBeGreaterThan(5_000);
  });

  it('takes the shape clients send without graphql-scalars, and nothing it would refuse', () => {
    expect(quickUtcDateTime('2026-12-04T09:15:00Z')?.toISOString()).toBe('2026-12-04T09:15:00.000Z');
    expect(quickUtcDateTime('2024-02-29T23:59:59.999Z')?.toISOString()).toBe('2024-02-29T23:59:59.999Z');
    for (const refused of [
      '2023-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-12-04T24:00:00Z',
      '2026-12-04T09:15:60Z',
      '2026-12-04T09:15:00.Z',
      '2026-12-04T09:15:00+01:00',
      '2026-12-04t09:15:00z',
      '2026-12-04T09:15:00',
      '２026-12-04T09:15:00Z',
    ]) {
      expect(quickUtcDateTime(refused)).toBeNull();
    }
  });
});
