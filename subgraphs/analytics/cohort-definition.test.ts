import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { compileDefinition, DefinitionError, parseDefinition } from './cohort-definition.js';

const NOW = new Date('2026-06-15T12:00:00Z');
const dialect = new PgDialect();
const compile = (definition: unknown) =>
  dialect.sqlToQuery(compileDefinition(parseDefinition(definition), NOW));

describe('cohort definition compilation', () => {
  it('puts every value from the definition in a bound parameter, never in the SQL text', () => {
    const marker = `zz'"; drop table x; --`;
    const query = compile({
      or: [
        {
          event: {
            type: 'workout_complete',
            atLeast: 7,
            inLastDays: 13,
            where: [
              { property: `${marker}.inner`, op: 'eq', value: marker },
              { property: 'level', op: 'in', value: [marker, 5, true, null] },
              { property: 'minutes', op: 'gte', value: 42.5 },
              { property: 'tag', op: 'neq', value: marker },
            ],
          },
        },
        { not: { gender: { in: [marker] } } },
        {
          and: [
            { country: { in: ['DE'] } },
            { age: { min: 18, max: 34 } },
            { signupDate: { from: '2026-01-01' } },
          ],
        },
      ],
    });
    expect(query.sql).not.toContain('zz');
    expect(query.sql).not.toContain('drop');
    expect(query.sql.replace(/\$\d+/g, '$')).not.toMatch(/workout_complete|42\.5|13|'DE'|7/);
    expect(query.params).toContain('workout_complete');
    expect(query.params).toContain(marker);
    expect(query.params).toContain(JSON.stringify(marker));
    expect(query.params).toContain(42.5);
    expect(query.params).toContain(7);
    // 13 days before now, as the window's start.
    expect(query.params).toContain('2026-06-02T12:00:00.000Z');
    // Ages 18-34 on 2026-06-15: born on or before 2008-06-15 and after 1991-06-15.
    expect(query.params).toContain('2008-06-15');
    expect(query.params).toContain('1991-06-15');
  });

  it('names the offending field in a DefinitionError', () => {
    const attempt = (definition: unknown) => {
      try {
        parseDefinition(definition);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(DefinitionError);
        return (error as DefinitionError).path;
      }
    };
    expect(attempt({ and: [{ event: { type: 'x', atMost: 1, inLastDays: 'week' } }] })).toBe(
      'definition.and[0].event.inLastDays',
    );
    expect(
      attempt({
        event: { type: 'x', exactly: 1, inLastDays: 1, where: [{ property: '', op: 'eq', value: 1 }] },
      }),
    ).toBe('definition.event.where[0].property');
    expect(attempt({ or: Array.from({ length: 21 }, () => ({ age: { min: 1 } })) })).toBe('definition.or');
    expect(
      attempt({
        event: {
          type: 'x',
          atLeast: 1,
          inLastDays: 1,
          where: [{ property: 'a', op: 'eq', value: { nested: 1 } }],
        },
      }),
    ).toBe('definition.event.where[0].value');
  });
});
