import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { GraphQLRequestInput, RawResponse } from '../kit/http-server.js';

/**
 * Trusted documents (persisted operations): the client package's codegen writes a manifest of
 * every document the apps send (`sha256:<hex>` -> document), and the gateway can run those by
 * hash alone.
 *
 * - `off`: the manifest is not read; any document runs, automatic persisted queries as usual.
 * - `allow` (default): a manifest hash runs its document without the client sending the text;
 *   any other document still runs (development, tools, the explorer).
 * - `only` (for production): nothing but manifest documents runs. Free query text is refused
 *   with 400 PERSISTED_QUERY_ID_REQUIRED (unless it is exactly a manifest document), an unknown
 *   hash with 400 PERSISTED_QUERY_NOT_IN_LIST; registering new persisted queries is impossible.
 *
 * The codes are Apollo Router's, so clients handle either gateway alike.
 */
export type TrustedDocumentsMode = 'off' | 'allow' | 'only';

export interface TrustedDocuments {
  mode: TrustedDocumentsMode;
  /** Hex sha256 of the document text -> the text. */
  byHash: ReadonlyMap<string, string>;
}

/** Reads and checks the manifest: every key must be the sha256 of its document. */
export function loadTrustedDocuments(
  mode: TrustedDocumentsMode,
  manifestPath: string | URL,
): TrustedDocuments {
  if (mode === 'off') return { mode, byHash: new Map() };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
  const byHash = new Map<string, string>();
  for (const [key, text] of Object.entries(manifest)) {
    const hash = key.replace(/^sha256:/, '');
    if (sha256Hex(text) !== hash)
      throw new Error(
        `trusted documents manifest ${String(manifestPath)}: ${key} is not the hash of its document`,
      );
    byHash.set(hash, text);
  }
  return { mode, byHash };
}

/**
 * Runs before Apollo Server sees the request: gives a manifest hash its document text (so
 * Apollo's persisted-query check passes and nothing is registered), or refuses in `only` mode.
 */
export function admitTrustedDocument(
  documents: TrustedDocuments,
  request: GraphQLRequestInput,
): GraphQLRequestInput | RawResponse {
  if (documents.mode === 'off') return request;
  const isGet = request.method === 'GET' || request.method === 'HEAD';
  const fields = isGet
    ? fieldsOfSearch(request.search)
    : (request.body as Record<string, unknown> | undefined);
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
    return documents.mode === 'only' ? refuse('PERSISTED_QUERY_ID_REQUIRED') : request;
  }
  const hash = requestedHash(fields);
  const known = hash ? documents.byHash.get(hash) : undefined;
  if (hash && known !== undefined) {
    const { documentId: _documentId, ...rest } = fields;
    const admitted = {
      ...rest,
      query: known,
      extensions: { ...asObject(rest.extensions), persistedQuery: { version: 1, sha256Hash: hash } },
    };
    return isGet ? { ...request, search: searchOf(admitted) } : { ...request, body: admitted };
  }
  if (documents.mode === 'allow') return request;
  if (hash) return refuse('PERSISTED_QUERY_NOT_IN_LIST');
  // Free text is accepted only when it is, character for character, a manifest document.
  if (typeof fields.query === 'string' && documents.byHash.has(sha256Hex(fields.query))) return request;
  return refuse('PERSISTED_QUERY_ID_REQUIRED');
}

/** The hash from APQ's `extensions.persistedQuery.sha256Hash` or a `documentId` (`sha256:<hex>` or hex). */
function requestedHash(fields: Record<string, unknown>): string | null {
  const persisted = asObject(asObject(fields.extensions).persistedQuery).sha256Hash;
  if (typeof persisted === 'string') return persisted.toLowerCase();
  if (typeof fields.documentId === 'string') return fields.documentId.replace(/^sha256:/, '').toLowerCase();
  return null;
}

function fieldsOfSearch(search: string): Record<string, unknown> {
  const params = new URLSearchParams(search);
  const fields: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (key === 'extensions' || key === 'variables') {
      try {
        fields[key] = JSON.parse(value);
      } catch {
        fields[key] = value;
      }
    } else fields[key] = value;
  }
  return fields;
}

function searchOf(fields: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined) params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  return `?${params.toString()}`;
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const MESSAGES = {
  PERSISTED_QUERY_ID_REQUIRED:
    'This gateway runs trusted documents only: send the document hash (extensions.persistedQuery.sha256Hash or documentId), not query text.',
  PERSISTED_QUERY_NOT_IN_LIST:
    'This document hash is not in the gateway’s trusted documents manifest; regenerate the client and deploy its manifest.',
} as const;

function refuse(code: keyof typeof MESSAGES): RawResponse {
  return {
    status: 400,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-store' },
    body: JSON.stringify({ errors: [{ message: MESSAGES[code], extensions: { code } }] }),
  };
}
