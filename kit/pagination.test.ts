import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, toPage } from './pagination.js';

const cursor = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
const ID = '3f1c9a52-6a0e-4a8b-9c1d-2b7e4f8a9d10';
const AT = '2026-01-01T12:30:00.123Z';

function refused(value: string, parts: Parameters<typeof decodeCursor>[1]) {
  try {
    decodeCursor(value, parts);
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'accepted';
}

describe('decodeCursor', () => {
  it('gives back the sort key encodeCursor wrote, for every kind of value', () => {
    expect(decodeCursor(null, ['timestamp', 'uuid'])).toBeNull();
    expect(decodeCursor(encodeCursor([AT, ID]), ['timestamp', 'uuid'])).toEqual([AT, ID]);
    expect(decodeCursor(encodeCursor([1900, ID.toUpperCase()]), ['int', 'uuid'])).toEqual([
      1900,
      ID.toUpperCase(),
    ]);
    expect(decodeCursor(encodeCursor([0.0607927, AT, ID]), ['real', 'timestamp', 'uuid'])).toEqual([
      0.0607927,
      AT,
      ID,
    ]);
    expect(decodeCursor(encodeCursor([0, AT, ID]), ['real', 'timestamp', 'uuid'])?.[0]).toBe(0);
    expect(decodeCursor(encodeCursor(['Back squat 💪', ID]), ['text', 'uuid'])).toEqual([
      'Back squat 💪',
      ID,
    ]);
    expect(
      decodeCursor(encodeCursor(['0001-01-01T00:00:00.000Z', ID]), ['timestamp', 'uuid']),
    ).not.toBeNull();
  });

  it('refuses what is not a cursor: not base64 JSON, too long, the wrong number of values', () => {
    for (const value of [
      '!',
      'not a cursor',
      'x'.repeat(2000),
      cursor({ a: 1 }),
      cursor([AT]),
      cursor([AT, ID, 1]),
    ])
      expect(refused(value, ['timestamp', 'uuid']), value).toBe('BAD_USER_INPUT');
  });

  it.each([
    [
      'timestamp',
      [
        null,
        1,
        '1',
        'yesterday',
        '2026-01-01',
        '2026-01-01T00:00:00Z',
        '2026-02-30T00:00:00.000Z',
        '0000-01-01T00:00:00.000Z',
        '+275760-09-13T00:00:00.000Z',
        '-000001-01-01T00:00:00.000Z',
        `${AT} `,
      ],
    ],
    [
      'uuid',
      [
        null,
        1,
        '',
        '------------------------------------',
        `{${ID}}`,
        ID.replace(/-/g, ''),
        'ZZZZZZZZ-0000-0000-0000-000000000000',
        `${ID}\n`,
        `${ID}' OR '1'='1`,
      ],
    ],
    ['int', [null, '1', 1.5, 2 ** 31, -(2 ** 31) - 1, 1e300, Number.MAX_SAFE_INTEGER]],
    ['real', [null, '0.1', 1e300, -1e300, 1e-300, 5e-324, 3.5e38]],
    ['text', [null, 1, '\u0000', 'a\ud800', '\udc00b', 'x'.repeat(513)]],
  ] as const)('refuses a %s value PostgreSQL would not take', (part, values) => {
    for (const value of values) {
      const parts = part === 'uuid' ? (['uuid'] as const) : ([part, 'uuid'] as const);
      const encoded = cursor(part === 'uuid' ? [value] : [value, ID]);
      expect(refused(encoded, parts), `${part} ${JSON.stringify(value)}`).toBe('BAD_USER_INPUT');
    }
  });
});

describe('toPage', () => {
  it('encodes the end cursor when it is first read, once, and reads as a plain pageInfo', () => {
    const made: string[] = [];
    const cursorOf = (row: { id: string }) => {
      made.push(row.id);
      return [row.id];
    };
    const page = toPage([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 2, cursorOf, () => 3);
    expect(page.nodes).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(made).toEqual([]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(['b']) });
    expect(JSON.parse(JSON.stringify(page.pageInfo))).toEqual({
      hasNextPage: true,
      endCursor: encodeCursor(['b']),
    });
    expect(made).toEqual(['b']);
    expect(toPage([], 2, cursorOf, () => 0).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    expect(made).toEqual(['b']);
  });
});
