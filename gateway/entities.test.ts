import { describe, expect, it } from 'vitest';
import { dedupeRepresentations, expandEntities } from './entities.js';

const user = (id: string) => ({ __typename: 'User', id });

describe('entity representation de-duplication', () => {
  it('leaves distinct representations alone', () => {
    expect(dedupeRepresentations([user('a'), user('b')])).toBeNull();
    expect(dedupeRepresentations([user('a')])).toBeNull();
  });

  it('sends each representation once and expands the answer in the original order', () => {
    const deduped = dedupeRepresentations([user('a'), user('b'), user('a'), user('a')]);
    expect(deduped?.unique).toEqual([user('a'), user('b')]);
    expect(deduped?.indexOf).toEqual([0, 1, 0, 0]);
    const answer = { data: { _entities: [{ username: 'ann' }, { username: 'bob' }] } };
    const expanded = expandEntities(answer, deduped!);
    expect(expanded.data?._entities).toEqual([
      { username: 'ann' },
      { username: 'bob' },
      { username: 'ann' },
      { username: 'ann' },
    ]);
    const list = expanded.data?._entities as object[];
    // Later fetches merge into each entry separately: repeats must not share objects.
    expect(list[2]).not.toBe(list[0]);
    expect(list[3]).not.toBe(list[2]);
  });

  it('repeats an entity error for every occurrence, with its original index', () => {
    const deduped = dedupeRepresentations([user('a'), user('b'), user('b')])!;
    const expanded = expandEntities(
      {
        data: { _entities: [{ username: 'ann' }, null] },
        errors: [{ message: 'Not allowed', path: ['_entities', 1, 'username'] }, { message: 'other' }],
      },
      deduped,
    );
    expect(expanded.data?._entities).toEqual([{ username: 'ann' }, null, null]);
    expect(expanded.errors).toEqual([
      { message: 'Not allowed', path: ['_entities', 1, 'username'] },
      { message: 'Not allowed', path: ['_entities', 2, 'username'] },
      { message: 'other' },
    ]);
  });

  it('passes an answer of the wrong length through for the gateway to report', () => {
    const deduped = dedupeRepresentations([user('a'), user('a')])!;
    const answer = { data: { _entities: [] } };
    expect(expandEntities(answer, deduped)).toBe(answer);
  });
});
