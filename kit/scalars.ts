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

/**
 * The scalars every subgraph may use, from graphql-scalars, so bad input is rejected before a
 * resolver runs. A subgraph declares the ones it uses in its SDL (with a description) and spreads
 * these resolvers into its map; unknown names are ignored by buildSubgraphSchema.
 */
export const scalarResolvers = {
  CountryCode: CountryCodeResolver,
  Currency: CurrencyResolver,
  Date: DateResolver,
  DateTime: DateTimeResolver,
  EmailAddress: EmailAddressResolver,
  IP: IPResolver,
  JSON: JSONResolver,
  JSONObject: JSONObjectResolver,
  NonNegativeInt: NonNegativeIntResolver,
  PositiveInt: PositiveIntResolver,
  TimeZone: TimeZoneResolver,
  UUID: UUIDResolver,
};

/** Scalars as the SDL declares them; a subgraph copies the lines it needs. */
export type ScalarName = keyof typeof scalarResolvers;
