import {
  CountryCodeResolver,
  CurrencyResolver,
  DateResolver,
  DateTimeResolver,
  EmailAddressResolver,
  IPResolver,
  JSONObjectResolver,
  JSONResolver,
  NonNegativeIntResolver,
  PositiveIntResolver,
  TimeZoneResolver,
  UUIDResolver,
} from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * Date and DateTime limited to the years 1-9999 (in UTC). graphql-scalars accepts year 0, which
 * PostgreSQL's date and timestamptz refuse (there is no year 0), and an offset can carry a valid
 * instant into it or past 9999; such a value reached the database as an unexpected error.
 * `quickParseValue` may answer a variable first (null: it does not know), for input it parses
 * exactly as the scalar's own parseValue would.
 */
function withinYears(
  scalar: GraphQLScalarType,
  quickParseValue: (value: unknown) => Date | null = () => null,
): GraphQLScalarType {
  const checked = (value: unknown) => {
    const year = value instanceof Date ? value.getUTCFullYear() : Number.NaN;
    if (!(year >= 1 && year <= 9999)) {
      throw new GraphQLError(`${scalar.name} must fall in the years 1 to 9999 (UTC).`);
    }
    return value;
  };
  return new GraphQLScalarType({
    ...scalar.toConfig(),
    parseValue: (value) => checked(quickParseValue(value) ?? scalar.parseValue(value)),
    parseLiteral: (node, variables) => checked(scalar.parseLiteral(node, variables)),
  });
}

const DIGIT_0 = 48;
const digitAt = (text: string, at: number) => {
  const digit = text.charCodeAt(at) - DIGIT_0;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
};
const twoDigits = (text: string, at: number) => digitAt(text, at) * 10 + digitAt(text, at + 1);
const daysInMonth = (year: number, month: number) =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

/**
 * The shape devices and clients send (`2026-12-04T09:15:00Z`, `2026-12-04T09:15:00.123Z`), read
 * without graphql-scalars' four regular expressions, string copies and date parse: a batch of
 * 5,000 samples carries 5,000 of them. Accepts exactly what graphql-scalars' DateTime accepts in
 * this shape (a real calendar day, hours 00-23, minutes and seconds 00-59, any number of fraction
 * digits) and returns the instant it returns (`new Date(value)`, which keeps the first three
 * fraction digits); null for anything else, including every string it would refuse, so the
 * scalar's own parser answers those with its own error.
 */
export function quickUtcDateTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const end = value.length - 1;
  if (end < 19 || value.charCodeAt(end) !== 90 /* Z */) return null;
  if (value[4] !== '-' || value[7] !== '-' || value[10] !== 'T' || value[13] !== ':' || value[16] !== ':') {
    return null;
  }
  let milliseconds = 0;
  if (end > 19) {
    if (value[19] !== '.' || end === 20) return null;
    for (let at = 20; at < end; at++) {
      const digit = digitAt(value, at);
      if (Number.isNaN(digit)) return null;
      if (at < 23) milliseconds += digit * 10 ** (22 - at);
    }
  }
  const year = twoDigits(value, 0) * 100 + twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  const hour = twoDigits(value, 11);
  const minute = twoDigits(value, 14);
  const second = twoDigits(value, 17);
  // NaN (a non-digit) fails every comparison below.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return null;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59)) return null;
  // Date.UTC reads years 0-99 as 1900-1999; those few take the date parser.
  if (year < 100) return new Date(value);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, milliseconds));
}

/**
 * TimeZone with its answers remembered: graphql-scalars checks a name by building two
 * Intl.DateTimeFormat objects, 0.1-0.3 ms of every request that carries a zone (a health series:
 * BENCHMARKS.md, "Series request floor"). A name it accepted is accepted again without them; a
 * refused one is checked (and refused) every time, so the set holds only real zones' names.
 */
const acceptedZones = new Set<string>();
const MAX_ACCEPTED_ZONES = 1000;

export function rememberedTimeZone(scalar: GraphQLScalarType): GraphQLScalarType {
  const remembered = (check: () => unknown, value: unknown) => {
    if (typeof value === 'string' && acceptedZones.has(value)) return value;
    const accepted = check();
    if (typeof accepted === 'string') {
      if (acceptedZones.size >= MAX_ACCEPTED_ZONES) acceptedZones.clear();
      acceptedZones.add(accepted);
    }
    return accepted;
  };
  return new GraphQLScalarType({
    ...scalar.toConfig(),
    serialize: (value) => remembered(() => scalar.serialize(value), value),
    parseValue: (value) => remembered(() => scalar.parseValue(value), value),
    parseLiteral: (node, variables) =>
      remembered(
        () => scalar.parseLiteral(node, variables),
        node.kind === Kind.STRING ? node.value : undefined,
      ),
  });
}

/**
 * The scalars every subgraph may use, from graphql-scalars, so bad input is rejected before a
 * resolver runs. A subgraph declares the ones it uses in its SDL (with a description) and spreads
 * these resolvers into its map; unknown names are ignored by buildSubgraphSchema.
 */
export const scalarResolvers = {
  CountryCode: CountryCodeResolver,
  Currency: CurrencyResolver,
  Date: withinYears(DateResolver),
  DateTime: withinYears(DateTimeResolver, quickUtcDateTime),
  EmailAddress: EmailAddressResolver,
  IP: IPResolver,
  JSON: JSONResolver,
  JSONObject: JSONObjectResolver,
  NonNegativeInt: NonNegativeIntResolver,
  PositiveInt: PositiveIntResolver,
  TimeZone: rememberedTimeZone(TimeZoneResolver),
  UUID: UUIDResolver,
};

/** Scalars as the SDL declares them; a subgraph copies the lines it needs. */
export type ScalarName = keyof typeof scalarResolvers;
