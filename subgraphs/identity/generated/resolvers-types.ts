import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserRow as UserRowModel, OAuthConnectionRow as OAuthConnectionRowModel } from '../tables.js';
import type { RequestContext } from '../../../kit/subgraph.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 3166-1 alpha-2 country code, e.g. DE. */
  CountryCode: { input: string; output: string; }
  /** A calendar date, as YYYY-MM-DD. */
  Date: { input: Date; output: Date | string; }
  /** An instant in UTC, as an ISO 8601 string (e.g. 2026-11-27T14:00:00Z). */
  DateTime: { input: Date; output: Date | string; }
  /** An email address (RFC 5322); malformed addresses are rejected before any resolver runs. */
  EmailAddress: { input: string; output: string; }
  /** A JSON object. */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** An IANA time zone name, e.g. Europe/Berlin. */
  TimeZone: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** The account is deleted; the session used is no longer valid. */
export type AccountDeleted = {
  __typename?: 'AccountDeleted';
  /** When. */
  deletedAt: Scalars['DateTime']['output'];
};

/**
 * A new session. With session: TOKEN, send the token as `Authorization: Bearer <token>`; it is
 * shown only this once. With session: COOKIE the browser holds it in the HttpOnly session cookie.
 */
export type AuthSuccess = {
  __typename?: 'AuthSuccess';
  /** When the session ends unless used; use extends it. */
  expiresAt: Scalars['DateTime']['output'];
  /**
   * The session token, with session: TOKEN. Null with session: COOKIE: the token then lives only in
   * the HttpOnly cookie, out of reach of the page's JavaScript.
   */
  token?: Maybe<Scalars['String']['output']>;
  /** The signed-in user. */
  user: User;
};

/** A password change. */
export type ChangePasswordInput = {
  /** The password in use now. */
  currentPassword: Scalars['String']['input'];
  /** The new password; same rules as at sign-up. */
  newPassword: Scalars['String']['input'];
};

/** The outcome of changePassword. */
export type ChangePasswordResult = InvalidCredentials | PasswordChanged | TooManyAttempts | WeakPassword;

/** The challenge from TwoFactorRequired and a code. */
export type CompleteTwoFactorSignInInput = {
  /** TwoFactorRequired.challenge. */
  challenge: Scalars['String']['input'];
  /** A 6-digit TOTP code, or an unused recovery code (xxxxx-xxxxx). */
  code: Scalars['String']['input'];
};

/** The outcome of completeTwoFactorSignIn. */
export type CompleteTwoFactorSignInResult = AuthSuccess | InvalidToken | InvalidTwoFactorCode | TooManyAttempts;

/** The outcome of confirmTwoFactor. */
export type ConfirmTwoFactorResult = InvalidTwoFactorCode | TooManyAttempts | TwoFactorEnabled;

/** The outcome of deleteMyAccount. */
export type DeleteMyAccountResult = AccountDeleted | InvalidCredentials | ReauthenticationRequired | TooManyAttempts;

/** Turning two-factor off. */
export type DisableTwoFactorInput = {
  /** A current TOTP code or an unused recovery code. */
  code: Scalars['String']['input'];
  /** The account's password. */
  password: Scalars['String']['input'];
};

/** The outcome of disableTwoFactor. */
export type DisableTwoFactorResult = InvalidCredentials | InvalidTwoFactorCode | TooManyAttempts | TwoFactorDisabled;

