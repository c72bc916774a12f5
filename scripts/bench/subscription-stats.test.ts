import { describe, expect, it } from 'vitest';
import { DeliveryLedger, dueAtMs, eventKey, kbPerConnection } from './subscription-stats.js';

describe('subscription benchmark tallies', () => {
  it('recognises an event by its user and instant, whatever the case or the instant notation', () => {
    expect(eventKey('AB-CD', '2026-12-04T01:00:00.123Z')).toBe(
      eventKey('ab-cd', '2026-12-04T01:00:00.123+00:00'),
    );
    expect(eventKey('ab', '2026-12-04T01:00:00.123Z')).not.toBe(eventKey('ab', '2026-12-04T01:00:00.124Z'));
  });

  it('owes each event once to each subscription of its user and counts what arrived', () => {
    const ledger = new DeliveryLedger();
    ledger.expect('a|1', [0, 2]);
    ledger.expect('b|1', [1, 3]);
    ledger.receive('a|1', 0, 10);
    ledger.receive('a|1', 2, 30);
    ledger.receive('a|1', 2, 40);
    ledger.receive('b|1', 1, 20);
    ledger.receive('c|1', 1, 5);
    expect(ledger.outstanding()).toBe(1);
    expect([...ledger.waitingSubscribers()]).toEqual([3]);
    const tally = ledger.tally();
    expect(tally).toMatchObject({
      events: 2,
      expected: 4,
      delivered: 3,
      missing: 1,
      duplicates: 1,
      unexpected: 1,
    });
    expect(tally.latency).toMatchObject({ count: 3, p50Ms: 20, p99Ms: 30, maxMs: 30 });
  });

  it('owes nothing for an event whose commit failed', () => {
    const ledger = new DeliveryLedger();
    ledger.expect('a|1', [0, 1]);
    ledger.expect('a|2', [0, 1]);
    ledger.withdraw('a|2');
    ledger.receive('a|1', 0, 1);
    expect(ledger.tally()).toMatchObject({ events: 1, expected: 2, delivered: 1, missing: 1 });
    expect(ledger.has('a|2')).toBe(false);
  });

  it('divides the memory the connections added among them, in KB', () => {
    expect(kbPerConnection(100, 150, 2000)).toBeCloseTo(25.6);
    expect(kbPerConnection(100, 150, 0)).toBeNull();
  });

  it('spaces an open-loop schedule evenly', () => {
    expect([0, 1, 100].map((i) => dueAtMs(i, 100))).toEqual([0, 10, 1000]);
  });
});
