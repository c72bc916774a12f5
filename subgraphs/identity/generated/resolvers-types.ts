import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserRow as UserRowModel } from '../tables.js';
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
  _FieldSet: { input: unknown; output: unknown; }
};

/** A new session. Send the token as `Authorization: Bearer <token>`; it is shown only this once. */
export type AuthSuccess = {
  __typename?: 'AuthSuccess';
  /** When the session ends unless used; use extends it. */
  expiresAt: Scalars['DateTime']['output'];
  /** The session token. */
  token: Scalars['String']['output'];
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
export type ChangePasswordResult = InvalidCredentials | PasswordChanged | WeakPassword;

/** Another account already uses this email. */
export type EmailTaken = {
  __typename?: 'EmailTaken';
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The login or password is wrong, or the account cannot sign in. */
export type InvalidCredentials = {
  __typename?: 'InvalidCredentials';
  /** Human-readable explanation; deliberately the same for every cause. */
  message: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Changes the password and ends every other session. */
  changePassword: ChangePasswordResult;
  /** Signs in with email or username and password. */
  signIn: SignInResult;
  /** Ends the current session. True when a session was ended. */
  signOut: Scalars['Boolean']['output'];
  /** Ends every session of the signed-in user, this one included. Returns how many were ended. */
  signOutEverywhere: Scalars['Int']['output'];
  /** Creates an account and signs it in. */
  signUp: SignUpResult;
  /** Changes the signed-in user's profile fields; fields left out stay as they are. */
  updateProfile: User;
};


export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


export type MutationSignInArgs = {
  input: SignInInput;
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};

/** The password was changed. */
export type PasswordChanged = {
  __typename?: 'PasswordChanged';
  /** How many other sessions were ended. */
  revokedSessions: Scalars['Int']['output'];
  /** The user. */
  user: User;
};

export type Query = {
  __typename?: 'Query';
  /** The signed-in user, or null when the request carries no valid session. */
  me?: Maybe<User>;
  /** Internal: the gateway resolves a session token to its viewer. Refused for any other caller. */
  sessionViewer?: Maybe<SessionViewer>;
};


export type QuerySessionViewerArgs = {
  token: Scalars['String']['input'];
};

/** What a person may do beyond their own data. */
export type Role =
  /** Operators: manage plans, cohorts and accounts. */
  | 'ADMIN'
  /** Every account. */
  | 'USER';

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
export type SignInResult = AuthSuccess | InvalidCredentials | TooManyAttempts;

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
  /** 3-30 letters, digits, '.', '_' or '-'; compared case-insensitively. */
  username: Scalars['String']['input'];
};

/** The outcome of signUp. */
export type SignUpResult = AuthSuccess | EmailTaken | UsernameTaken | WeakPassword;

/** Too many sign-in attempts for this account or from this address. */
export type TooManyAttempts = {
  __typename?: 'TooManyAttempts';
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** Seconds until another attempt is allowed. */
  retryAfterSeconds: Scalars['Int']['output'];
};

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
  /** A new username, same rules as at sign-up. */
  username?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A person with an account. Public profile fields are visible to everyone; private fields
 * (email, date of birth, gender, country, account flags) are null unless the viewer is this
 * user or an admin.
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
  /** What the user may do. Private. */
  roles?: Maybe<Array<Role>>;
  /** Whether sign-in asks for a second factor. Private. */
  twoFactorEnabled?: Maybe<Scalars['Boolean']['output']>;
  /** When the profile last changed. Private. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Unique handle, shown publicly. Case is kept as entered; uniqueness ignores case. */
  username: Scalars['String']['output'];
};

/** Another account already uses this username. */
export type UsernameTaken = {
  __typename?: 'UsernameTaken';
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
};

