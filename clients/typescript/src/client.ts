import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { type ErrorCode, isErrorCode } from './error-codes.js';
import { boundaryOf, readMultipartJson } from './multipart.js';

/** A typed document from `graphql(...)` or the generated `...Document` exports. */
export type Document<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & {
  toString(): string;
  /** Set by codegen for documents in the trusted-documents manifest: `{ hash: 'sha256:<hex>' }`. */
  __meta__?: Record<string, unknown>;
};

/** How the client proves who the user is. */
export type Session =
  /** Browsers: the gateway's HttpOnly session cookie (sign in with `session: COOKIE`). */
  | { kind: 'cookie' }
  /** Apps and scripts: the token from AuthSuccess, read at each request. */
  | { kind: 'bearer'; token: () => string | null | undefined };

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  session: Session;
  /**
   * Send documents by hash (default true): documents in the manifest by their manifest hash, any
   * other document as an automatic persisted query (hash first, the text once when unknown).
   */
  persistedDocuments?: boolean;
  /** Send queries (never mutations) as GET when they go by hash, so a CDN can cache public reads. */
  getForQueries?: boolean;
  /** Extra headers on every request (for example x-request-id). */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

/** One GraphQL error, with the extensions clients switch on lifted out and typed. */
export interface ApiErrorDetail {
  message: string;
  /** `INTERNAL_SERVER_ERROR` when the server sent a code this client does not know. */
  code: ErrorCode;
  path?: readonly (string | number)[];
  /** The argument path at fault, for BAD_USER_INPUT (`input.email`). */
  field?: string;
  /** Why a session was refused (UNAUTHENTICATED): INVALID_TOKEN or SESSION_ENDED. */
  reason?: string;
  /** For RATE_LIMITED: when to try again. */
  retryAfterSeconds?: number;
  extensions: Record<string, unknown>;
}

export interface Result<TResult> {
  /** Null or partial when there are errors (a field the viewer may not see is null). */
  data: TResult | null;
  errors: ApiErrorDetail[];
  /** The HTTP status (401 for a refused session, 429/503 for limits and outages, 200 otherwise). */
  status: number;
}

/** Thrown by `client.data()` when the answer has errors. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(
    readonly errors: ApiErrorDetail[],
    readonly status: number,
  ) {
    super(errors[0]?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.code = errors[0]?.code ?? 'INTERNAL_SERVER_ERROR';
  }
  /** The first error with this code, if any. */
  find(code: ErrorCode): ApiErrorDetail | undefined {
    return this.errors.find((error) => error.code === code);
  }
}

/** Variables may be left out exactly when the operation has no required ones. */
type VariablesArgument<TVariables> =
  Record<never, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

export interface Client {
  /** Runs the document and returns data and typed errors; throws only when the network fails. */
  execute<TResult, TVariables>(
    document: Document<TResult, TVariables>,
    ...variables: VariablesArgument<TVariables>
  ): Promise<Result<TResult>>;
  /** Runs the document and returns its data, or throws an ApiError. */
  data<TResult, TVariables>(
    document: Document<TResult, TVariables>,
    ...variables: VariablesArgument<TVariables>
  ): Promise<TResult>;
  /**
   * Runs a subscription document over HTTP (one streamed multipart response, as Apollo Client
   * does): `next` for each event, then `complete`, or `error` once when the server refuses or
   * ends it (`ApiError`: UNAUTHENTICATED when the session ended, SERVICE_UNAVAILABLE when the
   * client should subscribe again) or the network fails. Returns the function that stops it.
   */
  subscribe<TResult, TVariables>(
    document: Document<TResult, TVariables>,
    variables: TVariables,
    handlers: SubscriptionHandlers<TResult>,
  ): () => void;
}

export interface SubscriptionHandlers<TResult> {
  next(result: Result<TResult>): void;
  error?(error: ApiError | Error): void;
  complete?(): void;
}

/** What the client sends to ask for a streamed subscription (Apollo's multipart protocol 1.0). */
export const MULTIPART_SUBSCRIPTION_ACCEPT = 'multipart/mixed;subscriptionSpec="1.0", application/json';

interface Body {
  query?: string;
  operationName?: string;
  variables?: unknown;
  extensions?: { persistedQuery: { version: 1; sha256Hash: string } };
}

