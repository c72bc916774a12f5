import { type DocumentNode, Kind, type ObjectTypeDefinitionNode } from 'graphql';
import { ErrorCode } from './errors.js';

/**
 * Typed outcomes a form shows (EmailTaken, PaymentDeclined, PurchaseRequired) implement the
 * `Problem` interface: a `message` to show and a stable `code` to switch on (docs/errors.md,
 * "Typed outcomes"). The code is the type's name, so no subgraph writes one by hand.
 */
export const PROBLEM_INTERFACE = 'Problem';

/**
 * `EmailTaken` -> `EMAIL_TAKEN`, `OAuthEmailInUse` -> `OAUTH_EMAIL_IN_USE`: a word starts at a
 * capital that follows a lower-case letter or a digit, so a leading acronym stays one word.
 */
export function problemCode(typeName: string): string {
  return typeName.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The object types of a subgraph's SDL that implement Problem. */
export function problemTypeNames(typeDefs: DocumentNode): string[] {
  return typeDefs.definitions
    .filter(
      (definition): definition is ObjectTypeDefinitionNode =>
        (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
        (definition.interfaces ?? []).some((named) => named.name.value === PROBLEM_INTERFACE),
    )
    .map((definition) => definition.name.value);
}

/** What domain code says about one refused item of a batch: its index and the field, as it knows it. */
export interface ItemError {
  index: number;
  /** The field inside the item (`value`, `eventData`), or empty for the item itself. */
  field: string;
  message: string;
}

/**
 * A refused item of a batch mutation that stores the valid items (recordHealthMetrics,
 * trackEvents): a Problem with `index`, and `field` as the full path from the operation's
 * arguments like an error's `extensions.field` (`input.3.value`, `events.2.eventData`). Its `code`
 * is the ErrorCode an error about that input would carry, not its type's name (docs/errors.md,
 * "Refused items of a batch").
 */
export interface ItemProblem {
  index: number;
  field: string;
  message: string;
  code: ErrorCode;
}

const ITEM_PROBLEM = Symbol('itemProblem');

/** Domain item errors as item problems of the list argument `argument` (BAD_USER_INPUT). */
export function itemProblems(argument: string, errors: readonly ItemError[]): ItemProblem[] {
  return errors.map((error) => {
    const problem: ItemProblem = {
      index: error.index,
      field: [argument, String(error.index), error.field].filter((part) => part !== '').join('.'),
      message: error.message,
      code: ErrorCode.BAD_USER_INPUT,
    };
    Object.defineProperty(problem, ITEM_PROBLEM, { value: true });
    return problem;
  });
}

const isItemProblem = (source: unknown): source is ItemProblem =>
  typeof source === 'object' && source !== null && (source as Record<symbol, unknown>)[ITEM_PROBLEM] === true;

type FieldResolver = (source: any, args: any, context: any, info: any) => unknown;
type ResolverMap = Record<string, Record<string, unknown> | unknown>;

/**
 * Adds to a subgraph's resolvers, for every type implementing Problem: `code` (the type's name in
 * SCREAMING_SNAKE, or an item problem's own ErrorCode, unless the subgraph resolves it itself)
 * and a guard on `message`. A message
 * has no default: an outcome without one is a bug, so it fails loudly (an internal error, logged)
 * instead of showing the user an empty or made-up sentence.
 */
export function withProblemResolvers<T extends object>(typeDefs: DocumentNode, resolvers: T): T {
  const map = { ...(resolvers as ResolverMap) };
  for (const typeName of problemTypeNames(typeDefs)) {
    const own = (map[typeName] ?? {}) as Record<string, unknown>;
    const code = problemCode(typeName);
    const message = (own.message as FieldResolver | undefined) ?? ((source: any) => source?.message);
    map[typeName] = {
      ...own,
      code: own.code ?? ((source: unknown) => (isItemProblem(source) ? source.code : code)),
      message: async (source: unknown, args: unknown, context: unknown, info: unknown) => {
        const text = await message(source, args, context, info);
        if (typeof text !== 'string' || text.trim() === '') {
          throw new Error(`${typeName} was resolved without a message; every Problem must say what happened`);
        }
        return text;
      },
    };
  }
  return map as T;
}
