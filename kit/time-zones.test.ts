import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSchema } from 'drizzle-orm/pg-core';
import { PGlite } from '@electric-sql/pglite';
import { createDatabase, type Database } from './db.js';
import { LoaderRegistry } from './loaders.js';
import type { RequestContext } from './subgraph.js';
import {
  applyTimeZoneEvent,
  bucketStarts,
  hourAlignedZone,
  canonicalTimeZone,
  eraseTimeZone,
  loadTimeZone,
  localDate,
  startOfLocalDate,
  timeZoneOf,
  userTimeZonesTable,
} from './time-zones.js';

// A scratch schema with a copy of zones: this tests the kit, not a subgraph.
const userTimeZones = userTimeZonesTable(pgSchema('time_zones_test'));

describe('zones and local dates', () => {
  it('canonicalizes IANA names and refuses unknown ones', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });

  it('gives the calendar date an instant falls on in a zone', () => {
    const instant = new Date('2026-11-30T12:00:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-11-30');
    expect(localDate(instant, 'Pacific/Kiritimati')).toBe('2026-12-01');
    expect(localDate(new Date('2026-12-01T05:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-30');
  });
});

describe('the copy of users’ zones', () => {
  let database: Database;
  /** The text of every statement sent, in order. */
  const sent: string[] = [];
  beforeAll(async () => {
    database = await createDatabase({ pglite: await PGlite.create(), log: (text) => sent.push(text) });
    await database.exec(`
      create schema time_zones_test;
      create table time_zones_test.user_time_zones (user_id uuid primary key,
        time_zone varchar(64) not null, changed_at timestamptz not null);
    `);
  });
  afterAll(async () => {
    await database?.close();
  });
  const userId = '6f1d3a52-3c1e-4a43-9d7e-0c1f6d0c2a11';
  const event = (timeZone: string | undefined, updatedAt: string) => ({ userId, timeZone, updatedAt });

  it('keeps the newest zone whatever order the events arrive in, and forgets an erased user', async () => {
    const db = database.db;
    expect(await loadTimeZone(db, userTimeZones, userId)).toBe('UTC');
    await applyTimeZoneEvent(
      db,
      userTimeZones,
      event('Asia/Tokyo', '2026-11-02T00:00:00Z'),
      '2026-11-02T00:00:00Z',
    );
    // An older event delivered late changes nothing; one without a zone neither.
    await applyTimeZoneEvent(
      db,
      userTimeZones,
      event('Europe/Paris', '2026-11-01T00:00:00Z'),
      '2026-11-01T00:00:00Z',
    );
    await applyTimeZoneEvent(
      db,
      userTimeZones,
      event(undefined, '2026-11-03T00:00:00Z'),
      '2026-11-03T00:00:00Z',
    );
    expect(await loadTimeZone(db, userTimeZones, userId)).toBe('Asia/Tokyo');
    await applyTimeZoneEvent(
      db,
      userTimeZones,
      event('america/new_york', '2026-11-04T00:00:00Z'),
      '2026-11-04T00:00:00Z',
    );
    expect(await loadTimeZone(db, userTimeZones, userId)).toBe('America/New_York');
    await eraseTimeZone(db, userTimeZones, userId);
    expect(await loadTimeZone(db, userTimeZones, userId)).toBe('UTC');
  });

  it("looks up a request's users in one statement whose text does not depend on how many they are", async () => {
    const db = database.db;
    const other = '0b7e1d2c-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
    await applyTimeZoneEvent(
      db,
      userTimeZones,
      event('Asia/Tokyo', '2026-11-05T00:00:00Z'),
      '2026-11-05T00:00:00Z',
    );
    const zonesOf = async (userIds: string[]) => {
      const ctx = { loaders: new LoaderRegistry() } as unknown as RequestContext;
      const before = database.stats.statements;
      const zones = await Promise.all(userIds.map((id) => timeZoneOf(ctx, db, userTimeZones, id)));
      expect(database.stats.statements - before).toBe(1);
      return { zones, text: sent.at(-1) };
    };
    const one = await zonesOf([userId]);
    const two = await zonesOf([userId, other]);
    expect(one.zones).toEqual(['Asia/Tokyo']);
    // A user with no zone in the copy gets the default.
    expect(two.zones).toEqual(['Asia/Tokyo', 'UTC']);
    expect(two.text).toBe(one.text);
  });
});

describe('calendar buckets in a zone', () => {
  const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

  it('finds the instant of a local midnight on both sides of a daylight-saving change', () => {
    expect(startOfLocalDate('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDate('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDate('2026-12-01', 'Pacific/Kiritimati').toISOString()).toBe(
      '2026-11-30T10:00:00.000Z',
    );
    expect(startOfLocalDate('2026-11-30', 'America/Los_Angeles').toISOString()).toBe(
      '2026-11-30T08:00:00.000Z',
    );
  });

  it('places a skipped or repeated local midnight where PostgreSQL’s date_trunc does', () => {
    // Santiago skips from midnight to 01:00 on 6 September: the earlier offset (-4) counts.
    expect(startOfLocalDate('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    // Havana goes back from 01:00 to midnight on 1 November: the later offset (-5) counts.
    expect(startOfLocalDate('2026-11-01', 'America/Havana').toISOString()).toBe('2026-11-01T05:00:00.000Z');
    expect(startOfLocalDate('2026-11-02', 'America/Havana').toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(startOfLocalDate('2026-10-31', 'America/Havana').toISOString()).toBe('2026-10-31T04:00:00.000Z');
  });

  it('tells zones whose calendar is whole UTC hours, in order, from the others', () => {
    expect(hourAlignedZone('Europe/Berlin')).toBe(true);
    expect(hourAlignedZone('UTC')).toBe(true);
    // Clocks that go back to the same day's midnight, or from midnight to the day before.
    expect(hourAlignedZone('America/Havana')).toBe(true);
    expect(hourAlignedZone('Asia/Beirut')).toBe(true);
    // Half- and quarter-hour offsets.
    expect(hourAlignedZone('Asia/Kolkata')).toBe(false);
    expect(hourAlignedZone('Asia/Kathmandu')).toBe(false);
    expect(hourAlignedZone('Australia/Lord_Howe')).toBe(false);
    // March 2010: from 02:00 back to 23:00 the day before, so a day's hours come in two runs.
    expect(hourAlignedZone('Antarctica/Casey')).toBe(false);
  });

  it('lists days of 23 and 25 hours where the zone changes clocks', () => {
    const spring = bucketStarts(
      new Date('2026-03-28T23:00:00Z'),
      new Date('2026-03-30T22:00:00Z'),
      'DAY',
      'Europe/Berlin',
    );
    expect(iso(spring)).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    const autumn = bucketStarts(
      new Date('2026-10-25T00:00:00Z'),
      new Date('2026-10-26T00:00:00Z'),
      'DAY',
      'Europe/Berlin',
    );
    // The bucket holding `from` starts before it: 25 October began at 22:00 UTC the day before.
    expect(iso(autumn)).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
  });

  it('starts weeks on Monday and months on the first, and hours on the local hour', () => {
    const weeks = bucketStarts(
      new Date('2026-11-18T12:00:00Z'),
      new Date('2026-12-01T00:00:00Z'),
      'WEEK',
      'UTC',
    );
    expect(iso(weeks)).toEqual([
      '2026-11-16T00:00:00.000Z',
      '2026-11-23T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
    ]);
    const months = bucketStarts(
      new Date('2026-01-15T00:00:00Z'),
      new Date('2026-03-02T00:00:00Z'),
      'MONTH',
      'Asia/Tokyo',
    );
    expect(iso(months)).toEqual([
      '2025-12-31T15:00:00.000Z',
      '2026-01-31T15:00:00.000Z',
      '2026-02-28T15:00:00.000Z',
    ]);
    const hours = bucketStarts(
      new Date('2026-11-30T10:20:00Z'),
      new Date('2026-11-30T12:00:00Z'),
      'HOUR',
      'Asia/Kolkata',
    );
    // India is 5:30 ahead: its hours start at :30 UTC.
    expect(iso(hours)).toEqual([
      '2026-11-30T09:30:00.000Z',
      '2026-11-30T10:30:00.000Z',
      '2026-11-30T11:30:00.000Z',
    ]);
  });
});