/** The password does not meet the rules. */
export type WeakPassword = {
  __typename?: 'WeakPassword';
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
    | ( InvalidCredentials )
    | ( Omit<PasswordChanged, 'user'> & { user: _RefType['User'] } )
    | ( WeakPassword )
  ;
  SignInResult:
    | ( Omit<AuthSuccess, 'user'> & { user: _RefType['User'] } )
    | ( InvalidCredentials )
    | ( TooManyAttempts )
  ;
  SignUpResult:
    | ( Omit<AuthSuccess, 'user'> & { user: _RefType['User'] } )
    | ( EmailTaken )
    | ( UsernameTaken )
    | ( WeakPassword )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuthSuccess: ResolverTypeWrapper<Omit<AuthSuccess, 'user'> & { user: ResolversTypes['User'] }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ChangePasswordInput: ChangePasswordInput;
  ChangePasswordResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ChangePasswordResult']>;
  CountryCode: ResolverTypeWrapper<Scalars['CountryCode']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EmailAddress: ResolverTypeWrapper<Scalars['EmailAddress']['output']>;
  EmailTaken: ResolverTypeWrapper<EmailTaken>;
  InvalidCredentials: ResolverTypeWrapper<InvalidCredentials>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  PasswordChanged: ResolverTypeWrapper<Omit<PasswordChanged, 'user'> & { user: ResolversTypes['User'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  SessionViewer: ResolverTypeWrapper<SessionViewer>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  SignInInput: SignInInput;
  SignInResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SignInResult']>;
  SignUpInput: SignUpInput;
  SignUpResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SignUpResult']>;
  TooManyAttempts: ResolverTypeWrapper<TooManyAttempts>;
  UpdateProfileInput: UpdateProfileInput;
  User: ResolverTypeWrapper<UserRowModel>;
  UsernameTaken: ResolverTypeWrapper<UsernameTaken>;
  WeakPassword: ResolverTypeWrapper<WeakPassword>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuthSuccess: Omit<AuthSuccess, 'user'> & { user: ResolversParentTypes['User'] };
  String: Scalars['String']['output'];
  ChangePasswordInput: ChangePasswordInput;
  ChangePasswordResult: ResolversUnionTypes<ResolversParentTypes>['ChangePasswordResult'];
  CountryCode: Scalars['CountryCode']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  EmailAddress: Scalars['EmailAddress']['output'];
  EmailTaken: EmailTaken;
  InvalidCredentials: InvalidCredentials;
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  PasswordChanged: Omit<PasswordChanged, 'user'> & { user: ResolversParentTypes['User'] };
  Query: Record<PropertyKey, never>;
  SessionViewer: SessionViewer;
  ID: Scalars['ID']['output'];
  SignInInput: SignInInput;
  SignInResult: ResolversUnionTypes<ResolversParentTypes>['SignInResult'];
  SignUpInput: SignUpInput;
  SignUpResult: ResolversUnionTypes<ResolversParentTypes>['SignUpResult'];
  TooManyAttempts: TooManyAttempts;
  UpdateProfileInput: UpdateProfileInput;
  User: UserRowModel;
  UsernameTaken: UsernameTaken;
  WeakPassword: WeakPassword;
};

export type AuthSuccessResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AuthSuccess'] = ResolversParentTypes['AuthSuccess']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ChangePasswordResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ChangePasswordResult'] = ResolversParentTypes['ChangePasswordResult']> = {
  __resolveType: TypeResolveFn<'InvalidCredentials' | 'PasswordChanged' | 'WeakPassword', ParentType, ContextType>;
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

export interface EmailAddressScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['EmailAddress'], any> {
  name: 'EmailAddress';
}

export type EmailTakenResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EmailTaken'] = ResolversParentTypes['EmailTaken']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InvalidCredentialsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['InvalidCredentials'] = ResolversParentTypes['InvalidCredentials']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  changePassword?: Resolver<ResolversTypes['ChangePasswordResult'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'input'>>;
  signIn?: Resolver<ResolversTypes['SignInResult'], ParentType, ContextType, RequireFields<MutationSignInArgs, 'input'>>;
  signOut?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  signOutEverywhere?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  signUp?: Resolver<ResolversTypes['SignUpResult'], ParentType, ContextType, RequireFields<MutationSignUpArgs, 'input'>>;
  updateProfile?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
};

export type PasswordChangedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PasswordChanged'] = ResolversParentTypes['PasswordChanged']> = {
  revokedSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  sessionViewer?: Resolver<Maybe<ResolversTypes['SessionViewer']>, ParentType, ContextType, RequireFields<QuerySessionViewerArgs, 'token'>>;
};

export type SessionViewerResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SessionViewer'] = ResolversParentTypes['SessionViewer']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  sessionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type SignInResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SignInResult'] = ResolversParentTypes['SignInResult']> = {
  __resolveType: TypeResolveFn<'AuthSuccess' | 'InvalidCredentials' | 'TooManyAttempts', ParentType, ContextType>;
};

export type SignUpResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SignUpResult'] = ResolversParentTypes['SignUpResult']> = {
  __resolveType: TypeResolveFn<'AuthSuccess' | 'EmailTaken' | 'UsernameTaken' | 'WeakPassword', ParentType, ContextType>;
};

export type TooManyAttemptsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TooManyAttempts'] = ResolversParentTypes['TooManyAttempts']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retryAfterSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
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
  roles?: Resolver<Maybe<Array<ResolversTypes['Role']>>, ParentType, ContextType>;
  twoFactorEnabled?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UsernameTakenResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['UsernameTaken'] = ResolversParentTypes['UsernameTaken']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type WeakPasswordResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['WeakPassword'] = ResolversParentTypes['WeakPassword']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type Resolvers<ContextType = RequestContext> = {
  AuthSuccess?: AuthSuccessResolvers<ContextType>;
  ChangePasswordResult?: ChangePasswordResultResolvers<ContextType>;
  CountryCode?: GraphQLScalarType;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  EmailAddress?: GraphQLScalarType;
  EmailTaken?: EmailTakenResolvers<ContextType>;
  InvalidCredentials?: InvalidCredentialsResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PasswordChanged?: PasswordChangedResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SessionViewer?: SessionViewerResolvers<ContextType>;
  SignInResult?: SignInResultResolvers<ContextType>;
  SignUpResult?: SignUpResultResolvers<ContextType>;
  TooManyAttempts?: TooManyAttemptsResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UsernameTaken?: UsernameTakenResolvers<ContextType>;
  WeakPassword?: WeakPasswordResolvers<ContextType>;
};

