import { describe, expect, it } from 'vitest';
import type { Viewer } from '../kit/identity-header.js';
import { sessionWatch } from './session-watch.js';

const identity = (token: string) => ({
  token,
  viewer: { userId: token, sessionId: token, roles: [] } as Viewer,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the session re-check of subscriptions', () => {
  it('checks each session once per interval however many connections it has, and ends them all together', async () => {
    const asked = new Map<string, number>();
    const ended = new Set<string>();
    const watch = sessionWatch({
      recheckMs: 20,
      recheck: async ({ token }) => {
        asked.set(token, (asked.get(token) ?? 0) + 1);
        return ended.has(token) ? null : { userId: token, sessionId: token, roles: ['USER'] };
      },
    });
    const closed: string[] = [];
    const many = Array.from({ length: 10 }, () => identity('many'));
    const stops = many.map((who, i) => watch.watch(who, () => closed.push(`many-${i}`)));
    watch.watch(identity('one'), () => closed.push('one'));
    await sleep(110);
    // Ten connections of one session cost what one costs.
    expect(Math.abs((asked.get('many') ?? 0) - (asked.get('one') ?? 0))).toBeLessThanOrEqual(1);
    expect(asked.get('many')).toBeGreaterThanOrEqual(3);
    expect(watch.stats().sessions).toBe(2);
    // Each connection got the current viewer.
    expect(many.every((who) => who.viewer.roles[0] === 'USER')).toBe(true);

    stops[0]!();
    ended.add('many');
    await sleep(60);
    expect(closed.sort()).toEqual(Array.from({ length: 9 }, (_, i) => `many-${i + 1}`).sort());
    expect(watch.stats().sessions).toBe(1);
    watch.close();
  });

  it('keeps the connections when the check fails, and stops checking when the last one leaves', async () => {
    let calls = 0;
    const watch = sessionWatch({
      recheckMs: 10,
      recheck: async () => {
        calls++;
        throw new Error('identity unreachable');
      },
    });
    let ended = false;
    const stop = watch.watch(identity('t'), () => {
      ended = true;
    });
    await sleep(50);
    expect(calls).toBeGreaterThan(0);
    expect(ended).toBe(false);
    stop();
    const after = calls;
    await sleep(40);
    expect(calls).toBe(after);
    expect(watch.stats().sessions).toBe(0);
  });
});
