import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { describe, expect, it } from 'vitest';
import { entityBatches, splitEntities } from './entity-batches.js';

const QUERY =
  'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { username } } }';
const user = (id: string) => ({ __typename: 'User', id });
const viewer = (userId: string) => ({ userId, sessionId: `s-${userId}`, roles: ['USER'] });

/** A subgraph that answers each representation with its id and the viewer it ran as. */
function fakeIdentity() {
  const sent: { representations: { id: string }[]; viewer: string | null }[] = [];
  const source: GraphQLDataSource = {
    async process(options) {
      const representations = options.request.variables!.representations as { id: string }[];
      const as = (options.context as { viewer?: { userId: string } }).viewer?.userId ?? null;
      sent.push({ representations, viewer: as });
      return {
        data: {
          _entities: representations.map((r) => (r.id === 'hidden' ? null : { username: `${r.id}@${as}` })),
        },
        errors: representations.flatMap((r, i) =>
          r.id === 'hidden' ? [{ message: 'Not allowed', path: ['_entities', i, 'username'] }] : [],
        ),
      } as never;
    },
  };
  return { source, sent };
}

const fetch = (ids: string[], as: string, query = QUERY) =>
  ({
    kind: 'incoming operation',
    request: { query, variables: { representations: ids.map(user) } },
    context: { viewer: viewer(as), ip: '127.0.0.1' },
  }) as unknown as GraphQLDataSourceProcessOptions;

describe('entity fetches of subscription events', () => {
  it('sends the fetches of one tick and one viewer as one request, each distinct representation once', async () => {
    const { source, sent } = fakeIdentity();
    const { serviceMap, stats } = entityBatches({ identity: source });
    const answers = await Promise.all([
      serviceMap.identity!.process(fetch(['ana'], 'ana')),
      serviceMap.identity!.process(fetch(['ana', 'ben'], 'ana')),
      serviceMap.identity!.process(fetch(['ana'], 'ana')),
    ]);
    expect(sent).toEqual([{ representations: [user('ana'), user('ben')], viewer: 'ana' }]);
    expect(stats).toEqual({ asked: 3, sent: 1 });
    expect(answers.map((answer) => answer.data)).toEqual([
      { _entities: [{ username: 'ana@ana' }] },
      { _entities: [{ username: 'ana@ana' }, { username: 'ben@ana' }] },
      { _entities: [{ username: 'ana@ana' }] },
    ]);
    // The executor merges into each answer: repeats are not shared objects.
    expect(answers[0]!.data!._entities[0]).not.toBe(answers[2]!.data!._entities[0]);
  });

  it('never puts two viewers, or two operations, in one request', async () => {
    const { source, sent } = fakeIdentity();
    const { serviceMap } = entityBatches({ identity: source });
    const [ana, coach, other] = await Promise.all([
      serviceMap.identity!.process(fetch(['ana'], 'ana')),
      serviceMap.identity!.process(fetch(['ana'], 'coach')),
      serviceMap.identity!.process(fetch(['ana'], 'ana', `${QUERY} `)),
    ]);
    expect(sent).toHaveLength(3);
    expect(ana!.data!._entities).toEqual([{ username: 'ana@ana' }]);
    expect(coach!.data!._entities).toEqual([{ username: 'ana@coach' }]);
    expect(other!.data!._entities).toEqual([{ username: 'ana@ana' }]);
  });

  it('hands each fetch its own entity errors at its own indexes', async () => {
    const { source } = fakeIdentity();
    const { serviceMap } = entityBatches({ identity: source });
    const [first, second] = await Promise.all([
      serviceMap.identity!.process(fetch(['ana'], 'ana')),
      serviceMap.identity!.process(fetch(['ben', 'hidden'], 'ana')),
    ]);
    expect(first!.errors).toBeUndefined();
    expect(second!.data!._entities).toEqual([{ username: 'ben@ana' }, null]);
    expect(second!.errors).toEqual([{ message: 'Not allowed', path: ['_entities', 1, 'username'] }]);
  });

  it('fails every fetch of a batch whose request failed, and passes other fetches through', async () => {
    let calls = 0;
    const { serviceMap } = entityBatches({
      identity: {
        async process(options) {
          calls++;
          if (options.request.variables?.representations) throw new Error('unreachable');
          return { data: { me: null } };
        },
      },
    });
    const failed = await Promise.allSettled([
      serviceMap.identity!.process(fetch(['ana'], 'ana')),
      serviceMap.identity!.process(fetch(['ben'], 'ana')),
    ]);
    expect(failed.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    const plain = await serviceMap.identity!.process({
      request: { query: '{ me { id } }', variables: {} },
      context: {},
    } as unknown as GraphQLDataSourceProcessOptions);
    expect(plain.data).toEqual({ me: null });
  });

  it('passes an answer of the wrong length to every fetch for the executor to report', () => {
    const answer = { data: { _entities: [{ username: 'a' }] } };
    expect(splitEntities(answer, [1, 1])).toEqual([answer, answer]);
  });
});
