/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    __typename\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n    ... on EmailTaken {\n      message\n    }\n    ... on UsernameTaken {\n      message\n    }\n    ... on WeakPassword {\n      message\n      reasons\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    __typename\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n      }\n    }\n    ... on InvalidCredentials {\n      message\n    }\n    ... on TooManyAttempts {\n      message\n      retryAfterSeconds\n    }\n  }\n}\n\nquery Me {\n  me {\n    id\n    username\n    email\n    firstName\n    lastName\n    roles\n    createdAt\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation UpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    gender\n    countryCode\n    username\n  }\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    __typename\n    ... on PasswordChanged {\n      revokedSessions\n    }\n    ... on InvalidCredentials {\n      message\n    }\n    ... on WeakPassword {\n      reasons\n    }\n  }\n}": typeof types.SignUpDocument,
};
const documents: Documents = {
    "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    __typename\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n    ... on EmailTaken {\n      message\n    }\n    ... on UsernameTaken {\n      message\n    }\n    ... on WeakPassword {\n      message\n      reasons\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    __typename\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n      }\n    }\n    ... on InvalidCredentials {\n      message\n    }\n    ... on TooManyAttempts {\n      message\n      retryAfterSeconds\n    }\n  }\n}\n\nquery Me {\n  me {\n    id\n    username\n    email\n    firstName\n    lastName\n    roles\n    createdAt\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation UpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    gender\n    countryCode\n    username\n  }\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    __typename\n    ... on PasswordChanged {\n      revokedSessions\n    }\n    ... on InvalidCredentials {\n      message\n    }\n    ... on WeakPassword {\n      reasons\n    }\n  }\n}": types.SignUpDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    __typename\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n    ... on EmailTaken {\n      message\n    }\n    ... on UsernameTaken {\n      message\n    }\n    ... on WeakPassword {\n      message\n      reasons\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    __typename\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n      }\n    }\n    ... on InvalidCredentials {\n      message\n    }\n    ... on TooManyAttempts {\n      message\n      retryAfterSeconds\n    }\n  }\n}\n\nquery Me {\n  me {\n    id\n    username\n    email\n    firstName\n    lastName\n    roles\n    createdAt\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation UpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    gender\n    countryCode\n    username\n  }\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    __typename\n    ... on PasswordChanged {\n      revokedSessions\n    }\n    ... on InvalidCredentials {\n      message\n    }\n    ... on WeakPassword {\n      reasons\n    }\n  }\n}"): (typeof documents)["mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    __typename\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n    ... on EmailTaken {\n      message\n    }\n    ... on UsernameTaken {\n      message\n    }\n    ... on WeakPassword {\n      message\n      reasons\n    }\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    __typename\n    ... on AuthSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n      }\n    }\n    ... on InvalidCredentials {\n      message\n    }\n    ... on TooManyAttempts {\n      message\n      retryAfterSeconds\n    }\n  }\n}\n\nquery Me {\n  me {\n    id\n    username\n    email\n    firstName\n    lastName\n    roles\n    createdAt\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation UpdateProfile($input: UpdateProfileInput!) {\n  updateProfile(input: $input) {\n    id\n    firstName\n    lastName\n    dateOfBirth\n    gender\n    countryCode\n    username\n  }\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    __typename\n    ... on PasswordChanged {\n      revokedSessions\n    }\n    ... on InvalidCredentials {\n      message\n    }\n    ... on WeakPassword {\n      reasons\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;