import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AFTER_DESCRIPTION, BOUNDED_LISTS, FIRST_DESCRIPTION, lintSchema } from '../schema/lint.js';

/** A described schema that keeps every rule; each case below breaks one thing in it. */
const PAGE_ARGS = `"${FIRST_DESCRIPTION}" first: Int = 20 "${AFTER_DESCRIPTION}" after: String`;
const CONNECTION = `
"A page."
type ThingConnection {
  "The things."
  nodes: [Thing!]!
  "Where it ends."
  pageInfo: PageInfo!
  "How many."
  totalCount: Int!
}`;
const BASE = `
"Where a page ends."
type PageInfo {
  "More?"
  hasNextPage: Boolean!
  "The cursor."
  endCursor: String
}
"A thing."
type Thing {
  "Its id."
  id: ID!
  "How hard it is."
  difficulty: Difficulty
}
"How hard."
enum Difficulty {
  "Easy."
  EASY
}`;
const query = (fields: string) => `type Query {\n${fields}\n}`;
const sdl = (fields: string, extra = CONNECTION) => `${BASE}\n${extra}\n${query(fields)}`;
/** The small schemas have none of the API's bounded lists. */
const lint = (source: string, bounded: Record<string, string> = {}) => lintSchema(source, bounded);
const GOOD_FIELD = `"Things." things(${PAGE_ARGS}): ThingConnection!`;

describe('schema lint (schema/lint.ts)', () => {
  it('the API schema keeps every rule', () => {
    expect(lintSchema(readFileSync('schema/api.graphql', 'utf8'))).toEqual([]);
  });

  it('accepts the small schema the cases below break', () => {
    expect(lint(sdl(GOOD_FIELD))).toEqual([]);
  });

  it('a: a list of objects is a connection or has a reason in BOUNDED_LISTS', () => {
    expect(lint(sdl(`${GOOD_FIELD}\n"All things." allThings: [Thing!]!`))).toEqual([
      'Query.allThings: a list of Thing is neither a connection nor in BOUNDED_LISTS',
    ]);
    expect(
      lint(sdl(`${GOOD_FIELD}\n"All things." allThings: [Thing!]!`), {
        'Query.allThings': 'one per Difficulty enum value',
      }),
    ).toEqual([]);
    expect(lint(sdl(GOOD_FIELD), { 'Query.gone': 'was bounded' })).toEqual([
      'Query.gone: in BOUNDED_LISTS but not a list field',
    ]);
    // Lists of scalars and enums are not the rule's business.
    expect(lint(sdl(`${GOOD_FIELD}\n"Tags." tags: [String!]! "Levels." all: [Difficulty!]`))).toEqual([]);
    for (const [path, reason] of Object.entries(BOUNDED_LISTS)) {
      expect(reason.trim().length, path).toBeGreaterThan(10);
      expect(reason.includes('\n'), path).toBe(false);
    }
  });

  it('b: a connection has exactly nodes: [X!]!, pageInfo: PageInfo! and totalCount: Int!', () => {
    const noCount = CONNECTION.replace(/"How many."\n {2}totalCount: Int!\n/, '');
    expect(lint(sdl(GOOD_FIELD, noCount))).toEqual(['ThingConnection: has no totalCount']);
    const nullableNodes = CONNECTION.replace('nodes: [Thing!]!', 'nodes: [Thing]!');
    expect(lint(sdl(GOOD_FIELD, nullableNodes))).toEqual([
      'ThingConnection.nodes: is [Thing]!, must be [Thing!]!',
    ]);
    const extra = CONNECTION.replace('totalCount: Int!', 'totalCount: Int!\n  "Cursor." cursor: String');
    expect(lint(sdl(GOOD_FIELD, extra))).toEqual([
      'ThingConnection.cursor: a connection has only nodes, pageInfo and totalCount',
    ]);
  });

  it('c: a connection field takes first: Int = 20 and after: String, described alike', () => {
    expect(lint(sdl(`"Things." things(first: Int, after: String): ThingConnection!`))).toEqual([
      'Query.things(first): the default is 20 (first: Int = 20)',
      `Query.things(first): the description is "${FIRST_DESCRIPTION}"`,
      `Query.things(after): the description is "${AFTER_DESCRIPTION}"`,
      'Query.things(first): has no description',
      'Query.things(after): has no description',
    ]);
    expect(
      lint(
        sdl(
          `"Things." things("${FIRST_DESCRIPTION}" first: Int = 20 "${AFTER_DESCRIPTION}" after: ID): ThingConnection!`,
        ),
      ),
    ).toEqual(['Query.things: a connection field takes after: String']);
    expect(lint(sdl(`"Things." things: ThingConnection!`))).toEqual([
      'Query.things: a connection field takes first: Int',
      'Query.things: a connection field takes after: String',
    ]);
  });

  it('d: one name per concept: difficulty, enroll, sequenceNumber', () => {
    expect(
      lint(
        sdl(
          `${GOOD_FIELD}\n"Level." level: Int "Old." difficultyLevel: Int "Enrols." enrolTwoFactor: Boolean "Where." things2("Slot." position: Int): Int`,
        ),
      ),
    ).toEqual([
      'Query.level: named level; use difficulty',
      'Query.difficultyLevel: named difficultyLevel; use difficulty',
      'Query.enrolTwoFactor: named enrolTwoFactor; use enroll (two l)',
      'Query.things2(position): named position; use sequenceNumber',
    ]);
    expect(lint(sdl(`${GOOD_FIELD}\n"Fine." enrollTwoFactor: Boolean`))).toEqual([]);
  });

  it('f: a name says which kind of time it holds: ...At a DateTime, date and ...Date a Date', () => {
    const times = `"An instant." scalar DateTime\n"A day." scalar Date`;
    expect(
      lint(
        `${sdl(
          `${GOOD_FIELD}\n"Start." startedAt: Date "Day." recordedDate: DateTime "On." date: DateTime "Since." since("From." fromDate: DateTime): Int`,
        )}\n${times}`,
      ),
    ).toEqual([
      'Query.startedAt: named startedAt but a Date; an ...At field holds a DateTime',
      'Query.recordedDate: named recordedDate but a DateTime; a ...Date field holds a Date',
      'Query.date: named date but a DateTime; a ...Date field holds a Date',
      'Query.since(fromDate): named fromDate but a DateTime; a ...Date field holds a Date',
    ]);
    expect(
      lint(`${sdl(`${GOOD_FIELD}\n"Start." startedAt: DateTime "Day." startDate: Date`)}\n${times}`),
    ).toEqual([]);
  });

  it('e: every type, field, argument and enum value is described', () => {
    const bare = `${BASE.replace('"A thing."\n', '').replace('"Easy."\n  EASY', 'EASY')}\n${CONNECTION}\n${query(
      `${GOOD_FIELD}\n"One." thing(id: ID!): Thing\ncount: Int`,
    )}`;
    expect(lint(bare)).toEqual([
      'Thing: has no description',
      'Difficulty.EASY: has no description',
      'Query.thing(id): has no description',
      'Query.count: has no description',
    ]);
  });
});
