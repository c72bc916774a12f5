/**
 * The fitness supergraph's typed client. Documents: the generated `...Document` exports (one per
 * operation in `operations/`) or your own, written with `graphql(...)` and typed by
 * `npm run codegen`; the fetch wrapper runs them with a cookie or bearer session.
 */
export * from './generated/graphql.js';
export { graphql } from './generated/gql.js';
export * from './client.js';
export * from './error-codes.js';
export type { ScalarMap } from './scalars.js';
export * from './multipart.js';