/** Another account already uses this email. */
export type EmailTaken = Problem & {
  __typename?: 'EmailTaken';
  /** Stable code of the outcome, always EMAIL_TAKEN. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The address is confirmed. */
export type EmailVerified = {
  __typename?: 'EmailVerified';
  /** How many sessions were ended; sign in again. */
  revokedSessions: Scalars['Int']['output'];
  /** Providers unlinked because they had not verified the address. */
  unlinkedProviders: Array<OAuthProvider>;
  /** The user. */
  user: User;
};

/**
 * The codes in `extensions.code` of GraphQL errors (requests that cannot be answered as asked).
 * Expected outcomes a form shows are typed results implementing Problem instead. docs/errors.md
 * says when each code happens and with which HTTP status.
 */
export type ErrorCode =
  /** The HTTP request is malformed (not JSON, a persisted hash that does not match its query). */
  | 'BAD_REQUEST'
  /** An argument or variable is invalid; field names it when one field is at fault. */
  | 'BAD_USER_INPUT'
  /** The change clashes with the current state (a duplicate, a transition that is not allowed). */
  | 'CONFLICT'
  /** Signed in, but not allowed to do this or see this field. */
  | 'FORBIDDEN'
  /** The document is not valid GraphQL syntax (or exceeds the token limit). */
  | 'GRAPHQL_PARSE_FAILED'
  /** The document does not fit the schema or exceeds the query limits (depth, aliases, cost). */
  | 'GRAPHQL_VALIDATION_FAILED'
  /** An unexpected failure; nothing of it is shown. Quote the x-request-id header. */
  | 'INTERNAL_SERVER_ERROR'
  /** The object or route does not exist (or is not visible to the viewer). */
  | 'NOT_FOUND'
  /** The document has several operations and names none (or an unknown one) to run. */
  | 'OPERATION_RESOLUTION_FAILURE'
  /** The request body exceeds the size limit (HTTP 413). */
  | 'PAYLOAD_TOO_LARGE'
  /** The gateway runs trusted documents only: send the document’s hash, not free query text. */
  | 'PERSISTED_QUERY_ID_REQUIRED'
  /** The hash is unknown: send the query text with it once (automatic persisted queries). */
  | 'PERSISTED_QUERY_NOT_FOUND'
  /** The gateway runs trusted documents only and this hash is not in its manifest: regenerate the client and deploy its manifest. */
  | 'PERSISTED_QUERY_NOT_IN_LIST'
  /** Persisted queries are switched off on this server. */
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  /** Too many attempts; retry after retryAfterSeconds. */
  | 'RATE_LIMITED'
  /** A service is down or the gateway is busy; retry shortly (HTTP 503, Retry-After). */
  | 'SERVICE_UNAVAILABLE'
  /** No session where one is needed, or the session sent is invalid, expired or revoked (reason: INVALID_TOKEN or SESSION_ENDED): send the user to sign in. */
  | 'UNAUTHENTICATED';

/** The login or password is wrong, or the account cannot sign in. */
export type InvalidCredentials = Problem & {
  __typename?: 'InvalidCredentials';
  /** Stable code of the outcome, always INVALID_CREDENTIALS. */
  code: Scalars['String']['output'];
  /** Human-readable explanation; deliberately the same for every cause. */
  message: Scalars['String']['output'];
};

/** The token is unknown, already used, expired, or no longer matches the account. */
export type InvalidToken = Problem & {
  __typename?: 'InvalidToken';
  /** Stable code of the outcome, always INVALID_TOKEN. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The code is wrong, expired, or was already used. */
export type InvalidTwoFactorCode = Problem & {
  __typename?: 'InvalidTwoFactorCode';
  /** Stable code of the outcome, always INVALID_TWO_FACTOR_CODE. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** Refused: without this provider the account would have no way to sign in. Set a password first. */
export type LastSignInMethod = Problem & {
  __typename?: 'LastSignInMethod';
  /** Stable code of the outcome, always LAST_SIGN_IN_METHOD. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A sign-in provider account linked to a user. */
export type LinkedAccount = {
  __typename?: 'LinkedAccount';
  /**
   * The email the provider reported, if any; informational. It becomes the account's email only
   * when the provider verified it (emailVerified).
   */
  emailFromProvider?: Maybe<Scalars['String']['output']>;
  /**
   * Whether the provider asserted it verified emailFromProvider (Google and Apple can; Yandex and VK
   * do not). When the owner of the account's address proves it (password reset, verification link),
   * only links that verified that same address stay.
   */
  emailVerified: Scalars['Boolean']['output'];
  /** When the provider was linked. */
  linkedAt: Scalars['DateTime']['output'];
  /** The provider. */
  provider: OAuthProvider;
  /** When the provider last signed the user in or refreshed the link. */
  updatedAt: Scalars['DateTime']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Changes the password and ends every other session. */
  changePassword: ChangePasswordResult;
  /** Second step of a sign-in that answered TwoFactorRequired: the challenge plus a TOTP or recovery code. */
  completeTwoFactorSignIn: CompleteTwoFactorSignInResult;
  /** Confirms enrollment with a first code; turns two-factor on and returns ten recovery codes. */
  confirmTwoFactor: ConfirmTwoFactorResult;
  /** Admin only: blocks an account from signing in and ends its sessions. Audited. */
  deactivateUser: User;
  /**
   * Deletes the signed-in account (GDPR erasure): personal data is scrubbed at once, sessions and
   * linked providers end, and every other subgraph erases its data on the user.deleted event.
   */
  deleteMyAccount: DeleteMyAccountResult;
  /** Turns two-factor off; needs the password and a current code (or a recovery code). */
  disableTwoFactor: DisableTwoFactorResult;
  /** Starts TOTP enrollment: an otpauth URI for an authenticator app. Not active until confirmed. */
  enrollTwoFactor: TwoFactorEnrollment;
  /**
   * Finishes the provider flow with the code and state the provider sent to the redirect URI, from
   * the client that started it: a browser sends the flow cookie, a native app passes flowSecret.
   */
  oauthCallback: OAuthCallbackResult;
  /**
   * Starts sign-in (anonymous) or linking (signed in) with a provider: returns the URL to send the
   * browser to. The state and PKCE verifier stay on the server, valid 10 minutes, usable once. The
   * flow is bound to this client: a browser gets the flow cookie, a native app gets flowSecret.
   */
  oauthStart: OAuthStartPayload;
  /** Admin only: lets a deactivated account sign in again. Audited. */
  reactivateUser: User;
  /** Mails a verification link to the signed-in user's address. False when asked too often. */
  requestEmailVerification: Scalars['Boolean']['output'];
  /** Mails a reset link, shortly after, when the address has an account. Always true, in the same time for every address: the answer reveals nothing. */
  requestPasswordReset: Scalars['Boolean']['output'];
  /**
   * Sets a new password with the token from the reset mail (single use, 30 minutes). The address is
   * proven: provider links that did not verify it and every session end.
   */
  resetPassword: ResetPasswordResult;
  /** Signs in with email or username and password. */
  signIn: SignInResult;
  /** Ends the current session and clears the session cookie. True when a session was ended. */
  signOut: Scalars['Boolean']['output'];
  /**
   * Ends every session of the signed-in user, this one included, and clears the session cookie.
   * Returns how many were ended.
   */
  signOutEverywhere: Scalars['Int']['output'];
  /** Creates an account and signs it in. */
  signUp: SignUpResult;
  /** Unlinks a provider from the signed-in user; refused when it is their last way to sign in. */
  unlinkProvider: UnlinkProviderResult;
  /** Changes the signed-in user's profile fields; fields left out stay as they are. */
  updateProfile: User;
  /**
   * Confirms the address with the token from the mail (single use, 24 hours). The account is then
   * the address owner's: provider links that did not verify the address and every session end.
   */
  verifyEmail: VerifyEmailResult;
};


export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


export type MutationCompleteTwoFactorSignInArgs = {
  input: CompleteTwoFactorSignInInput;
  session?: InputMaybe<SessionDelivery>;
};


export type MutationConfirmTwoFactorArgs = {
  code: Scalars['String']['input'];
};


export type MutationDeactivateUserArgs = {
  reason?: InputMaybe<Scalars['String']['input']>;
  userId: Scalars['ID']['input'];
};


export type MutationDeleteMyAccountArgs = {
  password?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDisableTwoFactorArgs = {
  input: DisableTwoFactorInput;
};


export type MutationOauthCallbackArgs = {
  code: Scalars['String']['input'];
  flowSecret?: InputMaybe<Scalars['String']['input']>;
  provider: OAuthProvider;
  session?: InputMaybe<SessionDelivery>;
  state: Scalars['String']['input'];
};


export type MutationOauthStartArgs = {
  client?: InputMaybe<OAuthClient>;
  provider: OAuthProvider;
  redirectUri: Scalars['String']['input'];
};


export type MutationReactivateUserArgs = {
  reason?: InputMaybe<Scalars['String']['input']>;
  userId: Scalars['ID']['input'];
};


export type MutationRequestPasswordResetArgs = {
  email: Scalars['EmailAddress']['input'];
};


export type MutationResetPasswordArgs = {
  input: ResetPasswordInput;
};


export type MutationSignInArgs = {
  input: SignInInput;
  session?: InputMaybe<SessionDelivery>;
};


export type MutationSignUpArgs = {
  input: SignUpInput;
  session?: InputMaybe<SessionDelivery>;
};


export type MutationUnlinkProviderArgs = {
  provider: OAuthProvider;
};


export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};


export type MutationVerifyEmailArgs = {
  token: Scalars['String']['input'];
};

/** The outcome of oauthCallback. */
export type OAuthCallbackResult = AuthSuccess | OAuthEmailInUse | OAuthFailed | ProviderLinked | TwoFactorRequired;

/**
 * Who runs an OAuth flow. It decides how oauthCallback proves it is the client that called
 * oauthStart, so that a `state` and `code` in anyone else's hands finish nothing.
 */
export type OAuthClient =
  /**
   * A web page: oauthStart has the gateway set an HttpOnly, SameSite=Lax cookie holding the flow's
   * secret (10 minutes); the browser sends it with oauthCallback. Scripts never see the secret.
   */
  | 'BROWSER'
  /** A native app: oauthStart returns flowSecret; the app keeps it and passes it to oauthCallback. */
  | 'NATIVE';

/**
 * An account with the provider's email exists, and the email is not verified on both sides (by the
 * provider and on the account), so the provider may not join it: sign in to that account first, then
 * link the provider. If the address is yours but the account is not, reset its password.
 */
export type OAuthEmailInUse = Problem & {
  __typename?: 'OAuthEmailInUse';
  /** Stable code of the outcome, always OAUTH_EMAIL_IN_USE. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The OAuth callback failed; start again with oauthStart. */
export type OAuthFailed = Problem & {
  __typename?: 'OAuthFailed';
  /** Stable code of the outcome, always OAUTH_FAILED. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** Why. */
  reason: OAuthFailureReason;
};

/** Why an OAuth callback failed. */
export type OAuthFailureReason =
  /** This provider account is already linked to another user. */
  | 'ACCOUNT_LINKED_ELSEWHERE'
  /** The linked account is deactivated or deleted. */
  | 'ACCOUNT_UNAVAILABLE'
  /**
   * The state is unknown, used, expired, or for another provider, or oauthCallback did not come
   * from the client that started the flow (no or another flow cookie or flowSecret, another viewer).
   */
  | 'INVALID_STATE'
  /** The provider refused the code or could not be reached. */
  | 'PROVIDER_ERROR';

/** The sign-in providers an account can link. */
export type OAuthProvider =
  /** Sign in with Apple. */
  | 'APPLE'
  /** Google (OpenID Connect, with PKCE). */
  | 'GOOGLE'
  /** VK ID. */
  | 'VK'
  /** Yandex ID. */
  | 'YANDEX';

/** Where to send the browser to sign in with a provider. */
export type OAuthStartPayload = {
  __typename?: 'OAuthStartPayload';
  /** The provider's authorization URL. */
  authorizationUrl: Scalars['String']['output'];
  /** When the state stops being accepted. */
  expiresAt: Scalars['DateTime']['output'];
  /**
   * NATIVE only: the flow's secret, to pass to oauthCallback with the code and state. Keep it in the
   * app (never in the redirect URI or a log). Null for BROWSER, where the flow cookie holds it.
   */
  flowSecret?: Maybe<Scalars['String']['output']>;
  /** The state in the URL; the provider hands it back to the redirect URI. */
  state: Scalars['String']['output'];
};

/** Where a paginated list stands. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page; null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** The password was changed. */
export type PasswordChanged = {
  __typename?: 'PasswordChanged';
  /** How many other sessions were ended. */
  revokedSessions: Scalars['Int']['output'];
  /** The user. */
  user: User;
};

/** The password was reset; sign in with it. */
export type PasswordReset = {
  __typename?: 'PasswordReset';
  /** How many sessions were ended. */
  revokedSessions: Scalars['Int']['output'];
  /** Providers unlinked because they had not verified the account's address. */
  unlinkedProviders: Array<OAuthProvider>;
};

/**
 * An expected outcome a form shows, not an error: the request was understood and refused for a
 * reason the user can act on. Switch on __typename or on code. A batch mutation that stores the valid
 * items also reports each refused item as a Problem in its result's errors list
 * (HealthMetricInputError, AnalyticsEventInputError).
 */
export type Problem = {
  /**
   * Stable SCREAMING_SNAKE code, for switching in code: a mutation outcome's type name (EMAIL_TAKEN,
   * PAYMENT_DECLINED); for a refused item of a batch, the ErrorCode an error about that input would
   * carry (BAD_USER_INPUT).
   */
  code: Scalars['String']['output'];
  /** Human-readable explanation, safe to show to the user. */
  message: Scalars['String']['output'];
};

/** The provider was linked to the signed-in user. */
export type ProviderLinked = {
  __typename?: 'ProviderLinked';
  /** The new link. */
  linkedAccount: LinkedAccount;
};

/** The provider was unlinked. */
export type ProviderUnlinked = {
  __typename?: 'ProviderUnlinked';
  /** The providers still linked. */
  linkedAccounts: Array<LinkedAccount>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * Everything the signed-in user can read about themselves across the whole graph, as JSON
   * (GDPR right of access): `{ exportedAt, user, incomplete }`. Built by the gateway from the
   * composed schema, so every subgraph's User fields are included.
   */
  exportMyData: Scalars['JSONObject']['output'];
  /** The signed-in user's linked sign-in providers. */
  linkedAccounts: Array<LinkedAccount>;
  /** The signed-in user, or null when the request carries no valid session. */
  me?: Maybe<User>;
  /** Admin only: users whose email or username starts with a prefix, oldest first. */
  searchUsers: UserConnection;
  /** Internal: the gateway resolves a session token to its viewer. Refused for any other caller. */
  sessionViewer?: Maybe<SessionViewer>;
};


export type QuerySearchUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  prefix?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySessionViewerArgs = {
  token: Scalars['String']['input'];
};

/**
 * An account without a password confirms its deletion with a fresh sign-in: sign in again through
 * the provider (oauthStart, oauthCallback), then call deleteMyAccount within maxAgeSeconds.
 */
export type ReauthenticationRequired = Problem & {
  __typename?: 'ReauthenticationRequired';
  /** Stable code of the outcome, always REAUTHENTICATION_REQUIRED. */
  code: Scalars['String']['output'];
  /** How old the session may be, in seconds. */
  maxAgeSeconds: Scalars['Int']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** A password reset. */
export type ResetPasswordInput = {
  /** The new password; same rules as at sign-up. */
  newPassword: Scalars['String']['input'];
  /** The token from the reset mail. */
  token: Scalars['String']['input'];
};

/** The outcome of resetPassword. */
export type ResetPasswordResult = InvalidToken | PasswordReset | WeakPassword;

/** What a person may do beyond their own data. */
export type Role =
  /** Operators: manage plans, cohorts and accounts. */
  | 'ADMIN'
  /** Every account. */
  | 'USER';

/** How a sign-in hands the new session to the client. */
export type SessionDelivery =
  /**
   * In an HttpOnly, SameSite=Lax session cookie (Secure and named `__Host-session` outside
   * plain-http development) that the browser sends by itself; AuthSuccess.token is null.
   */
  | 'COOKIE'
  /** In the answer (AuthSuccess.token), for apps that send it as `Authorization: Bearer`. */
  | 'TOKEN';

/** Internal: who a session token belongs to. */
export type SessionViewer = {
  __typename?: 'SessionViewer';
  /** When the session ends unless it is used again. */
  expiresAt: Scalars['DateTime']['output'];
  /** The account's roles. */
  roles: Array<Role>;
  /** The session's id: the SHA-256 of its token. */
  sessionId: Scalars['String']['output'];
  /** The account. */
  userId: Scalars['ID']['output'];
};

/** Credentials for sign-in. */
export type SignInInput = {
  /** The account's email or username, in any case. */
  login: Scalars['String']['input'];
  /** The password. */
  password: Scalars['String']['input'];
};

/** The outcome of signIn. */
export type SignInResult = AuthSuccess | InvalidCredentials | TooManyAttempts | TwoFactorRequired;

/** Fields for a new account. */
export type SignUpInput = {
  /** Date of birth; must be in the past. */
  dateOfBirth?: InputMaybe<Scalars['Date']['input']>;
  /** Sign-in email; compared case-insensitively. */
  email: Scalars['EmailAddress']['input'];
  /** Given name, up to 100 characters. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Gender as the user describes it, up to 32 characters. */
  gender?: InputMaybe<Scalars['String']['input']>;
  /** Family name, up to 100 characters. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** At least 10 characters, at most 256; not a common password, not the email or username. */
  password: Scalars['String']['input'];
  /** The device's IANA time zone (Intl.DateTimeFormat().resolvedOptions().timeZone); UTC when left out. */
  timeZone?: InputMaybe<Scalars['TimeZone']['input']>;
  /** 3-30 letters, digits, '.', '_' or '-'; compared case-insensitively. */
  username: Scalars['String']['input'];
};

/** The outcome of signUp. */
export type SignUpResult = AuthSuccess | EmailTaken | TooManyAttempts | UsernameTaken | WeakPassword;

/** Too many attempts: passwords or codes for this account, or sign-ups or sign-ins from this client address. */
export type TooManyAttempts = Problem & {
  __typename?: 'TooManyAttempts';
  /** Stable code of the outcome, always TOO_MANY_ATTEMPTS. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** Seconds until another attempt is allowed. */
  retryAfterSeconds: Scalars['Int']['output'];
};

/** Two-factor is off. */
export type TwoFactorDisabled = {
  __typename?: 'TwoFactorDisabled';
  /** The user. */
  user: User;
};

/** Two-factor is on. */
export type TwoFactorEnabled = {
  __typename?: 'TwoFactorEnabled';
  /** Ten one-time recovery codes; shown only this once. */
  recoveryCodes: Array<Scalars['String']['output']>;
  /** The user. */
  user: User;
};

/** A TOTP enrollment waiting for its first code. */
export type TwoFactorEnrollment = {
  __typename?: 'TwoFactorEnrollment';
  /** otpauth://totp/... for a QR code. */
  otpauthUri: Scalars['String']['output'];
  /** The secret in base32, for typing into an app by hand. */
  secret: Scalars['String']['output'];
};

/**
 * The password (or provider) was right and the account has two-factor on: call
 * completeTwoFactorSignIn with this challenge and a code within five minutes.
 */
export type TwoFactorRequired = {
  __typename?: 'TwoFactorRequired';
  /** The challenge to hand back. */
  challenge: Scalars['String']['output'];
  /** When the challenge stops being accepted. */
  expiresAt: Scalars['DateTime']['output'];
};

/** The outcome of unlinkProvider. */
export type UnlinkProviderResult = LastSignInMethod | ProviderUnlinked;

/** Profile changes; a field left out keeps its value, an explicit null clears it. */
export type UpdateProfileInput = {
  /** Country of residence. */
  countryCode?: InputMaybe<Scalars['CountryCode']['input']>;
  /** Date of birth; must be in the past. */
  dateOfBirth?: InputMaybe<Scalars['Date']['input']>;
  /** Given name, up to 100 characters. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Gender as the user describes it, up to 32 characters. */
  gender?: InputMaybe<Scalars['String']['input']>;
  /** Family name, up to 100 characters. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** A new IANA time zone; it cannot be cleared. */
  timeZone?: InputMaybe<Scalars['TimeZone']['input']>;
  /** A new username, same rules as at sign-up. */
  username?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A person with an account. Public profile fields are visible to everyone; private fields
 * (email, date of birth, gender, country, account flags) only to this user and admins: anyone
 * else gets each of them as null and a FORBIDDEN error (UNAUTHENTICATED when signed out).
 */
export type User = {
  __typename?: 'User';
  /** Country of residence. Private. */
  countryCode?: Maybe<Scalars['CountryCode']['output']>;
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Date of birth. Private. */
  dateOfBirth?: Maybe<Scalars['Date']['output']>;
  /** Sign-in email, lower-cased. Private. */
  email?: Maybe<Scalars['EmailAddress']['output']>;
  /** Whether the email address was confirmed. Private. */
  emailVerified?: Maybe<Scalars['Boolean']['output']>;
  /** Given name. */
  firstName?: Maybe<Scalars['String']['output']>;
  /** Gender as the user describes it. Private. */
  gender?: Maybe<Scalars['String']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** False when an admin deactivated the account. Private. */
  isActive?: Maybe<Scalars['Boolean']['output']>;
  /** Family name. */
  lastName?: Maybe<Scalars['String']['output']>;
  /**
   * Sign-in providers linked to the account. Only this user sees them (not admins); anyone else
   * gets null and a FORBIDDEN error.
   */
  linkedAccounts?: Maybe<Array<LinkedAccount>>;
  /** What the user may do. Private. */
  roles?: Maybe<Array<Role>>;
  /**
   * The IANA time zone the user's days follow: habit days, streaks and "today", and health series
   * asked for in local days. Set at sign-up from the client (UTC when not given), editable with
   * updateProfile. Private.
   */
  timeZone?: Maybe<Scalars['TimeZone']['output']>;
  /** Whether sign-in asks for a second factor. Private. */
  twoFactorEnabled?: Maybe<Scalars['Boolean']['output']>;
  /** When the profile last changed. Private. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Unique handle, shown publicly. Case is kept as entered; uniqueness ignores case. */
  username: Scalars['String']['output'];
};

/** A page of users (admin search). */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** The users on this page. */
  nodes: Array<User>;
  /** Where the list stands. */
  pageInfo: PageInfo;
  /** How many nodes the list has in all pages, with the same filter. */
  totalCount: Scalars['Int']['output'];
};

/** Another account already uses this username. */
export type UsernameTaken = Problem & {
  __typename?: 'UsernameTaken';
  /** Stable code of the outcome, always USERNAME_TAKEN. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The outcome of verifyEmail. */
export type VerifyEmailResult = EmailVerified | InvalidToken;

/** The password does not meet the rules. */
export type WeakPassword = Problem & {
  __typename?: 'WeakPassword';
  /** Stable code of the outcome, always WEAK_PASSWORD. */
  code: Scalars['String']['output'];
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** Each rule the password broke. */
  reasons: Array<Scalars['String']['output']>;
};



export type ResolverTypeWrapper<T> = T | Promise<T>;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  ChangePasswordResult:
    | ( Omit<InvalidCredentials, 'code'> )
    | ( Omit<PasswordChanged, 'user'> & { user: _RefType['User'] } )
    | ( Omit<TooManyAttempts, 'code'> )
    | ( Omit<WeakPassword, 'code'> )
  ;
  CompleteTwoFactorSignInResult:
    | ( Omit<AuthSuccess, 'user'> & { user: _RefType['User'] } )
    | ( Omit<InvalidToken, 'code'> )
    | ( Omit<InvalidTwoFactorCode, 'code'> )
    | ( Omit<TooManyAttempts, 'code'> )
  ;
  ConfirmTwoFactorResult:
    | ( Omit<InvalidTwoFactorCode, 'code'> )
    | ( Omit<TooManyAttempts, 'code'> )
    | ( Omit<TwoFactorEnabled, 'user'> & { user: _RefType['User'] } )
  ;
  DeleteMyAccountResult:
    | ( AccountDeleted )
    | ( Omit<InvalidCredentials, 'code'> )
    | ( Omit<ReauthenticationRequired, 'code'> )
    | ( Omit<TooManyAttempts, 'code'> )
  ;
  DisableTwoFactorResult:
    | ( Omit<InvalidCredentials, 'code'> )
    | ( Omit<InvalidTwoFactorCode, 'code'> )
    | ( Omit<TooManyAttempts, 'code'> )
    | ( Omit<TwoFactorDisabled, 'user'> & { user: _RefType['User'] } )
  ;
  OAuthCallbackResult:
    | ( Omit<AuthSuccess, 'user'> & { user: _RefType['User'] } )
    | ( Omit<OAuthEmailInUse, 'code'> )
    | ( Omit<OAuthFailed, 'code'> )
    | ( Omit<ProviderLinked, 'linkedAccount'> & { linkedAccount: _RefType['LinkedAccount'] } )
    | ( TwoFactorRequired )
  ;
  ResetPasswordResult:
    | ( Omit<InvalidToken, 'code'> )
    | ( PasswordReset )
    | ( Omit<WeakPassword, 'code'> )
  ;
  SignInResult:
    | ( Omit<AuthSuccess, 'user'> & { user: _RefType['User'] } )
    | ( Omit<InvalidCredentials, 'code'> )
    | ( Omit<TooManyAttempts, 'code'> )
    | ( TwoFactorRequired )
  ;
  SignUpResult:
    | ( Omit<AuthSuccess, 'user'> & { user: _RefType['User'] } )
    | ( Omit<EmailTaken, 'code'> )
    | ( Omit<TooManyAttempts, 'code'> )
    | ( Omit<UsernameTaken, 'code'> )
    | ( Omit<WeakPassword, 'code'> )
  ;
  UnlinkProviderResult:
    | ( Omit<LastSignInMethod, 'code'> )
    | ( Omit<ProviderUnlinked, 'linkedAccounts'> & { linkedAccounts: Array<_RefType['LinkedAccount']> } )
  ;
  VerifyEmailResult:
    | ( Omit<EmailVerified, 'user'> & { user: _RefType['User'] } )
    | ( Omit<InvalidToken, 'code'> )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Problem:
    | ( Omit<EmailTaken, 'code'> )
    | ( Omit<InvalidCredentials, 'code'> )
    | ( Omit<InvalidToken, 'code'> )
    | ( Omit<InvalidTwoFactorCode, 'code'> )
    | ( Omit<LastSignInMethod, 'code'> )
    | ( Omit<OAuthEmailInUse, 'code'> )
    | ( Omit<OAuthFailed, 'code'> )
    | ( Omit<ReauthenticationRequired, 'code'> )
    | ( Omit<TooManyAttempts, 'code'> )
    | ( Omit<UsernameTaken, 'code'> )
    | ( Omit<WeakPassword, 'code'> )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccountDeleted: ResolverTypeWrapper<AccountDeleted>;
  AuthSuccess: ResolverTypeWrapper<Omit<AuthSuccess, 'user'> & { user: ResolversTypes['User'] }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ChangePasswordInput: ChangePasswordInput;
  ChangePasswordResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ChangePasswordResult']>;
  CompleteTwoFactorSignInInput: CompleteTwoFactorSignInInput;
  CompleteTwoFactorSignInResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CompleteTwoFactorSignInResult']>;
  ConfirmTwoFactorResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ConfirmTwoFactorResult']>;
  CountryCode: ResolverTypeWrapper<Scalars['CountryCode']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeleteMyAccountResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['DeleteMyAccountResult']>;
  DisableTwoFactorInput: DisableTwoFactorInput;
  DisableTwoFactorResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['DisableTwoFactorResult']>;
  EmailAddress: ResolverTypeWrapper<Scalars['EmailAddress']['output']>;
  EmailTaken: ResolverTypeWrapper<Omit<EmailTaken, 'code'>>;
  EmailVerified: ResolverTypeWrapper<Omit<EmailVerified, 'user'> & { user: ResolversTypes['User'] }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ErrorCode: ErrorCode;
  InvalidCredentials: ResolverTypeWrapper<Omit<InvalidCredentials, 'code'>>;
  InvalidToken: ResolverTypeWrapper<Omit<InvalidToken, 'code'>>;
  InvalidTwoFactorCode: ResolverTypeWrapper<Omit<InvalidTwoFactorCode, 'code'>>;
  JSONObject: ResolverTypeWrapper<Scalars['JSONObject']['output']>;
  LastSignInMethod: ResolverTypeWrapper<Omit<LastSignInMethod, 'code'>>;
  LinkedAccount: ResolverTypeWrapper<OAuthConnectionRowModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  OAuthCallbackResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['OAuthCallbackResult']>;
  OAuthClient: OAuthClient;
  OAuthEmailInUse: ResolverTypeWrapper<Omit<OAuthEmailInUse, 'code'>>;
  OAuthFailed: ResolverTypeWrapper<Omit<OAuthFailed, 'code'>>;
  OAuthFailureReason: OAuthFailureReason;
  OAuthProvider: OAuthProvider;
  OAuthStartPayload: ResolverTypeWrapper<OAuthStartPayload>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PasswordChanged: ResolverTypeWrapper<Omit<PasswordChanged, 'user'> & { user: ResolversTypes['User'] }>;
  PasswordReset: ResolverTypeWrapper<PasswordReset>;
  Problem: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Problem']>;
  ProviderLinked: ResolverTypeWrapper<Omit<ProviderLinked, 'linkedAccount'> & { linkedAccount: ResolversTypes['LinkedAccount'] }>;
  ProviderUnlinked: ResolverTypeWrapper<Omit<ProviderUnlinked, 'linkedAccounts'> & { linkedAccounts: Array<ResolversTypes['LinkedAccount']> }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReauthenticationRequired: ResolverTypeWrapper<Omit<ReauthenticationRequired, 'code'>>;
  ResetPasswordInput: ResetPasswordInput;
  ResetPasswordResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ResetPasswordResult']>;
  Role: Role;
  SessionDelivery: SessionDelivery;
  SessionViewer: ResolverTypeWrapper<SessionViewer>;
  SignInInput: SignInInput;
  SignInResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SignInResult']>;
  SignUpInput: SignUpInput;
  SignUpResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SignUpResult']>;
  TimeZone: ResolverTypeWrapper<Scalars['TimeZone']['output']>;
  TooManyAttempts: ResolverTypeWrapper<Omit<TooManyAttempts, 'code'>>;
  TwoFactorDisabled: ResolverTypeWrapper<Omit<TwoFactorDisabled, 'user'> & { user: ResolversTypes['User'] }>;
  TwoFactorEnabled: ResolverTypeWrapper<Omit<TwoFactorEnabled, 'user'> & { user: ResolversTypes['User'] }>;
  TwoFactorEnrollment: ResolverTypeWrapper<TwoFactorEnrollment>;
  TwoFactorRequired: ResolverTypeWrapper<TwoFactorRequired>;
  UnlinkProviderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['UnlinkProviderResult']>;
  UpdateProfileInput: UpdateProfileInput;
  User: ResolverTypeWrapper<UserRowModel>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['User']>; totalCount: () => Promise<number> }>;
  UsernameTaken: ResolverTypeWrapper<Omit<UsernameTaken, 'code'>>;
  VerifyEmailResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['VerifyEmailResult']>;
  WeakPassword: ResolverTypeWrapper<Omit<WeakPassword, 'code'>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccountDeleted: AccountDeleted;
  AuthSuccess: Omit<AuthSuccess, 'user'> & { user: ResolversParentTypes['User'] };
  String: Scalars['String']['output'];
  ChangePasswordInput: ChangePasswordInput;
  ChangePasswordResult: ResolversUnionTypes<ResolversParentTypes>['ChangePasswordResult'];
  CompleteTwoFactorSignInInput: CompleteTwoFactorSignInInput;
  CompleteTwoFactorSignInResult: ResolversUnionTypes<ResolversParentTypes>['CompleteTwoFactorSignInResult'];
  ConfirmTwoFactorResult: ResolversUnionTypes<ResolversParentTypes>['ConfirmTwoFactorResult'];
  CountryCode: Scalars['CountryCode']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DeleteMyAccountResult: ResolversUnionTypes<ResolversParentTypes>['DeleteMyAccountResult'];
  DisableTwoFactorInput: DisableTwoFactorInput;
  DisableTwoFactorResult: ResolversUnionTypes<ResolversParentTypes>['DisableTwoFactorResult'];
  EmailAddress: Scalars['EmailAddress']['output'];
  EmailTaken: Omit<EmailTaken, 'code'>;
  EmailVerified: Omit<EmailVerified, 'user'> & { user: ResolversParentTypes['User'] };
  Int: Scalars['Int']['output'];
  InvalidCredentials: Omit<InvalidCredentials, 'code'>;
  InvalidToken: Omit<InvalidToken, 'code'>;
  InvalidTwoFactorCode: Omit<InvalidTwoFactorCode, 'code'>;
  JSONObject: Scalars['JSONObject']['output'];
  LastSignInMethod: Omit<LastSignInMethod, 'code'>;
  LinkedAccount: OAuthConnectionRowModel;
  Boolean: Scalars['Boolean']['output'];
  Mutation: Record<PropertyKey, never>;
  ID: Scalars['ID']['output'];
  OAuthCallbackResult: ResolversUnionTypes<ResolversParentTypes>['OAuthCallbackResult'];
  OAuthEmailInUse: Omit<OAuthEmailInUse, 'code'>;
  OAuthFailed: Omit<OAuthFailed, 'code'>;
  OAuthStartPayload: OAuthStartPayload;
  PageInfo: PageInfo;
  PasswordChanged: Omit<PasswordChanged, 'user'> & { user: ResolversParentTypes['User'] };
  PasswordReset: PasswordReset;
  Problem: ResolversInterfaceTypes<ResolversParentTypes>['Problem'];
  ProviderLinked: Omit<ProviderLinked, 'linkedAccount'> & { linkedAccount: ResolversParentTypes['LinkedAccount'] };
  ProviderUnlinked: Omit<ProviderUnlinked, 'linkedAccounts'> & { linkedAccounts: Array<ResolversParentTypes['LinkedAccount']> };
  Query: Record<PropertyKey, never>;
  ReauthenticationRequired: Omit<ReauthenticationRequired, 'code'>;
  ResetPasswordInput: ResetPasswordInput;
  ResetPasswordResult: ResolversUnionTypes<ResolversParentTypes>['ResetPasswordResult'];
  SessionViewer: SessionViewer;
  SignInInput: SignInInput;
  SignInResult: ResolversUnionTypes<ResolversParentTypes>['SignInResult'];
  SignUpInput: SignUpInput;
  SignUpResult: ResolversUnionTypes<ResolversParentTypes>['SignUpResult'];
  TimeZone: Scalars['TimeZone']['output'];
  TooManyAttempts: Omit<TooManyAttempts, 'code'>;
  TwoFactorDisabled: Omit<TwoFactorDisabled, 'user'> & { user: ResolversParentTypes['User'] };
  TwoFactorEnabled: Omit<TwoFactorEnabled, 'user'> & { user: ResolversParentTypes['User'] };
  TwoFactorEnrollment: TwoFactorEnrollment;
  TwoFactorRequired: TwoFactorRequired;
  UnlinkProviderResult: ResolversUnionTypes<ResolversParentTypes>['UnlinkProviderResult'];
  UpdateProfileInput: UpdateProfileInput;
  User: UserRowModel;
  UserConnection: Omit<UserConnection, 'nodes' | 'totalCount'> & { nodes: Array<ResolversTypes['User']>; totalCount: () => Promise<number> };
  UsernameTaken: Omit<UsernameTaken, 'code'>;
  VerifyEmailResult: ResolversUnionTypes<ResolversParentTypes>['VerifyEmailResult'];
  WeakPassword: Omit<WeakPassword, 'code'>;
};

export type AccountDeletedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AccountDeleted'] = ResolversParentTypes['AccountDeleted']> = {
  deletedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AuthSuccessResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AuthSuccess'] = ResolversParentTypes['AuthSuccess']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  token?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ChangePasswordResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ChangePasswordResult'] = ResolversParentTypes['ChangePasswordResult']> = {
  __resolveType: TypeResolveFn<'InvalidCredentials' | 'PasswordChanged' | 'TooManyAttempts' | 'WeakPassword', ParentType, ContextType>;
};

export type CompleteTwoFactorSignInResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CompleteTwoFactorSignInResult'] = ResolversParentTypes['CompleteTwoFactorSignInResult']> = {
  __resolveType: TypeResolveFn<'AuthSuccess' | 'InvalidToken' | 'InvalidTwoFactorCode' | 'TooManyAttempts', ParentType, ContextType>;
};

export type ConfirmTwoFactorResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ConfirmTwoFactorResult'] = ResolversParentTypes['ConfirmTwoFactorResult']> = {
  __resolveType: TypeResolveFn<'InvalidTwoFactorCode' | 'TooManyAttempts' | 'TwoFactorEnabled', ParentType, ContextType>;
};

export interface CountryCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CountryCode'], any> {
  name: 'CountryCode';
}

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeleteMyAccountResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DeleteMyAccountResult'] = ResolversParentTypes['DeleteMyAccountResult']> = {
  __resolveType: TypeResolveFn<'AccountDeleted' | 'InvalidCredentials' | 'ReauthenticationRequired' | 'TooManyAttempts', ParentType, ContextType>;
};

