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
import { GraphQLError, GraphQLScalarType } from 'graphql';

/**
 * Date and DateTime limited to the years 1-9999 (in UTC). graphql-scalars accepts year 0, which
 * PostgreSQL's date and timestamptz refuse (there is no year 0), and an offset can carry a valid
 * instant into it or past 9999; such a value reached the database as an unexpected error.
 */
function withinYears(scalar: GraphQLScalarType): GraphQLScalarType {
  const checked = (value: unknown) => {
    const year = value instanceof Date ? value.getUTCFullYear() : Number.NaN;
    if (!(year >= 1 && year <= 9999)) {
      throw new GraphQLError(`${scalar.name} must fall in the years 1 to 9999 (UTC).`);
    }
    return value;
  };
  return new GraphQLScalarType({
    ...scalar.toConfig(),
    parseValue: (value) => checked(scalar.parseValue(value)),
    parseLiteral: (node, variables) => checked(scalar.parseLiteral(node, variables)),
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
  DateTime: withinYears(DateTimeResolver),
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