export function createClient(options: ClientOptions): Client {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis);
  const persisted = options.persistedDocuments ?? true;
  // Set once the server proves it does not hold the manifest (trusted documents off): from then
  // on manifest documents go as automatic persisted queries of their own text.
  let serverLacksManifest = false;

  async function post(body: Body, asGet: boolean): Promise<Result<unknown>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.session.kind === 'bearer') {
      const token = options.session.token();
      if (token) headers.authorization = `Bearer ${token}`;
    }
    let response: Response;
    const credentials = options.session.kind === 'cookie' ? 'include' : 'omit';
    if (asGet) {
      const url = new URL(options.url);
      for (const [key, value] of Object.entries(body))
        if (value !== undefined)
          url.searchParams.set(key, typeof value === 'string' ? value : JSON.stringify(value));
      // Apollo's CSRF prevention lets a GET through only with a header no simple request has.
      headers['apollo-require-preflight'] = 'true';
      response = await send(url, { method: 'GET', headers, credentials });
    } else {
      headers['content-type'] = 'application/json';
      response = await send(options.url, {
        method: 'POST',
        headers,
        credentials,
        body: JSON.stringify(body),
      });
    }
    return readResult(response);
  }

  async function execute(document: Document<unknown, any>, variables: unknown): Promise<Result<unknown>> {
    const text = document.toString();
    const operationName = /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(text)?.[1];
    const isQuery = /^\s*(?:query\b|\{)/.test(text);
    const base: Body = { operationName, variables: variables ?? {} };
    if (!persisted) return post({ ...base, query: text }, false);

    const manifestHash = manifestHashOf(document);
    if (manifestHash && !serverLacksManifest) {
      const result = await post(withHash(base, manifestHash), isQuery && !!options.getForQueries);
      if (!isUnknownHash(result)) return result;
      serverLacksManifest = true;
    }
    // Automatic persisted query: the hash alone, and the text once if the server does not know it.
    const hash = await sha256Hex(text);
    const byHash = await post(withHash(base, hash), isQuery && !!options.getForQueries);
    if (!isUnknownHash(byHash)) return byHash;
    return post({ ...withHash(base, hash), query: text }, false);
  }

  function subscribe(
    document: Document<unknown, any>,
    variables: unknown,
    handlers: SubscriptionHandlers<unknown>,
  ): () => void {
    const controller = new AbortController();
    const text = document.toString();
    const operationName = /^\s*subscription\s+(\w+)/.exec(text)?.[1];
    const hash = persisted && !serverLacksManifest ? manifestHashOf(document) : null;
    const base: Body = { operationName, variables: variables ?? {} };
    const headers: Record<string, string> = {
      accept: MULTIPART_SUBSCRIPTION_ACCEPT,
      'content-type': 'application/json',
      ...options.headers,
    };
    if (options.session.kind === 'bearer') {
      const token = options.session.token();
      if (token) headers.authorization = `Bearer ${token}`;
    }
    const open = (body: Body) =>
      send(options.url, {
        method: 'POST',
        headers,
        credentials: options.session.kind === 'cookie' ? 'include' : 'omit',
        body: JSON.stringify(body),
        signal: controller.signal,
      });
    (async () => {
      // A manifest document goes by its hash; a gateway without the manifest asks for the text.
      let response = await open(hash ? withHash(base, hash) : { ...base, query: text });
      let contentType = response.headers.get('content-type') ?? '';
      if (hash && !contentType.startsWith('multipart/mixed')) {
        const refused = await readResult(response);
        if (!isUnknownHash(refused)) throw new ApiError(refused.errors, refused.status);
        serverLacksManifest = true;
        response = await open({ ...base, query: text });
        contentType = response.headers.get('content-type') ?? '';
      }
      if (!contentType.startsWith('multipart/mixed') || !response.body) {
        const refused = await readResult(response);
        throw new ApiError(refused.errors, refused.status);
      }
      for await (const part of readMultipartJson(response.body, boundaryOf(contentType))) {
        const { payload, errors } = part as { payload?: unknown; errors?: unknown };
        if (payload === undefined) continue; // a heartbeat
        if (payload === null) throw new ApiError(errorDetails(errors), response.status);
        const result = payload as { data?: unknown; errors?: unknown };
        handlers.next({
          data: (result.data ?? null) as never,
          errors: errorDetails(result.errors),
          status: 200,
        });
      }
    })().then(
      () => handlers.complete?.(),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        handlers.error?.(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => controller.abort();
  }

  return {
    subscribe: (document, variables, handlers) =>
      subscribe(document, variables, handlers as SubscriptionHandlers<unknown>),
    execute: (document, ...[variables]) => execute(document, variables) as Promise<Result<any>>,
    async data(document, ...[variables]) {
      const result = await execute(document, variables);
      if (result.errors.length > 0 || result.data == null) throw new ApiError(result.errors, result.status);
      return result.data as any;
    },
  };
}

function withHash(body: Body, sha256Hash: string): Body {
  return { ...body, extensions: { persistedQuery: { version: 1, sha256Hash } } };
}

function manifestHashOf(document: Document<unknown, any>): string | null {
  const hash = document.__meta__?.hash;
  return typeof hash === 'string' && hash.startsWith('sha256:') ? hash.slice('sha256:'.length) : null;
}

function isUnknownHash(result: Result<unknown>): boolean {
  return result.errors.some((error) => error.code === 'PERSISTED_QUERY_NOT_FOUND');
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function readResult(response: Response): Promise<Result<unknown>> {
  let body: { data?: unknown; errors?: { message?: string; path?: (string | number)[]; extensions?: any }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    const code: ErrorCode = response.status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
    return {
      data: null,
      status: response.status,
      errors: [{ message: `HTTP ${response.status}`, code, extensions: {} }],
    };
  }
  return { data: (body.data ?? null) as unknown, errors: errorDetails(body.errors), status: response.status };
}

function errorDetails(errors: unknown): ApiErrorDetail[] {
  const list = Array.isArray(errors)
    ? (errors as { message?: string; path?: (string | number)[]; extensions?: any }[])
    : [];
  return list.map((error): ApiErrorDetail => {
    const extensions = (error?.extensions ?? {}) as Record<string, unknown>;
    return {
      message: error?.message ?? 'Unknown error',
      code: isErrorCode(extensions.code) ? extensions.code : 'INTERNAL_SERVER_ERROR',
      path: error?.path,
      field: typeof extensions.field === 'string' ? extensions.field : undefined,
      reason: typeof extensions.reason === 'string' ? extensions.reason : undefined,
      retryAfterSeconds:
        typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : undefined,
      extensions,
    };
  });
}