export type DisableTwoFactorResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DisableTwoFactorResult'] = ResolversParentTypes['DisableTwoFactorResult']> = {
  __resolveType: TypeResolveFn<'InvalidCredentials' | 'InvalidTwoFactorCode' | 'TooManyAttempts' | 'TwoFactorDisabled', ParentType, ContextType>;
};

export interface EmailAddressScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['EmailAddress'], any> {
  name: 'EmailAddress';
}

export type EmailTakenResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EmailTaken'] = ResolversParentTypes['EmailTaken']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EmailVerifiedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EmailVerified'] = ResolversParentTypes['EmailVerified']> = {
  revokedSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unlinkedProviders?: Resolver<Array<ResolversTypes['OAuthProvider']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InvalidCredentialsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['InvalidCredentials'] = ResolversParentTypes['InvalidCredentials']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InvalidTokenResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['InvalidToken'] = ResolversParentTypes['InvalidToken']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InvalidTwoFactorCodeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['InvalidTwoFactorCode'] = ResolversParentTypes['InvalidTwoFactorCode']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface JsonObjectScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSONObject'], any> {
  name: 'JSONObject';
}

export type LastSignInMethodResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['LastSignInMethod'] = ResolversParentTypes['LastSignInMethod']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LinkedAccountResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['LinkedAccount'] = ResolversParentTypes['LinkedAccount']> = {
  emailFromProvider?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  emailVerified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  linkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['OAuthProvider'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  changePassword?: Resolver<ResolversTypes['ChangePasswordResult'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'input'>>;
  completeTwoFactorSignIn?: Resolver<ResolversTypes['CompleteTwoFactorSignInResult'], ParentType, ContextType, RequireFields<MutationCompleteTwoFactorSignInArgs, 'input' | 'session'>>;
  confirmTwoFactor?: Resolver<ResolversTypes['ConfirmTwoFactorResult'], ParentType, ContextType, RequireFields<MutationConfirmTwoFactorArgs, 'code'>>;
  deactivateUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationDeactivateUserArgs, 'userId'>>;
  deleteMyAccount?: Resolver<ResolversTypes['DeleteMyAccountResult'], ParentType, ContextType, Partial<MutationDeleteMyAccountArgs>>;
  disableTwoFactor?: Resolver<ResolversTypes['DisableTwoFactorResult'], ParentType, ContextType, RequireFields<MutationDisableTwoFactorArgs, 'input'>>;
  enrollTwoFactor?: Resolver<ResolversTypes['TwoFactorEnrollment'], ParentType, ContextType>;
  oauthCallback?: Resolver<ResolversTypes['OAuthCallbackResult'], ParentType, ContextType, RequireFields<MutationOauthCallbackArgs, 'code' | 'provider' | 'session' | 'state'>>;
  oauthStart?: Resolver<ResolversTypes['OAuthStartPayload'], ParentType, ContextType, RequireFields<MutationOauthStartArgs, 'client' | 'provider' | 'redirectUri'>>;
  reactivateUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationReactivateUserArgs, 'userId'>>;
  requestEmailVerification?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requestPasswordReset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'email'>>;
  resetPassword?: Resolver<ResolversTypes['ResetPasswordResult'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'input'>>;
  signIn?: Resolver<ResolversTypes['SignInResult'], ParentType, ContextType, RequireFields<MutationSignInArgs, 'input' | 'session'>>;
  signOut?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  signOutEverywhere?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  signUp?: Resolver<ResolversTypes['SignUpResult'], ParentType, ContextType, RequireFields<MutationSignUpArgs, 'input' | 'session'>>;
  unlinkProvider?: Resolver<ResolversTypes['UnlinkProviderResult'], ParentType, ContextType, RequireFields<MutationUnlinkProviderArgs, 'provider'>>;
  updateProfile?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
  verifyEmail?: Resolver<ResolversTypes['VerifyEmailResult'], ParentType, ContextType, RequireFields<MutationVerifyEmailArgs, 'token'>>;
};

export type OAuthCallbackResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OAuthCallbackResult'] = ResolversParentTypes['OAuthCallbackResult']> = {
  __resolveType: TypeResolveFn<'AuthSuccess' | 'OAuthEmailInUse' | 'OAuthFailed' | 'ProviderLinked' | 'TwoFactorRequired', ParentType, ContextType>;
};

export type OAuthEmailInUseResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OAuthEmailInUse'] = ResolversParentTypes['OAuthEmailInUse']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OAuthFailedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OAuthFailed'] = ResolversParentTypes['OAuthFailed']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['OAuthFailureReason'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OAuthStartPayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OAuthStartPayload'] = ResolversParentTypes['OAuthStartPayload']> = {
  authorizationUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  flowSecret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PasswordChangedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PasswordChanged'] = ResolversParentTypes['PasswordChanged']> = {
  revokedSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PasswordResetResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PasswordReset'] = ResolversParentTypes['PasswordReset']> = {
  revokedSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unlinkedProviders?: Resolver<Array<ResolversTypes['OAuthProvider']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProblemResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Problem'] = ResolversParentTypes['Problem']> = {
  __resolveType: TypeResolveFn<'EmailTaken' | 'InvalidCredentials' | 'InvalidToken' | 'InvalidTwoFactorCode' | 'LastSignInMethod' | 'OAuthEmailInUse' | 'OAuthFailed' | 'ReauthenticationRequired' | 'TooManyAttempts' | 'UsernameTaken' | 'WeakPassword', ParentType, ContextType>;
};

export type ProviderLinkedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ProviderLinked'] = ResolversParentTypes['ProviderLinked']> = {
  linkedAccount?: Resolver<ResolversTypes['LinkedAccount'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProviderUnlinkedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ProviderUnlinked'] = ResolversParentTypes['ProviderUnlinked']> = {
  linkedAccounts?: Resolver<Array<ResolversTypes['LinkedAccount']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  exportMyData?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  linkedAccounts?: Resolver<Array<ResolversTypes['LinkedAccount']>, ParentType, ContextType>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  searchUsers?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QuerySearchUsersArgs, 'first'>>;
  sessionViewer?: Resolver<Maybe<ResolversTypes['SessionViewer']>, ParentType, ContextType, RequireFields<QuerySessionViewerArgs, 'token'>>;
};

export type ReauthenticationRequiredResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ReauthenticationRequired'] = ResolversParentTypes['ReauthenticationRequired']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxAgeSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ResetPasswordResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ResetPasswordResult'] = ResolversParentTypes['ResetPasswordResult']> = {
  __resolveType: TypeResolveFn<'InvalidToken' | 'PasswordReset' | 'WeakPassword', ParentType, ContextType>;
};

