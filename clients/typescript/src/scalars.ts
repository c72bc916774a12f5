/**
 * How the API's custom scalars arrive in JSON and are typed in the generated documents (the same
 * map `codegen.ts` gives the client preset). Dates stay strings: parse them where you show them.
 */
export interface ScalarMap {
  /** An instant in UTC, ISO 8601 (`2026-11-27T14:00:00.000Z`). */
  DateTime: string;
  /** A calendar date, `YYYY-MM-DD`. */
  Date: string;
  EmailAddress: string;
  /** ISO 3166-1 alpha-2, upper case. */
  CountryCode: string;
  /** ISO 4217, upper case; amounts are integer cents beside it. */
  Currency: string;
  UUID: string;
  IP: string;
  /** An IANA zone name such as `Europe/Berlin`. */
  TimeZone: string;
  NonNegativeInt: number;
  PositiveInt: number;
  JSON: unknown;
  JSONObject: Record<string, unknown>;
}
