import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';

/**
 * The machinery of seed:scale, apart from what each table holds (generators.ts): deterministic
 * randomness, time-ordered ids, the COPY text encoding, and the runner that checks each
 * generator against the live tables and streams its rows with COPY ... FROM STDIN.
 */

export type Value = string | number | boolean | null | Date | object;

/** Where rows go: PostgreSQL through postgres.js, or PGlite in tests. */
export interface SeedTarget {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY <table> (<columns>) FROM STDIN in text format, fed by `chunks` (lines ending in \n). */
  copy(table: string, columns: readonly string[], chunks: AsyncIterable<string>): Promise<void>;
  /** Runs `work` in one transaction on one connection (needed for the bulk path). */
  transaction?<T>(work: (target: SeedTarget) => Promise<T>): Promise<T>;
}

/** COPY through postgres.js; transactions on one reserved connection. */
export function postgresTarget(sql: postgres.Sql): SeedTarget {
  return {
    query: async (text, params) => (await sql.unsafe(text, (params ?? []) as any[])) as any,
    async copy(table, columns, chunks) {
      const writable = await sql.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN`).writable();
      await pipeline(Readable.from(chunks), writable);
    },
    transaction: (work) =>
      sql.begin((tx) => work(postgresTarget(tx as unknown as postgres.Sql))) as Promise<any>,
  };
}

export interface GeneratorContext {
  /** Rows asked for; Infinity for a derived table (its parents decide). */
  count: number;
  /** Multiplies derived defaults (e.g. habit logs per habit) along with --scale. */
  scale: number;
  /** The run's "now" in ms: every generated instant is at or before it. */
  now: number;
  random: () => number;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  pick<T>(values: readonly T[]): T;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  /** Roughly normal (Irwin-Hall of three), mean 0, standard deviation about 1. */
  gauss(): number;
}

export interface TableGenerator {
  /** schema.table */
  table: string;
  /** The --flag that sets how many rows. */
  flag: string;
  /** Rows by default; null for a table whose rows follow from others (payments of subscriptions). */
  defaultCount: number | null;
  /**
   * Large tables: loaded into the emptied table without its indexes and foreign keys, which are
   * rebuilt afterwards (see `bulkLoad`).
   */
  bulk?: boolean;
  /** The default does not follow --scale (a catalogue such as the subscription plans). */
  fixedCount?: boolean;
  columns: readonly string[];
  /** Tables that must have rows first (generated earlier in this run, or already there). */
  references?: readonly string[];
  /**
   * Loads what the rows need (parents' ids, dates) and returns them lazily; the runner stops
   * after `count` rows, so a source may be endless.
   */
  source(context: GeneratorContext): Promise<Iterable<Value[]>>;
  /** SQL run once the table is loaded and analysed (derived data the table's readers need). */
  afterLoad?: string;
}

/** COPY text format: tab-separated, \N for null, backslash escapes. */
export function encode(value: Value): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r')
    : text;
}

/** Deterministic, so two runs with the same flags produce comparable data. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A random (version 4) UUID from the seeded generator. */
export function uuid4(random: () => number): string {
  return uuidFrom(random, null);
}

/**
 * A version 7 UUID: 48 bits of milliseconds, then random bits. Ids of time-series rows follow
 * their timestamp, so the primary-key index of each monthly partition grows at its right edge
 * instead of taking random inserts everywhere.
 */
export function uuid7(ms: number, random: () => number): string {
  return uuidFrom(random, ms);
}

function uuidFrom(random: () => number, ms: number | null): string {
  const b = new Array<number>(16);
  for (let i = 0; i < 16; i += 4) {
    const r = (random() * 4294967296) >>> 0;
    b[i] = r & 0xff;
    b[i + 1] = (r >>> 8) & 0xff;
    b[i + 2] = (r >>> 16) & 0xff;
    b[i + 3] = r >>> 24;
  }
  if (ms !== null) {
    const high = Math.floor(ms / 2 ** 16);
    b[0] = (high >>> 24) & 0xff;
    b[1] = (high >>> 16) & 0xff;
    b[2] = (high >>> 8) & 0xff;
    b[3] = high & 0xff;
    b[4] = (ms >>> 8) & 0xff;
    b[5] = ms & 0xff;
  }
  b[6] = ((b[6] as number) & 0x0f) | (ms === null ? 0x40 : 0x70);
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.map((x) => HEX[x]);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
}

export function createContext(
  target: SeedTarget,
  seed: number,
  now: number,
  scale: number,
): GeneratorContext {
  const random = mulberry32(seed);
  return {
    count: 0,
    scale,
    now,
    random,
    query: (text, params) => target.query(text, params),
    pick: <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T,
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
    chance: (p) => random() < p,
    gauss: () => (random() + random() + random() - 1.5) * 2,
  };
}

export interface TableOutcome {
  table: string;
  rows: number;
  seconds: number;
  /** Set when the table was not generated: why. */
  skipped?: string;
}

export interface RunOptions {
  generators: readonly TableGenerator[];
  /** Rows per table by flag (overrides defaultCount * scale). */
  counts?: Record<string, number>;
  scale?: number;
  /** Table names or flags to generate; all when null. */
  only?: readonly string[] | null;
  append?: boolean;
  seed?: number;
  now?: number;
  /** Progress lines; `final` marks a table's last one. */
  progress?(line: string, final: boolean): void;
  log?(line: string): void;
}

export function progressLine(table: string, done: number, total: number, startedAt: number): string {
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = done / Math.max(seconds, 0.001);
  const width = 24;
  const known = Number.isFinite(total);
  const filled = known ? Math.round((Math.min(done, total) / Math.max(total, 1)) * width) : 0;
  const eta = known && rate > 0 ? Math.round((total - done) / rate) : null;
  const bar = known ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]` : `[${'~'.repeat(width)}]`;
  const of = known ? `/${total.toLocaleString('en-US')}` : '';
  const tail = eta !== null && done < total ? `ETA ${eta}s` : `${seconds.toFixed(1)}s`;
  return `${table.padEnd(32)} ${bar} ${done.toLocaleString('en-US').padStart(11)}${of}  ${Math.round(
    rate,
  ).toLocaleString('en-US')} rows/s  ${tail}`;
}

/**
 * Generates every selected table in order. A generator whose table, columns or referenced rows
 * are missing is skipped with the reason; the others are emptied first (TRUNCATE ... CASCADE,
 * unless `append`), streamed with COPY, vacuumed and analysed.
 */
export async function runSeed(target: SeedTarget, options: RunOptions): Promise<TableOutcome[]> {
  const scale = options.scale ?? 1;
  const log = options.log ?? (() => {});
  const context = createContext(target, options.seed ?? 20_260_101, options.now ?? Date.now(), scale);
  const outcomes: TableOutcome[] = [];
  const skip = (table: string, reason: string) => {
    log(`${table.padEnd(32)} skipped: ${reason}`);
    outcomes.push({ table, rows: 0, seconds: 0, skipped: reason });
  };
  for (const generator of options.generators) {
    if (options.only && !options.only.includes(generator.table) && !options.only.includes(generator.flag))
      continue;
    const asked = options.counts?.[generator.flag];
    const count =
      asked !== undefined
        ? asked
        : generator.defaultCount === null
          ? Number.POSITIVE_INFINITY
          : generator.fixedCount
            ? generator.defaultCount
            : Math.max(1, Math.round(generator.defaultCount * scale));
    if (count <= 0) continue;
    const [schema, name] = generator.table.split('.') as [string, string];
    const columns = await target.query<{ column_name: string }>(
      'select column_name from information_schema.columns where table_schema = $1 and table_name = $2',
      [schema, name],
    );
    if (columns.length === 0) {
      skip(generator.table, 'the table does not exist (its subgraph has not been migrated)');
      continue;
    }
    const present = new Set(columns.map((c) => c.column_name));
    const missing = generator.columns.filter((column) => !present.has(column));
    if (missing.length > 0) {
      skip(
        generator.table,
        `the table has no column(s) ${missing.join(', ')}; update its generator in scripts/scale/generators.ts`,
      );
      continue;
    }
    let unmet: string | null = null;
    for (const reference of generator.references ?? []) {
      const [row] = await target.query(`select 1 as one from ${reference} limit 1`).catch(() => []);
      if (!row) {
        unmet = reference;
        break;
      }
    }
    if (unmet) {
      skip(generator.table, `it references ${unmet}, which has no rows`);
      continue;
    }
    const startedAt = Date.now();
    let done = 0;
    const load = async (into: SeedTarget) => {
      if (!options.append) await into.query(`TRUNCATE ${generator.table} CASCADE`);
      context.count = count;
      context.query = (text, params) => into.query(text, params);
      const rows = (await generator.source(context))[Symbol.iterator]();
      let lastPrint = 0;
      const print = (final: boolean) => {
        if (!final && Date.now() - lastPrint < 1000) return;
        lastPrint = Date.now();
        options.progress?.(progressLine(generator.table, done, count, startedAt), final);
      };
      async function* chunks() {
        const batch = 2000;
        let finished = false;
        while (!finished && done < count) {
          const lines: string[] = [];
          while (lines.length < batch && done < count) {
            const next = rows.next();
            if (next.done) {
              finished = true;
              break;
            }
            lines.push(next.value.map(encode).join('\t'));
            done += 1;
          }
          print(false);
          if (lines.length > 0) yield `${lines.join('\n')}\n`;
        }
      }
      await into.copy(generator.table, generator.columns, chunks());
      print(true);
    };
    if (generator.bulk && !options.append && target.transaction) {
      await target.transaction((tx) => bulkLoad(tx, generator.table, () => load(tx), log));
    } else {
      await load(target);
    }
    context.query = (text, params) => target.query(text, params);
    // VACUUM as well as ANALYZE: it empties GIN pending lists (which every search would otherwise
    // scan) and sets the visibility map, leaving the table as autovacuum would in production.
    await target.query(`VACUUM (ANALYZE) ${generator.table}`);
    if (generator.afterLoad) await target.query(generator.afterLoad);
    outcomes.push({ table: generator.table, rows: done, seconds: (Date.now() - startedAt) / 1000 });
  }
  return outcomes;
}

interface Definition {
  name: string;
  def: string;
}

/**
 * PostgreSQL's advice for populating an empty table: load it without indexes and foreign keys,
 * then build each index once (a sort instead of millions of random inserts) and check each
 * foreign key with one join. Runs inside the caller's transaction, so a failed or interrupted
 * load leaves the table as it was, indexes and all. Every constraint is checked again when it
 * is rebuilt. A primary key other tables' foreign keys need stays in place.
 */
export async function bulkLoad(
  tx: SeedTarget,
  table: string,
  load: () => Promise<void>,
  log: (line: string) => void = () => {},
): Promise<void> {
  const foreignKeys = await tx.query<Definition>(
    `select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid = $1::regclass and contype = 'f' order by conname`,
    [table],
  );
  const keys = await tx.query<Definition>(
    `select c.conname as name, pg_get_constraintdef(c.oid) as def from pg_constraint c
      where c.conrelid = $1::regclass and c.contype in ('p', 'u')
        and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid
                          and f.confrelid = c.conrelid)
      order by c.conname`,
    [table],
  );
  const indexes = await tx.query<Definition>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
      where i.indrelid = $1::regclass
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)
      order by 1`,
    [table],
  );
  for (const fk of foreignKeys) await tx.query(`ALTER TABLE ${table} DROP CONSTRAINT "${fk.name}"`);
  for (const index of indexes) await tx.query(`DROP INDEX ${index.name}`);
  for (const key of keys) await tx.query(`ALTER TABLE ${table} DROP CONSTRAINT "${key.name}"`);
  await load();
  await tx.query(`SET LOCAL maintenance_work_mem = '512MB'`);
  const rebuild = async (label: string, statement: string) => {
    const started = Date.now();
    await tx.query(statement);
    log(`${table.padEnd(32)} ${label} rebuilt in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  };
  for (const key of keys)
    await rebuild(key.name, `ALTER TABLE ${table} ADD CONSTRAINT "${key.name}" ${key.def}`);
  // A partitioned table's index definition reads "ON ONLY <table>"; built on the whole table it
  // cascades to every partition, as the migration's did.
  for (const index of indexes) await rebuild(index.name, index.def.replace(' ON ONLY ', ' ON '));
  for (const fk of foreignKeys)
    await rebuild(fk.name, `ALTER TABLE ${table} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
}
