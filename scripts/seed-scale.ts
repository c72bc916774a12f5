import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { hash } from '@node-rs/argon2';
import postgres from 'postgres';
import { loadEnv } from '../kit/env.js';
import { prepareDatabase, scaleDatabaseUrl } from './bench/environment.js';

/**
 * `npm run seed:scale [-- --users 100000 --health-metrics 10000000 ... | --scale 0.1]`
 *
 * Realistic data at volume for benchmarks, written with COPY ... FROM STDIN, against
 * DATABASE_URL or the local fitness_scale database (created and migrated if missing; never the
 * test database). Each table has a generator keyed by its name; a generator whose table (or one of
 * whose columns) the database does not have yet is skipped with a message. Tables are emptied
 * first (TRUNCATE ... CASCADE) unless --append.
 *
 * Users are seeded with the password `scale-password-123` so benchmarks can sign in as them.
 */
export const SCALE_PASSWORD = 'scale-password-123';

type Value = string | number | boolean | null | Date | object;

interface GeneratorContext {
  count: number;
  random: () => number;
  /** Ids written by generators that ran earlier in this run, by table. */
  ids: Map<string, string[]>;
  /** Ids already in the database for a table (when that table was not generated this run). */
  existingIds(table: string, limit?: number): Promise<string[]>;
  pick<T>(values: T[]): T;
  /** A timestamp within the last `months` months, uniformly. */
  pastDate(months: number): Date;
}

export interface TableGenerator {
  /** schema.table */
  table: string;
  /** The --flag that sets how many rows, and its default. */
  flag: string;
  defaultCount: number;
  columns: string[];
  /** Keep the generated ids for later generators (first column must be `id`). */
  keepIds?: boolean;
  /** Tables whose ids this one references (run first, or read from the database). */
  references?: string[];
  prepare?(context: GeneratorContext): Promise<void>;
  row(index: number, context: GeneratorContext): Value[];
}

const FIRST = [
  'Anna',
  'Boris',
  'Chen',
  'Dara',
  'Elif',
  'Femi',
  'Greta',
  'Hugo',
  'Ines',
  'Jon',
  'Kira',
  'Luis',
];
const LAST = [
  'Ivanova',
  'Smith',
  'Garcia',
  'Kowalski',
  'Tanaka',
  'Okafor',
  'Muller',
  'Rossi',
  'Nguyen',
  'Silva',
];
const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'PL', 'BR', 'IN', 'JP', 'NG', 'CA', 'AU', 'MX'];
const GENDERS = ['female', 'male', 'non-binary', null];
const LEVELS = ['beginner', 'intermediate', 'advanced'];
const TAGS = [
  'yoga',
  'hiit',
  'strength',
  'mobility',
  'running',
  'cycling',
  'nutrition',
  'recovery',
  'pilates',
  'boxing',
];
const WORDS = [
  'full',
  'body',
  'core',
  'power',
  'flow',
  'morning',
  'burn',
  'stretch',
  'endurance',
  'interval',
  'beginner',
  'advanced',
  'strength',
  'balance',
  'cardio',
  'recovery',
];

let passwordHash = '';