export type SessionViewerResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SessionViewer'] = ResolversParentTypes['SessionViewer']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  sessionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type SignInResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SignInResult'] = ResolversParentTypes['SignInResult']> = {
  __resolveType: TypeResolveFn<'AuthSuccess' | 'InvalidCredentials' | 'TooManyAttempts' | 'TwoFactorRequired', ParentType, ContextType>;
};

export type SignUpResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SignUpResult'] = ResolversParentTypes['SignUpResult']> = {
  __resolveType: TypeResolveFn<'AuthSuccess' | 'EmailTaken' | 'TooManyAttempts' | 'UsernameTaken' | 'WeakPassword', ParentType, ContextType>;
};

export interface TimeZoneScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['TimeZone'], any> {
  name: 'TimeZone';
}

export type TooManyAttemptsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TooManyAttempts'] = ResolversParentTypes['TooManyAttempts']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retryAfterSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TwoFactorDisabledResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TwoFactorDisabled'] = ResolversParentTypes['TwoFactorDisabled']> = {
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TwoFactorEnabledResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TwoFactorEnabled'] = ResolversParentTypes['TwoFactorEnabled']> = {
  recoveryCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TwoFactorEnrollmentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TwoFactorEnrollment'] = ResolversParentTypes['TwoFactorEnrollment']> = {
  otpauthUri?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TwoFactorRequiredResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TwoFactorRequired'] = ResolversParentTypes['TwoFactorRequired']> = {
  challenge?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UnlinkProviderResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['UnlinkProviderResult'] = ResolversParentTypes['UnlinkProviderResult']> = {
  __resolveType: TypeResolveFn<'LastSignInMethod' | 'ProviderUnlinked', ParentType, ContextType>;
};

export type UserResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  countryCode?: Resolver<Maybe<ResolversTypes['CountryCode']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dateOfBirth?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['EmailAddress']>, ParentType, ContextType>;
  emailVerified?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  gender?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isActive?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  linkedAccounts?: Resolver<Maybe<Array<ResolversTypes['LinkedAccount']>>, ParentType, ContextType>;
  roles?: Resolver<Maybe<Array<ResolversTypes['Role']>>, ParentType, ContextType>;
  timeZone?: Resolver<Maybe<ResolversTypes['TimeZone']>, ParentType, ContextType>;
  twoFactorEnabled?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UsernameTakenResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['UsernameTaken'] = ResolversParentTypes['UsernameTaken']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type VerifyEmailResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['VerifyEmailResult'] = ResolversParentTypes['VerifyEmailResult']> = {
  __resolveType: TypeResolveFn<'EmailVerified' | 'InvalidToken', ParentType, ContextType>;
};

export type WeakPasswordResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['WeakPassword'] = ResolversParentTypes['WeakPassword']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type Resolvers<ContextType = RequestContext> = {
  AccountDeleted?: AccountDeletedResolvers<ContextType>;
  AuthSuccess?: AuthSuccessResolvers<ContextType>;
  ChangePasswordResult?: ChangePasswordResultResolvers<ContextType>;
  CompleteTwoFactorSignInResult?: CompleteTwoFactorSignInResultResolvers<ContextType>;
  ConfirmTwoFactorResult?: ConfirmTwoFactorResultResolvers<ContextType>;
  CountryCode?: GraphQLScalarType;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DeleteMyAccountResult?: DeleteMyAccountResultResolvers<ContextType>;
  DisableTwoFactorResult?: DisableTwoFactorResultResolvers<ContextType>;
  EmailAddress?: GraphQLScalarType;
  EmailTaken?: EmailTakenResolvers<ContextType>;
  EmailVerified?: EmailVerifiedResolvers<ContextType>;
  InvalidCredentials?: InvalidCredentialsResolvers<ContextType>;
  InvalidToken?: InvalidTokenResolvers<ContextType>;
  InvalidTwoFactorCode?: InvalidTwoFactorCodeResolvers<ContextType>;
  JSONObject?: GraphQLScalarType;
  LastSignInMethod?: LastSignInMethodResolvers<ContextType>;
  LinkedAccount?: LinkedAccountResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OAuthCallbackResult?: OAuthCallbackResultResolvers<ContextType>;
  OAuthEmailInUse?: OAuthEmailInUseResolvers<ContextType>;
  OAuthFailed?: OAuthFailedResolvers<ContextType>;
  OAuthStartPayload?: OAuthStartPayloadResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PasswordChanged?: PasswordChangedResolvers<ContextType>;
  PasswordReset?: PasswordResetResolvers<ContextType>;
  Problem?: ProblemResolvers<ContextType>;
  ProviderLinked?: ProviderLinkedResolvers<ContextType>;
  ProviderUnlinked?: ProviderUnlinkedResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReauthenticationRequired?: ReauthenticationRequiredResolvers<ContextType>;
  ResetPasswordResult?: ResetPasswordResultResolvers<ContextType>;
  SessionViewer?: SessionViewerResolvers<ContextType>;
  SignInResult?: SignInResultResolvers<ContextType>;
  SignUpResult?: SignUpResultResolvers<ContextType>;
  TimeZone?: GraphQLScalarType;
  TooManyAttempts?: TooManyAttemptsResolvers<ContextType>;
  TwoFactorDisabled?: TwoFactorDisabledResolvers<ContextType>;
  TwoFactorEnabled?: TwoFactorEnabledResolvers<ContextType>;
  TwoFactorEnrollment?: TwoFactorEnrollmentResolvers<ContextType>;
  TwoFactorRequired?: TwoFactorRequiredResolvers<ContextType>;
  UnlinkProviderResult?: UnlinkProviderResultResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UsernameTaken?: UsernameTakenResolvers<ContextType>;
  VerifyEmailResult?: VerifyEmailResultResolvers<ContextType>;
  WeakPassword?: WeakPasswordResolvers<ContextType>;
};

