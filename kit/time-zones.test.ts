import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSchema } from 'drizzle-orm/pg-core';
import { PGlite } from '@electric-sql/pglite';
import { createDatabase, type Database } from './db.js';
import {
  applyTimeZoneEvent,
  canonicalTimeZone,
  eraseTimeZone,
  loadTimeZone,
  localDate,
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
  beforeAll(async () => {
    database = await createDatabase({ pglite: await PGlite.create() });
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
});