/** Every table the scale data covers; add a domain's tables here as its subgraph lands. */
export const GENERATORS: TableGenerator[] = [
  {
    table: 'identity.users',
    flag: 'users',
    defaultCount: 100_000,
    keepIds: true,
    columns: [
      'id',
      'email',
      'username',
      'password_hash',
      'first_name',
      'last_name',
      'date_of_birth',
      'gender',
      'country_code',
      'email_verified',
      'created_at',
      'updated_at',
    ],
    async prepare() {
      passwordHash ||= await hash(SCALE_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    },
    row(i, c) {
      const created = c.pastDate(24);
      const birth = new Date(
        Date.UTC(
          1950 + Math.floor(c.random() * 55),
          Math.floor(c.random() * 12),
          1 + Math.floor(c.random() * 28),
        ),
      );
      return [
        randomUUID(),
        `user${i}@scale.example.com`,
        `user_${i}`,
        passwordHash,
        c.pick(FIRST),
        c.pick(LAST),
        birth.toISOString().slice(0, 10),
        c.pick(GENDERS),
        c.pick(COUNTRIES),
        c.random() < 0.8,
        created,
        created,
      ];
    },
  },
  {
    table: 'training.trainers',
    flag: 'trainers',
    defaultCount: 1_000,
    keepIds: true,
    references: ['identity.users'],
    columns: ['id', 'user_id', 'specializations', 'certification_level', 'rating', 'verified', 'created_at'],
    row(i, c) {
      // The first users become the trainers: one trainer per user.
      const users = c.ids.get('identity.users') ?? [];
      return [
        randomUUID(),
        users[i % users.length] ?? null,
        [c.pick(TAGS), c.pick(TAGS)],
        c.pick(['BASIC', 'CERTIFIED', 'MASTER']),
        (3 + c.random() * 2).toFixed(2),
        c.random() < 0.7,
        c.pastDate(24),
      ];
    },
  },
  {
    table: 'training.workout_plans',
    flag: 'workout-plans',
    defaultCount: 10_000,
    keepIds: true,
    references: ['training.trainers'],
    columns: [
      'id',
      'trainer_id',
      'name',
      'description',
      'difficulty_level',
      'duration_weeks',
      'target_audience',
      'version',
      'is_published',
      'created_at',
    ],
    row(_i, c) {
      return [
        randomUUID(),
        c.pick(c.ids.get('training.trainers') ?? []),
        `${c.pick(WORDS)} ${c.pick(WORDS)} plan`,
        `A ${c.pick(WORDS)} programme for ${c.pick(WORDS)} and ${c.pick(WORDS)}.`,
        c.pick(LEVELS),
        1 + Math.floor(c.random() * 12),
        c.pick(['general', 'athletes', 'seniors', 'beginners']),
        1,
        c.random() < 0.8,
        c.pastDate(24),
      ];
    },
  },
  {
    table: 'training.workout_sessions',
    flag: 'workout-sessions',
    defaultCount: 500_000,
    references: ['identity.users', 'training.workout_plans'],
    columns: ['id', 'user_id', 'workout_plan_id', 'started_at', 'completed_at', 'status', 'duration_seconds'],
    row(_i, c) {
      const started = c.pastDate(24);
      const duration = 600 + Math.floor(c.random() * 4200);
      const completed = c.random() < 0.85;
      return [
        randomUUID(),
        c.pick(c.ids.get('identity.users') ?? []),
        c.pick(c.ids.get('training.workout_plans') ?? []),
        started,
        completed ? new Date(started.getTime() + duration * 1000) : null,
        completed ? 'COMPLETED' : 'ABANDONED',
        completed ? duration : null,
      ];
    },
  },
  {
    table: 'training.habits',
    flag: 'habits',
    defaultCount: 200_000,
    references: ['identity.users'],
    columns: ['id', 'user_id', 'name', 'frequency', 'created_at'],
    row(_i, c) {
      return [
        randomUUID(),
        c.pick(c.ids.get('identity.users') ?? []),
        `${c.pick(['Drink water', 'Stretch', 'Walk', 'Meditate', 'Sleep by 11', 'Protein'])}`,
        c.pick(['DAILY', 'WEEKLY']),
        c.pastDate(12),
      ];
    },
  },
  {
    table: 'billing.subscription_plans',
    flag: 'subscription-plans',
    defaultCount: 4,
    keepIds: true,
    columns: ['id', 'name', 'price_cents', 'currency', 'billing_period', 'is_active', 'created_at'],
    row(i) {
      const plans = [
        ['Basic', 999, 'MONTHLY'],
        ['Pro', 1999, 'MONTHLY'],
        ['Pro yearly', 19_900, 'YEARLY'],
        ['Coach', 4999, 'MONTHLY'],
      ] as const;
      const plan = plans[i % plans.length]!;
      return [
        randomUUID(),
        i < plans.length ? plan[0] : `${plan[0]} ${i}`,
        plan[1],
        'USD',
        plan[2],
        true,
        new Date(),
      ];
    },
  },
  {
    table: 'billing.subscriptions',
    flag: 'subscriptions',
    defaultCount: 60_000,
    references: ['identity.users', 'billing.subscription_plans'],
    columns: [
      'id',
      'user_id',
      'plan_id',
      'status',
      'current_period_start',
      'current_period_end',
      'created_at',
    ],
    row(i, c) {
      // One subscription per user at most: users in order.
      const users = c.ids.get('identity.users') ?? [];
      const start = c.pastDate(1);
      return [
        randomUUID(),
        users[i % users.length] ?? null,
        c.pick(c.ids.get('billing.subscription_plans') ?? []),
        c.random() < 0.85 ? 'ACTIVE' : 'CANCELED',
        start,
        new Date(start.getTime() + 30 * 86_400_000),
        c.pastDate(24),
      ];
    },
  },
  {
    table: 'content.content_items',
    flag: 'content-items',
    defaultCount: 100_000,
    references: ['training.trainers'],
    columns: [
      'id',
      'creator_id',
      'type',
      'title',
      'description',
      'content_url',
      'tags',
      'difficulty_level',
      'is_published',
      'view_count',
      'created_at',
    ],
    row(i, c) {
      const title = `${c.pick(WORDS)} ${c.pick(WORDS)} ${c.pick(TAGS)} ${i}`;
      return [
        randomUUID(),
        c.pick(c.ids.get('training.trainers') ?? []),
        c.pick(['VIDEO', 'ARTICLE', 'RECIPE']),
        title,
        `Learn ${c.pick(WORDS)} ${c.pick(TAGS)} with a ${c.pick(WORDS)} ${c.pick(WORDS)} routine for ${c.pick(LEVELS)} athletes.`,
        `https://cdn.example.com/content/${i}`,
        [c.pick(TAGS), c.pick(TAGS)],
        c.pick(LEVELS),
        c.random() < 0.9,
        Math.floor(c.random() * 50_000),
        c.pastDate(24),
      ];
    },
  },
  {
    table: 'health.health_metrics',
    flag: 'health-metrics',
    defaultCount: 10_000_000,
    references: ['identity.users'],
    columns: [
      'id',
      'user_id',
      'metric_type',
      'value',
      'unit',
      'source',
      'recorded_date',
      'synced_at',
      'created_at',
    ],
    row(_i, c) {
      const type = c.pick(METRICS);
      const recorded = c.pastDate(24);
      return [
        randomUUID(),
        // A tenth of the users carry the samples, as wearables owners do.
        pickFromHead(c, c.ids.get('identity.users') ?? [], 0.1),
        type.name,
        (type.min + c.random() * (type.max - type.min)).toFixed(2),
        type.unit,
        c.pick(['APPLE_HEALTH', 'GOOGLE_FIT', 'GARMIN', 'FITBIT', 'MANUAL']),
        recorded,
        recorded,
        recorded,
      ];
    },
  },
  {
    table: 'analytics.analytics_events',
    flag: 'analytics-events',
    defaultCount: 5_000_000,
    references: ['identity.users'],
    columns: ['id', 'user_id', 'event_type', 'event_data', 'source', 'device_info', 'created_at'],
    row(_i, c) {
      return [
        randomUUID(),
        c.random() < 0.95 ? c.pick(c.ids.get('identity.users') ?? []) : null,
        c.pick([
          'signup',
          'login',
          'workout_complete',
          'content_view',
          'habit_logged',
          'subscription_started',
        ]),
        { screen: c.pick(WORDS), durationMs: Math.floor(c.random() * 60_000) },
        c.pick(['web', 'ios', 'android']),
        { os: c.pick(['iOS 18', 'Android 15', 'macOS', 'Windows']), app: '3.2.1' },
        c.pastDate(24),
      ];
    },
  },
];

const METRICS = [
  { name: 'STEPS', unit: 'count', min: 500, max: 20_000 },
  { name: 'HEART_RATE', unit: 'bpm', min: 50, max: 180 },
  { name: 'CALORIES', unit: 'kcal', min: 50, max: 900 },
  { name: 'SLEEP', unit: 'minutes', min: 240, max: 600 },
];

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
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function progressLine(table: string, done: number, total: number, startedAt: number): string {
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = done / Math.max(seconds, 0.001);
  const width = 24;
  const filled = Math.round((done / total) * width);
  const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
  return `${table.padEnd(28)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done
    .toLocaleString('en-US')
    .padStart(11)}/${total.toLocaleString('en-US')}  ${Math.round(rate).toLocaleString('en-US')} rows/s  ${
    done < total ? `ETA ${eta}s` : `${seconds.toFixed(1)}s`
  }`;
}

async function main() {
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    scale: { type: 'string' },
    only: { type: 'string' },
    append: { type: 'boolean' },
  };
  for (const generator of GENERATORS) options[generator.flag] = { type: 'string' };
  const { values } = parseArgs({ options });
  const scale = Number(values.scale ?? 1);
  const only = typeof values.only === 'string' ? values.only.split(',') : null;

  const url = scaleDatabaseUrl(loadEnv());
  console.log(`seed:scale into ${new URL(url).pathname.slice(1)} on ${new URL(url).host}`);
  await prepareDatabase(url);
  const sql = postgres(url, { max: 2, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
  const random = mulberry32(20_260_101);
  const now = Date.now();
  const ids = new Map<string, string[]>();
  const context: GeneratorContext = {
    count: 0,
    random,
    ids,
    pick: <T>(values: T[]) => values[Math.floor(random() * values.length)] as T,
    pastDate: (months) => new Date(now - random() * months * 30.44 * 86_400_000),
    existingIds: async (table, limit = 1_000_000) => {
      const rows = await sql.unsafe(`SELECT id FROM ${table} LIMIT ${limit}`);
      return rows.map((row) => String(row.id));
    },
  };

  const tty = process.stderr.isTTY;
  const summary: [string, string][] = [];
  try {
    for (const generator of GENERATORS) {
      if (only && !only.includes(generator.table) && !only.includes(generator.flag)) continue;
      const flagValue = values[generator.flag];
      const count =
        typeof flagValue === 'string'
          ? Number(flagValue)
          : Math.max(1, Math.round(generator.defaultCount * scale));
      if (count <= 0) continue;
      const [schema, name] = generator.table.split('.') as [string, string];
      const columns = await sql<{ column_name: string }[]>`
        select column_name from information_schema.columns where table_schema = ${schema} and table_name = ${name}`;
      if (columns.length === 0) {
        console.log(
          `${generator.table.padEnd(28)} skipped: the table does not exist yet (its subgraph's migrations have not landed)`,
        );
        summary.push([generator.table, 'skipped (no table)']);
        continue;
      }
      const present = new Set(columns.map((c) => c.column_name));
      const missing = generator.columns.filter((column) => !present.has(column));
      if (missing.length > 0) {
        console.log(
          `${generator.table.padEnd(28)} skipped: the table has no column(s) ${missing.join(', ')}; update its generator in scripts/seed-scale.ts`,
        );
        summary.push([generator.table, `skipped (columns ${missing.join(', ')})`]);
        continue;
      }
      let unmet = false;
      for (const reference of generator.references ?? []) {
        if (!ids.has(reference)) ids.set(reference, await context.existingIds(reference).catch(() => []));
        if ((ids.get(reference) ?? []).length === 0) {
          console.log(`${generator.table.padEnd(28)} skipped: it references ${reference}, which has no rows`);
          summary.push([generator.table, `skipped (no ${reference} rows)`]);
          unmet = true;
          break;
        }
      }
      if (unmet) continue;
      if (!values.append) await sql.unsafe(`TRUNCATE ${generator.table} CASCADE`);
      // A truncated table's ids, kept from an earlier step, would point at nothing.
      for (const [table] of ids)
        if (table !== generator.table && !values.append && dependsOn(table, generator.table))
          ids.delete(table);

      context.count = count;
      await generator.prepare?.(context);
      const kept: string[] = [];
      const startedAt = Date.now();
      let done = 0;
      let lastPrint = 0;
      const print = (final = false) => {
        const line = progressLine(generator.table, done, count, startedAt);
        if (tty) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
        else if (final || Date.now() - lastPrint > 5000) {
          console.log(line);
          lastPrint = Date.now();
        }
      };
      async function* chunks() {
        const batch = 2000;
        for (let start = 0; start < count; start += batch) {
          const lines: string[] = [];
          for (let i = start; i < Math.min(count, start + batch); i++) {
            const values = generator.row(i, context);
            if (generator.keepIds) kept.push(String(values[0]));
            lines.push(values.map(encode).join('\t'));
          }
          done = Math.min(count, start + batch);
          if (done % 50_000 < batch || done === count) print();
          yield `${lines.join('\n')}\n`;
        }
      }
      const writable = await sql
        .unsafe(`COPY ${generator.table} (${generator.columns.join(', ')}) FROM STDIN`)
        .writable();
      await pipeline(Readable.from(chunks()), writable);
      print(true);
      if (generator.keepIds) ids.set(generator.table, kept);
      await sql.unsafe(`ANALYZE ${generator.table}`);
      summary.push([
        generator.table,
        `${count.toLocaleString('en-US')} rows in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
      ]);
    }
  } finally {
    await sql.end();
  }
  console.log('\nsummary');
  for (const [table, outcome] of summary) console.log(`  ${table.padEnd(28)} ${outcome}`);
}

function pickFromHead<T>(c: GeneratorContext, values: T[], share: number): T {
  return values[Math.floor(c.random() * Math.max(1, Math.floor(values.length * share)))] as T;
}

/** True when `table` refers to `target`, so truncating the target (CASCADE) emptied it too. */
function dependsOn(table: string, target: string): boolean {
  const generator = GENERATORS.find((g) => g.table === table);
  return Boolean(
    generator?.references?.some((reference) => reference === target || dependsOn(reference, target)),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
