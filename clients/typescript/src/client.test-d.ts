/**
 * Type tests of the client package, checked by `tsc --noEmit` (`npm run check`), never run: each
 * `@ts-expect-error` line must fail to compile, or tsc reports the directive as unused.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  type Client,
  type ErrorCode,
  graphql,
  type MeQuery,
  MeDocument,
  type SignInMutation,
  SignInDocument,
} from './index.js';

declare const client: Client;

describe('typed documents', () => {
  it('types data by the document, variables by its operation', async () => {
    expectTypeOf(await client.data(MeDocument)).toEqualTypeOf<MeQuery>();
    expectTypeOf(
      await client.data(SignInDocument, { input: { login: 'a', password: 'b' }, session: 'COOKIE' }),
    ).toEqualTypeOf<SignInMutation>();
    // @ts-expect-error SignIn needs its input
    await client.data(SignInDocument);
    // @ts-expect-error the input lacks its password
    await client.data(SignInDocument, { input: { login: 'a' } });
    // @ts-expect-error SessionDelivery has no such value
    await client.data(SignInDocument, { input: { login: 'a', password: 'b' }, session: 'LOCAL_STORAGE' });
  });

  it('types graphql() by the exact text of a document codegen has seen', () => {
    const me = graphql(`query Me {
  me {
    id
    username
    email
    firstName
    lastName
    roles
    createdAt
  }
}`);
    const typed: typeof MeDocument = me;
    // @ts-expect-error the Me document is not the SignIn document
    const wrong: typeof SignInDocument = me;
    void [typed, wrong];
  });

  it('types error codes as the catalogue', async () => {
    const result = await client.execute(MeDocument);
    expectTypeOf(result.errors[0]!.code).toEqualTypeOf<ErrorCode>();
    // @ts-expect-error not a code of the catalogue
    const unknown: ErrorCode = 'TEAPOT';
    void unknown;
  });
});
