import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './db.js';
import { errorForLog, statementShape } from './error-log.js';
import { createLogger } from './log.js';

/** Real failures from a real database, logged through the project's logger. */
let pglite: PGlite;
let database: Database;
beforeAll(async () => {
  pglite = await PGlite.create();
  database = await createDatabase({ pglite });
  await database.exec(`
    CREATE TABLE people (email text UNIQUE, weight numeric CHECK (weight < 500));
    INSERT INTO people VALUES ('taken@example.com', 80);
  `);
});
afterAll(async () => {
  await pglite.close();
});

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

function logged(error: unknown): string {
  const lines: string[] = [];
  createLogger({ destination: { write: (line: string) => lines.push(line) } }).error(
    { err: error },
    'failed',
  );
  return lines.join('');
}

describe('errors in logs', () => {
  it('keep the SQLSTATE code, constraint and a statement hash, never parameters or the failing row', async () => {
    const unique = await failure(() =>
      database.db.execute(sql`insert into people values (${'taken@example.com'}, ${81.5})`),
    );
    const check = await failure(() =>
      database.db.execute(sql`insert into people values (${'heavy@example.com'}, ${612.34})`),
    );
    for (const error of [unique, check]) {
      // What the driver would have logged: the values are there to leak.
      expect(
        JSON.stringify({ message: (error as Error).message, cause: (error as any).cause?.detail }),
      ).toMatch(/example\.com|612\.34/);
    }
    const uniqueLine = logged(unique);
    expect(uniqueLine).toContain('"code":"23505"');
    expect(uniqueLine).toContain('people_email_key');
    expect(uniqueLine).toMatch(/"statement":"[0-9a-f]{12}"/);
    const checkLine = logged(check);
    expect(checkLine).toContain('"code":"23514"');
    expect(checkLine).toContain('people_weight_check');
    for (const line of [uniqueLine, checkLine]) {
      expect(line).not.toMatch(/example\.com|81\.5|612\.34|params|Failing row|Key \(/);
    }
  });

  it('mask values PostgreSQL quotes in its message', async () => {
    const error = await failure(() => database.db.execute(sql`select ${'secret-session-id'}::uuid`));
    const bare = (error as { cause?: unknown }).cause;
    expect((bare as Error).message).toContain('secret-session-id');
    for (const line of [logged(error), logged(bare)]) {
      expect(line).toContain('22P02');
      expect(line).not.toContain('secret-session-id');
    }
  });

  it('mask email addresses and quoted values in any error, its stack and its causes', () => {
    const inner = new Error('Unexpected token \'a\', "ada@example.com is mine" is not valid JSON');
    const outer = new GraphQLError('wrapped', {
      originalError: new Error('mail to ada@example.com failed', { cause: inner }),
    });
    const line = logged(outer);
    expect(line).not.toContain('ada@example.com');
    expect(line).not.toContain('is mine');
    expect(line).toContain('[email]');
    expect(line).toContain('at ');
    const aggregate = logged(new AggregateError([new Error('to bob@example.com')], 'several'));
    expect(aggregate).not.toContain('bob@example.com');
  });

  it('keep a statement shape without literals', () => {
    expect(statementShape("select * from t where a = 'x@y.z' and b > 12.5 and c = $1 limit 10")).toBe(
      "select * from t where a = '?' and b > ? and c = $1 limit ?",
    );
    expect(errorForLog('not an error')).toBe('not an error');
  });
});
