import { hash } from '@node-rs/argon2';
import { addDays, addMonths } from '../../kit/calendar-dates.js';
import type { GeneratorContext, TableGenerator, Value } from './core.js';
import { uuid4, uuid7 } from './core.js';
import {
  ACTIVITIES,
  ADJECTIVES,
  AUDIENCES,
  COUNTRIES,
  FIRST_NAMES,
  FORMATS,
  GOALS,
  HABITS,
  LAST_NAMES,
  RARE_TERMS,
  RU_SENTENCES,
  RU_TITLES,
  SENTENCES,
  TAGS,
} from './text.js';

/** A plan's period in months, as billing charges it (monthly, quarterly, annual). */
const PERIOD_MONTHS = { monthly: 1, quarterly: 3, annual: 12 } as const;
const addPeriod = (date: string, period: keyof typeof PERIOD_MONTHS) =>
  addMonths(date, PERIOD_MONTHS[period]);

/**
 * What each table of the scale data holds. Rows follow the data model (seed/erd.md) and every
 * constraint of the migrations: foreign keys point at rows generated before, unique keys are
 * unique by construction, statuses and dates follow the domain rules (a completed workout has
 * its end and duration, an active subscription's paid periods have completed payments, a
 * published plan has a frozen version per publish). Instants lie in the 24 months before now.
 *
 * Parents are read back from the database rather than kept in memory, so `--only` can
 * regenerate one table on top of data seeded earlier.
 */
export const SCALE_PASSWORD = 'scale-password-123';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MONTHS = 24;
const SPAN = Math.round(MONTHS * 30.44) * DAY;

const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => iso(ms).slice(0, 10);
const dayStart = (ms: number) => Math.floor(ms / DAY) * DAY;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round2 = (value: number) => Math.round(value * 100) / 100;

/** An instant between `from` and `to`, uniformly. */
const between = (c: GeneratorContext, from: number, to: number) => from + c.random() * Math.max(0, to - from);

/** Distinct values, `n` of them at most. */
function sample<T>(c: GeneratorContext, values: readonly T[], n: number): T[] {
  const out: T[] = [];
  for (let tries = 0; out.length < Math.min(n, values.length) && tries < n * 10; tries++) {
    const value = c.pick(values);
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

/** An index in [0, n) favouring the low end (a few prolific trainers, many occasional ones). */
const skewed = (c: GeneratorContext, n: number, power = 2) => Math.floor(n * c.random() ** power);

interface Users {
  ids: string[];
  /** created_at in ms, ascending. */
  created: Float64Array;
}

/** Live users by sign-up time, oldest first. */
async function loadUsers(c: GeneratorContext): Promise<Users> {
  const rows = await c.query<{ id: string; created: number }>(
    `select id, (extract(epoch from created_at) * 1000)::float8 as created
       from identity.users where deleted_at is null and email like '%@scale.example.com'
      order by created_at, id`,
  );
  return { ids: rows.map((r) => r.id), created: Float64Array.from(rows, (r) => Number(r.created)) };
}

/** How many of the (sorted) users had signed up by `ms`. */
function signedUpBy(users: Users, ms: number): number {
  let lo = 0;
  let hi = users.created.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((users.created[mid] as number) <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const users: TableGenerator = {
  table: 'identity.users',
  flag: 'users',
  defaultCount: 100_000,
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
    'two_factor_enabled',
    'is_active',
    'created_at',
    'updated_at',
  ],
  async source(c) {
    // One argon2id hash for all: seeded users sign in with SCALE_PASSWORD.
    const passwordHash = await hash(SCALE_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    // With --append the numbering continues, so emails and usernames stay unique.
    const [existing] = await c.query<{ n: number }>(
      `select count(*)::int as n from identity.users where email like '%@scale.example.com'`,
    );
    const offset = Number(existing?.n ?? 0);
    return (function* () {
      for (let n = offset; ; n++) {
        // Sign-ups grow over the 24 months: more recent accounts than old ones.
        const created = c.now - SPAN * (1 - Math.sqrt(c.random()));
        const birth = Date.UTC(1955 + c.int(0, 50), c.int(0, 11), c.int(1, 28));
        const updated = between(c, created, c.now);
        yield [
          uuid4(c.random),
          `user${n}@scale.example.com`,
          `user_${n}`,
          passwordHash,
          c.pick(FIRST_NAMES),
          c.pick(LAST_NAMES),
          dateOf(birth),
          c.pick(['female', 'male', 'female', 'male', 'non-binary', null]),
          c.pick(COUNTRIES),
          c.chance(0.85),
          c.chance(0.08),
          c.chance(0.97),
          iso(created),
          iso(updated),
        ];
      }
    })();
  },
};

const trainers: TableGenerator = {
  table: 'training.trainers',
  flag: 'trainers',
  defaultCount: 1_000,
  references: ['identity.users'],
  columns: [
    'id',
    'user_id',
    'specializations',
    'certification_level',
    'rating',
    'ratings_count',
    'verified',
    'verified_at',
    'created_at',
  ],
  async source(c) {
    const all = await loadUsers(c);
    const count = Math.min(c.count, all.ids.length);
    return (function* () {
      for (let i = 0; i < count; i++) {
        // Spread over the user base (one trainer profile per user at most).
        const u = Math.floor((i * all.ids.length) / count);
        const created = between(c, all.created[u] as number, c.now);
        const verified = c.chance(0.7);
        // rating and ratings_count come together (content reports both; null with no ratings).
        const rated = !c.chance(0.1);
        yield [
          uuid4(c.random),
          all.ids[u] as string,
          sample(c, TAGS, c.int(1, 3)),
          c.pick(['basic', 'basic', 'advanced', 'advanced', 'master']),
          rated ? round2(clamp(4.3 + c.gauss() * 0.4, 1, 5)).toFixed(2) : null,
          rated ? c.int(1, 300) : 0,
          verified,
          verified ? iso(between(c, created, c.now)) : null,
          iso(created),
        ];
      }
    })();
  },
};

async function loadTrainers(c: GeneratorContext) {
  const rows = await c.query<{ id: string; created: number }>(
    `select id, (extract(epoch from created_at) * 1000)::float8 as created from training.trainers order by created_at, id`,
  );
  return rows.map((r) => ({ id: r.id, created: Number(r.created) }));
}

const DIFFICULTIES = ['beginner', 'beginner', 'intermediate', 'intermediate', 'advanced'] as const;

const workoutPlans: TableGenerator = {
  table: 'training.workout_plans',
  flag: 'workout-plans',
  defaultCount: 10_000,
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
    'has_unpublished_changes',
    'created_at',
    'updated_at',
    'published_at',
  ],
  async source(c) {
    const list = await loadTrainers(c);
    return (function* () {
      for (;;) {
        const trainer = list[skewed(c, list.length)]!;
        const weeks = c.pick([2, 4, 4, 6, 8, 8, 12, 12, 16]);
        const goal = c.pick(GOALS);
        const activity = c.pick(ACTIVITIES);
        const created = between(c, trainer.created, c.now);
        const published = c.chance(0.8);
        const version = published ? c.pick([1, 1, 1, 2, 2, 3, 4]) : 0;
        const publishedAt = published ? between(c, created, c.now) : null;
        const changes = !published || c.chance(0.15);
        const updated =
          publishedAt !== null && !changes ? publishedAt : between(c, publishedAt ?? created, c.now);
        yield [
          uuid4(c.random),
          trainer.id,
          c
            .pick([
              `${weeks}-week ${activity} plan for ${goal}`,
              `${capitalize(c.pick(ADJECTIVES))} ${activity} ${c.pick(FORMATS)}`,
              `${capitalize(goal)}: ${weeks} weeks of ${activity}`,
            ])
            .slice(0, 120),
          `${weeks} weeks of ${activity} for ${c.pick(AUDIENCES)}, aimed at ${goal}. ${c.pick(SENTENCES)}`,
          c.pick(DIFFICULTIES),
          weeks,
          c.pick(AUDIENCES),
          version,
          published,
          changes,
          iso(created),
          iso(updated),
          publishedAt === null ? null : iso(publishedAt),
        ];
      }
    })();
  },
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const workoutPlanExercises: TableGenerator = {
  table: 'training.workout_plan_exercises',
  flag: 'workout-plan-exercises',
  defaultCount: null,
  references: ['training.workout_plans', 'training.exercises'],
  columns: [
    'id',
    'workout_plan_id',
    'exercise_id',
    'sequence_num',
    'sets',
    'reps',
    'weight_kg',
    'rest_seconds',
  ],
  async source(c) {
    const plans = await c.query<{ id: string }>('select id from training.workout_plans order by id');
    const catalogue = (await c.query<{ id: string }>('select id from training.exercises order by name')).map(
      (r) => r.id,
    );
    return (function* () {
      for (const plan of plans) {
        const chosen = sample(c, catalogue, c.int(4, 10));
        for (const [i, exercise] of chosen.entries()) {
          yield [
            uuid4(c.random),
            plan.id,
            exercise,
            i + 1,
            c.int(2, 5),
            c.pick([5, 6, 8, 8, 10, 10, 12, 12, 15, 20, 30]),
            c.chance(0.4) ? null : (c.int(2, 56) * 2.5).toFixed(2),
            c.pick([30, 45, 60, 60, 90, 120, 180]),
          ];
        }
      }
    })();
  },
};

const workoutPlanVersions: TableGenerator = {
  table: 'training.workout_plan_versions',
  flag: 'workout-plan-versions',
  defaultCount: null,
  references: ['training.workout_plans'],
  columns: [
    'workout_plan_id',
    'version',
    'name',
    'description',
    'difficulty_level',
    'duration_weeks',
    'target_audience',
    'exercises',
    'published_at',
  ],
  async source(c) {
    const plans = await c.query<{
      id: string;
      version: number;
      name: string;
      description: string | null;
      difficulty_level: string;
      duration_weeks: number;
      target_audience: string | null;
      created: number;
      published: number;
    }>(`select id, version, name, description, difficulty_level, duration_weeks, target_audience,
              (extract(epoch from created_at) * 1000)::float8 as created,
              (extract(epoch from published_at) * 1000)::float8 as published
         from training.workout_plans where version > 0 order by id`);
    const lines = await c.query<{
      id: string;
      workout_plan_id: string;
      exercise_id: string;
      sequence_num: number;
      sets: number;
      reps: number;
      weight_kg: string | null;
      rest_seconds: number;
    }>(
      `select e.* from training.workout_plan_exercises e
         join training.workout_plans p on p.id = e.workout_plan_id
        where p.version > 0 order by e.workout_plan_id, e.sequence_num`,
    );
    const byPlan = new Map<string, object[]>();
    for (const line of lines) {
      const list = byPlan.get(line.workout_plan_id) ?? [];
      list.push({
        id: line.id,
        exerciseId: line.exercise_id,
        sequenceNum: line.sequence_num,
        sets: line.sets,
        reps: line.reps,
        weightKg: line.weight_kg,
        restSeconds: line.rest_seconds,
      });
      byPlan.set(line.workout_plan_id, list);
    }
    return (function* () {
      for (const plan of plans) {
        const created = Number(plan.created);
        const last = Number(plan.published);
        for (let v = 1; v <= plan.version; v++) {
          // Earlier versions were published between creation and the latest publish.
          const at = v === plan.version ? last : created + ((last - created) * v) / (plan.version + 1);
          yield [
            plan.id,
            v,
            plan.name,
            plan.description,
            plan.difficulty_level,
            plan.duration_weeks,
            plan.target_audience,
            byPlan.get(plan.id) ?? [],
            iso(at),
          ];
        }
      }
    })();
  },
};

const workoutSessions: TableGenerator = {
  table: 'training.workout_sessions',
  flag: 'workout-sessions',
  bulk: true,
  defaultCount: 500_000,
  references: ['identity.users'],
  columns: [
    'id',
    'user_id',
    'workout_plan_id',
    'workout_plan_version',
    'started_at',
    'completed_at',
    'status',
    'duration_seconds',
    'intensity_level',
    'notes',
  ],
  async source(c) {
    const all = await loadUsers(c);
    const plans = await c.query<{ id: string; version: number; published: number }>(
      `select workout_plan_id as id, version, (extract(epoch from published_at) * 1000)::float8 as published
         from training.workout_plan_versions order by workout_plan_id, version`,
    );
    // A third of the users work out; among them a few train far more often than the rest.
    const athletes = all.ids.map((_, i) => i).filter((i) => i % 3 === 0);
    return (function* () {
      for (;;) {
        const u = athletes[skewed(c, athletes.length, 1.6)] as number;
        const started = between(c, Math.max(all.created[u] as number, c.now - SPAN), c.now - 10 * 60_000);
        const version = plans.length > 0 && c.chance(0.75) ? c.pick(plans) : null;
        const recent = c.now - started < 3 * HOUR;
        const status = recent && c.chance(0.5) ? 'in_progress' : c.chance(0.87) ? 'completed' : 'abandoned';
        const duration = c.int(15, 90) * 60;
        const completed = status === 'completed' ? Math.min(c.now, started + duration * 1000) : null;
        yield [
          uuid4(c.random),
          all.ids[u] as string,
          version?.id ?? null,
          version?.version ?? null,
          iso(started),
          completed === null ? null : iso(completed),
          status,
          completed === null ? null : Math.round((completed - started) / 1000),
          status === 'completed'
            ? c.pick(['low', 'moderate', 'moderate', 'high', 'high', 'maximal', null])
            : null,
          status === 'completed' && c.chance(0.1)
            ? c.pick(['Felt strong today', 'Knee a bit sore', 'New personal best!', 'Short on time'])
            : null,
        ];
      }
    })();
  },
};

const habits: TableGenerator = {
  table: 'training.habits',
  flag: 'habits',
  defaultCount: 200_000,
  references: ['identity.users'],
  columns: [
    'id',
    'user_id',
    'name',
    'category',
    'target_value',
    'unit',
    'frequency_per_week',
    'is_active',
    'created_at',
  ],
  async source(c) {
    const all = await loadUsers(c);
    return (function* () {
      for (;;) {
        const u = c.int(0, all.ids.length - 1);
        const template = c.pick(HABITS);
        yield [
          uuid4(c.random),
          all.ids[u] as string,
          template.name,
          template.category,
          template.target,
          template.unit,
          c.chance(0.6) ? 7 : c.int(2, 5),
          c.chance(0.8),
          iso(between(c, Math.max(all.created[u] as number, c.now - 365 * DAY), c.now - DAY)),
        ];
      }
    })();
  },
};

const habitLogs: TableGenerator = {
  table: 'training.habit_logs',
  flag: 'habit-logs',
  bulk: true,
  defaultCount: 2_000_000,
  references: ['training.habits'],
  columns: ['id', 'habit_id', 'logged_date', 'value', 'completed', 'created_at', 'updated_at'],
  async source(c) {
    const list = await c.query<{
      id: string;
      created: number;
      frequency: number;
      active: boolean;
      target: number | null;
    }>(`select id, (extract(epoch from created_at) * 1000)::float8 as created,
               frequency_per_week as frequency, is_active as active, target_value as target
          from training.habits order by id`);
    // Each habit is logged over a stretch of days whose mean length spends the row budget;
    // an active habit's stretch runs to today, so current streaks exist.
    const meanDays = Number.isFinite(c.count) ? Math.max(3, c.count / Math.max(1, list.length) / 0.6) : 20;
    const today = dayStart(c.now);
    return (function* () {
      for (const habit of list) {
        const first = dayStart(Number(habit.created)) + DAY;
        if (first > today) continue;
        const length = Math.max(1, Math.round(-Math.log(1 - c.random()) * meanDays));
        const start = habit.active ? Math.max(first, today - (length - 1) * DAY) : first;
        const end = habit.active ? today : Math.min(today, first + (length - 1) * DAY);
        // Daily habits run in streaks with gaps; weekly ones hit their count on some days of the week.
        let done = c.chance(0.7);
        for (let day = start; day <= end; day += DAY) {
          done =
            habit.frequency >= 7
              ? done
                ? c.chance(0.9)
                : c.chance(0.45)
              : c.chance((habit.frequency / 7) * 1.05);
          if (!done) continue;
          const target = habit.target;
          const value = target === null ? null : Math.max(0, Math.round(target * (0.75 + c.random() * 0.5)));
          const at = Math.min(c.now, day + c.int(7, 22) * HOUR + c.int(0, 59) * 60_000);
          yield [
            uuid4(c.random),
            habit.id,
            dateOf(day),
            value,
            value === null || target === null || value >= target * 0.9,
            iso(at),
            iso(at),
          ];
        }
      }
    })();
  },
};

const PLANS = [
  {
    name: 'Basic',
    description: 'Workout plans and habit tracking.',
    price: 999,
    currency: 'USD',
    period: 'monthly',
    trial: 7,
    features: ['plans', 'habits'],
    courses: 3,
    trainers: 1,
  },
  {
    name: 'Premium',
    description: 'Everything in Basic, all courses and health integrations.',
    price: 1999,
    currency: 'USD',
    period: 'monthly',
    trial: 14,
    features: ['plans', 'habits', 'courses', 'integrations'],
    courses: null,
    trainers: 3,
  },
  {
    name: 'Premium quarterly',
    description: 'Premium, billed every three months.',
    price: 4999,
    currency: 'USD',
    period: 'quarterly',
    trial: 0,
    features: ['plans', 'habits', 'courses', 'integrations'],
    courses: null,
    trainers: 3,
  },
  {
    name: 'Premium annual',
    description: 'Premium, billed once a year.',
    price: 17_999,
    currency: 'USD',
    period: 'annual',
    trial: 14,
    features: ['plans', 'habits', 'courses', 'integrations'],
    courses: null,
    trainers: 3,
  },
  {
    name: 'Coach',
    description: 'Premium plus one-to-one coaching with your trainer.',
    price: 4999,
    currency: 'EUR',
    period: 'monthly',
    trial: 0,
    features: ['plans', 'habits', 'courses', 'integrations', 'coaching'],
    courses: null,
    trainers: null,
  },
  {
    name: 'Базовый',
    description: 'Планы тренировок и привычки.',
    price: 49_900,
    currency: 'RUB',
    period: 'monthly',
    trial: 7,
    features: ['plans', 'habits'],
    courses: 3,
    trainers: 1,
  },
] as const;

const subscriptionPlans: TableGenerator = {
  table: 'billing.subscription_plans',
  flag: 'subscription-plans',
  defaultCount: PLANS.length,
  fixedCount: true,
  columns: [
    'id',
    'name',
    'description',
    'price_cents',
    'currency',
    'billing_period',
    'trial_period_days',
    'features',
    'max_courses',
    'max_trainers',
    'is_active',
    'created_at',
  ],
  async source(c) {
    return (function* () {
      for (let i = 0; ; i++) {
        const plan = PLANS[i % PLANS.length]!;
        yield [
          uuid4(c.random),
          i < PLANS.length ? plan.name : `${plan.name} ${Math.floor(i / PLANS.length) + 1}`,
          plan.description,
          plan.price,
          plan.currency,
          plan.period,
          plan.trial,
          plan.features,
          plan.courses,
          plan.trainers,
          i < PLANS.length,
          iso(c.now - SPAN - 30 * DAY),
        ];
      }
    })();
  },
};

const GATEWAYS = ['stripe', 'stripe', 'stripe', 'yandex_kassa', 'sberbank', 'webmoney'] as const;

const subscriptions: TableGenerator = {
  table: 'billing.subscriptions',
  flag: 'subscriptions',
  defaultCount: 60_000,
  references: ['identity.users', 'billing.subscription_plans'],
  columns: [
    'id',
    'user_id',
    'plan_id',
    'status',
    'start_date',
    'end_date',
    'renewal_date',
    'auto_renewal',
    'payment_gateway',
    'payment_method',
    'gateway_customer_id',
    'is_trial',
    'trial_end_date',
    'created_at',
    'canceled_at',
  ],
  async source(c) {
    const all = await loadUsers(c);
    const plans = await c.query<{ id: string; period: 'monthly' | 'quarterly' | 'annual'; trial: number }>(
      `select id, billing_period as period, trial_period_days as trial from billing.subscription_plans
        where is_active order by created_at, name`,
    );
    const today = dateOf(c.now);
    const n = all.ids.length;
    // A step coprime with n walks every user once: one subscription per user, so the "one live
    // subscription per user" index always holds.
    let step = Math.max(1, Math.floor(n * 0.618));
    while (gcd(step, n) !== 1) step++;
    const count = Math.min(c.count, n);
    return (function* () {
      for (let i = 0; i < count; i++) {
        const u = (i * step) % n;
        const plan = c.pick(plans);
        const startMs = between(c, Math.max(all.created[u] as number, c.now - SPAN), c.now);
        const start = dateOf(startMs);
        const gateway = c.pick(GATEWAYS);
        const roll = c.random();
        const state = {
          status: 'active',
          end: null as string | null,
          renewal: null as string | null,
          auto: true,
          trial: false,
          trialEnd: null as string | null,
          canceled: null as number | null,
        };
        const trialEnd = plan.trial > 0 ? addDays(start, plan.trial) : null;
        // Paid periods start after the trial; step through them to today.
        let periodEnd = trialEnd ?? addPeriod(start, plan.period);
        if (plan.trial === 0 && c.now - startMs < 3 * DAY && roll < 0.3) {
          // A paid plan waiting for its first payment.
          Object.assign(state, { status: 'pending', end: periodEnd, renewal: start });
        } else if (roll < 0.72) {
          while (periodEnd <= today) periodEnd = addPeriod(periodEnd, plan.period);
          const inTrial = trialEnd !== null && trialEnd > today;
          const cancelAtEnd = c.chance(0.08);
          Object.assign(state, {
            end: periodEnd,
            renewal: periodEnd,
            auto: !cancelAtEnd,
            trial: inTrial,
            trialEnd: inTrial ? trialEnd : null,
            canceled: cancelAtEnd ? between(c, startMs, c.now) : null,
          });
        } else {
          // Over: canceled by the user at some point, or expired (renewal failed, auto-renewal off).
          const stopMs = between(c, startMs, c.now);
          while (periodEnd < dateOf(stopMs)) periodEnd = addPeriod(periodEnd, plan.period);
          const canceled = c.chance(0.55);
          Object.assign(state, {
            status: canceled ? 'canceled' : 'expired',
            end: periodEnd > today && !canceled ? today : periodEnd,
            renewal: null,
            auto: false,
            canceled: canceled ? stopMs : null,
          });
        }
        yield [
          uuid4(c.random),
          all.ids[u] as string,
          plan.id,
          state.status,
          start,
          state.end,
          state.renewal,
          state.auto,
          gateway,
          gateway === 'stripe' ? `pm_${uuid4(c.random).replaceAll('-', '').slice(0, 24)}` : uuid4(c.random),
          gateway === 'stripe' ? `cus_${uuid4(c.random).replaceAll('-', '').slice(0, 14)}` : null,
          state.trial,
          state.trialEnd,
          iso(startMs),
          state.canceled === null ? null : iso(state.canceled),
        ];
      }
    })();
  },
};

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

const payments: TableGenerator = {
  table: 'billing.payments',
  flag: 'payments',
  defaultCount: null,
  references: ['billing.subscriptions'],
  columns: [
    'id',
    'subscription_id',
    'amount_cents',
    'currency',
    'status',
    'payment_method',
    'payment_gateway',
    'payment_intent_id',
    'card_last_4',
    'idempotency_key',
    'created_at',
    'processed_at',
    'payer_name',
    'payer_country',
    'period_start',
    'period_end',
    'failure_reason',
  ],
  async source(c) {
    const list = await c.query<{
      id: string;
      status: string;
      start: string;
      end: string | null;
      gateway: string;
      method: string;
      price: number;
      currency: string;
      period: 'monthly' | 'quarterly' | 'annual';
      trial: number;
      first_name: string | null;
      last_name: string | null;
      country: string | null;
    }>(`select s.id, s.status, s.start_date::text as start, s.end_date::text as "end",
               s.payment_gateway as gateway, s.payment_method as method, p.price_cents as price,
               p.currency, p.billing_period as period, p.trial_period_days as trial,
               u.first_name, u.last_name, u.country_code as country
          from billing.subscriptions s
          join billing.subscription_plans p on p.id = s.plan_id
          join identity.users u on u.id = s.user_id
         order by s.id`);
    return (function* () {
      for (const s of list) {
        const payer = s.first_name ? `${s.first_name} ${s.last_name ?? ''}`.trim() : null;
        const card = String(c.int(0, 9999)).padStart(4, '0');
        const base = (periodStart: string, periodEnd: string, status: string, key: string): Value[] => {
          const created = Math.min(c.now, Date.parse(`${periodStart}T00:00:00Z`) + c.int(0, 6) * HOUR);
          return [
            uuid4(c.random),
            s.id,
            s.price,
            s.currency,
            status,
            s.method,
            s.gateway,
            `${s.gateway === 'stripe' ? 'pi_' : ''}${uuid4(c.random).replaceAll('-', '')}`,
            s.gateway === 'stripe' || s.gateway === 'sberbank' ? card : null,
            key,
            iso(created),
            status === 'pending' ? null : iso(Math.min(c.now, created + c.int(1, 30) * 1000)),
            payer,
            s.country,
            periodStart,
            periodEnd,
            status === 'failed' ? c.pick(['card_declined', 'insufficient_funds', 'expired_card']) : null,
          ];
        };
        if (s.status === 'pending') {
          yield base(s.start, s.end ?? addPeriod(s.start, s.period), 'pending', `subscribe:${s.id}`);
          continue;
        }
        let periodStart = s.trial > 0 ? addDays(s.start, s.trial) : s.start;
        const end = s.end ?? periodStart;
        let first = true;
        while (periodStart < end) {
          const periodEnd = addPeriod(periodStart, s.period);
          const key = first && s.trial === 0 ? `subscribe:${s.id}` : `renewal:${s.id}:${periodStart}`;
          // Now and then a renewal is declined once and goes through on the retry.
          if (!first && c.chance(0.03)) yield base(periodStart, periodEnd, 'failed', `${key}:attempt-1`);
          yield base(periodStart, periodEnd, c.chance(0.005) ? 'refunded' : 'completed', key);
          first = false;
          periodStart = periodEnd;
        }
      }
    })();
  },
};

const refunds: TableGenerator = {
  table: 'billing.refunds',
  flag: 'refunds',
  defaultCount: null,
  references: ['billing.payments'],
  columns: [
    'id',
    'payment_id',
    'amount_cents',
    'reason',
    'status',
    'gateway_refund_id',
    'created_at',
    'processed_at',
  ],
  async source(c) {
    const list = await c.query<{ id: string; amount: number; processed: number }>(
      `select id, amount_cents as amount, (extract(epoch from processed_at) * 1000)::float8 as processed
         from billing.payments where status = 'refunded' order by id`,
    );
    return (function* () {
      for (const payment of list) {
        const created = between(
          c,
          Number(payment.processed),
          Math.min(c.now, Number(payment.processed) + 14 * DAY),
        );
        yield [
          uuid4(c.random),
          payment.id,
          payment.amount,
          c.pick(['requested_by_customer', 'duplicate', 'charged after cancellation']),
          'succeeded',
          `re_${uuid4(c.random).replaceAll('-', '')}`,
          iso(created),
          iso(Math.min(c.now, created + 2000)),
        ];
      }
    })();
  },
};

/** Title, description and tags of a content item in English. */
function englishItem(c: GeneratorContext, exercises: readonly string[]) {
  const activity = c.pick(ACTIVITIES);
  const exercise = c.pick(exercises);
  const goal = c.pick(GOALS);
  const audience = c.pick(AUDIENCES);
  const minutes = c.pick([5, 10, 15, 20, 20, 30, 30, 45, 60]);
  const title = c.pick([
    `${minutes}-minute ${activity} ${c.pick(FORMATS)} for ${audience}`,
    `${exercise}: technique and common mistakes`,
    `${capitalize(activity)} for ${goal}`,
    `How to build ${goal} with ${activity}`,
    `The ${c.pick(ADJECTIVES)} guide to the ${exercise.toLowerCase()}`,
    `${capitalize(c.pick(ADJECTIVES))} ${activity} ${c.pick(FORMATS)}`,
  ]);
  const sentences = [
    `A ${minutes}-minute ${activity} ${c.pick(FORMATS)} for ${audience} working on ${goal}.`,
    `We cover the ${exercise.toLowerCase()}, the ${c.pick(exercises).toLowerCase()} and the ${c
      .pick(exercises)
      .toLowerCase()}.`,
    c.pick(SENTENCES),
  ];
  // Rare terms land in a small share of items, which is what makes them selective.
  if (c.chance(0.12)) sentences.push(`We also look at ${c.pick(RARE_TERMS)} and why it matters.`);
  if (c.chance(0.5)) sentences.push(c.pick(SENTENCES));
  return { title, description: sentences.join(' ') };
}

const contentItems: TableGenerator = {
  table: 'content.content_items',
  flag: 'content-items',
  bulk: true,
  // The search's common words and their rank lists, built from what was loaded (migration 0006).
  afterLoad: 'select content.refresh_search_terms()',
  defaultCount: 100_000,
  references: ['training.trainers'],
  columns: [
    'id',
    'creator_id',
    'type',
    'title',
    'description',
    'content_url',
    'thumbnail_url',
    'tags',
    'difficulty_level',
    'language',
    'is_published',
    'view_count',
    'created_at',
    'updated_at',
  ],
  async source(c) {
    const list = await loadTrainers(c);
    const named = (await c.query<{ name: string }>('select name from training.exercises order by name')).map(
      (r) => r.name,
    );
    const exercises = named.length > 0 ? named : ['Squat', 'Push-Up', 'Plank', 'Deadlift', 'Lunge'];
    return (function* () {
      for (let i = 0; ; i++) {
        const trainer = list[skewed(c, list.length)]!;
        const russian = c.chance(0.08);
        const text = russian
          ? { title: c.pick(RU_TITLES), description: `${c.pick(RU_SENTENCES)} ${c.pick(RU_SENTENCES)}` }
          : englishItem(c, exercises);
        const type = c.pick(['video', 'video', 'video', 'article', 'article', 'audio', 'infographic']);
        const published = c.chance(0.85);
        const created = between(c, Math.max(trainer.created, c.now - SPAN), c.now);
        const tags = sample(c, TAGS, c.int(1, 4));
        yield [
          uuid4(c.random),
          trainer.id,
          type,
          text.title.slice(0, 200),
          text.description,
          `https://cdn.example.com/content/${type}/${i}`,
          type === 'video' ? `https://cdn.example.com/thumbs/${i}.jpg` : null,
          tags,
          c.chance(0.1) ? null : c.pick(['beginner', 'beginner', 'intermediate', 'advanced']),
          russian ? 'russian' : 'english',
          published,
          published ? Math.floor(Math.exp(4 + c.gauss() * 1.6)) : 0,
          iso(created),
          iso(between(c, created, c.now)),
        ];
      }
    })();
  },
};

type Metric = 'steps' | 'heart_rate' | 'calories' | 'distance' | 'active_minutes' | 'weight' | 'sleep';
const UNITS: Record<Metric, string> = {
  steps: 'count',
  heart_rate: 'bpm',
  calories: 'kcal',
  distance: 'm',
  active_minutes: 'min',
  weight: 'kg',
  sleep: 'min',
};
/** Share of a day's steps by local hour: quiet nights, a commute, lunch and an evening walk. */
const STEP_CURVE = [
  0, 0, 0, 0, 0, 0.01, 0.03, 0.08, 0.09, 0.05, 0.05, 0.06, 0.09, 0.07, 0.05, 0.05, 0.06, 0.09, 0.09, 0.06,
  0.04, 0.02, 0.01, 0,
];

interface Wearer {
  id: string;
  /** First day with samples (ms, midnight UTC). */
  from: number;
  /** 5-minute steps (a dedicated tracker), hourly steps and heart rate (a watch), or daily totals. */
  kind: 'minute' | 'hourly' | 'daily';
  source: string;
  device: string | null;
  /** Local time is UTC + offset hours. */
  offset: number;
  dailySteps: number;
  restingHr: number;
  weight: number | null;
}

const DEVICES: { source: string; device: string; kind: Wearer['kind'] }[] = [
  { source: 'apple_health', device: 'Apple Watch Series 9', kind: 'hourly' },
  { source: 'garmin', device: 'Garmin Forerunner 265', kind: 'hourly' },
  { source: 'google_fit', device: 'Pixel Watch 2', kind: 'daily' },
  { source: 'fitbit', device: 'Fitbit Charge 6', kind: 'daily' },
  { source: 'fitbit', device: 'Fitbit Inspire 3', kind: 'daily' },
  { source: 'apple_health', device: 'iPhone', kind: 'daily' },
];

/** One sample of a day: what it measures and when (ms after local midnight). */
interface Slot {
  metric: Metric;
  at: number;
  /** Share of the day's steps (step slots only). */
  share: number;
  hour: number;
}

/** The samples a device records in a day, in time order; weight (manual, Mondays) comes on top. */
function daySlots(kind: Wearer['kind']): Slot[] {
  const slots: Slot[] = [];
  const endOfDay = DAY - 60_000;
  if (kind === 'minute') {
    for (let i = 0; i < 288; i++) {
      const hour = Math.floor(i / 12);
      slots.push({ metric: 'steps', at: i * 300_000, share: (STEP_CURVE[hour] as number) / 12, hour });
    }
  }
  if (kind === 'daily') {
    slots.push({ metric: 'heart_rate', at: 4 * HOUR, share: 0, hour: 4 });
    slots.push({ metric: 'steps', at: endOfDay, share: 1, hour: 23 });
  } else {
    for (let hour = 0; hour < 24; hour++) {
      const share = STEP_CURVE[hour] as number;
      slots.push({ metric: 'heart_rate', at: hour * HOUR + 30 * 60_000, share, hour });
      if (kind === 'hourly' && share > 0)
        slots.push({ metric: 'steps', at: hour * HOUR + 59 * 60_000, share, hour });
    }
  }
  slots.push({ metric: 'sleep', at: 7 * HOUR, share: 0, hour: 7 });
  slots.push({ metric: 'active_minutes', at: endOfDay - 180_000, share: 0, hour: 23 });
  slots.push({ metric: 'calories', at: endOfDay - 120_000, share: 0, hour: 23 });
  slots.push({ metric: 'distance', at: endOfDay - 60_000, share: 0, hour: 23 });
  return slots.sort((a, b) => a.at - b.at);
}
const SLOTS: Record<Wearer['kind'], Slot[]> = {
  minute: daySlots('minute'),
  hourly: daySlots('hourly'),
  daily: daySlots('daily'),
};
const WEIGH_IN = 7.5 * HOUR;

/** Samples a wearer records on `day` up to `now` (the same rule the generator follows). */
function samplesOn(w: Wearer, day: number, now: number): number {
  const midnight = day - w.offset * HOUR;
  const weighs = w.weight !== null && new Date(day).getUTCDay() === 1;
  const slots = SLOTS[w.kind];
  if (midnight + DAY <= now) return slots.length + (weighs ? 1 : 0);
  let n = 0;
  for (const slot of slots) if (midnight + slot.at <= now) n++;
  return n + (weighs && midnight + WEIGH_IN <= now ? 1 : 0);
}

function samplesOf(w: Wearer, today: number, now: number): number {
  let n = 0;
  for (let day = w.from; day <= today + DAY; day += DAY) n += samplesOn(w, day, now);
  return n;
}

/**
 * Health samples of the users who connected a device, from the day after they signed up (at
 * most 24 months back) to now, in time order across users: each monthly partition is filled
 * while its indexes are in memory, and the time-ordered ids append to its primary key. The
 * oldest account wears a dedicated tracker (steps every 5 minutes), others a watch (hourly steps
 * and heart rate plus daily totals) or a phone or band that syncs daily totals; some weigh
 * themselves every Monday. Users are added until their samples make up the count; the last one
 * joins later so the total lands within a day's samples of it.
 */
const healthMetrics: TableGenerator = {
  table: 'health.health_metrics',
  flag: 'health-metrics',
  bulk: true,
  defaultCount: 10_000_000,
  references: ['identity.users'],
  columns: [
    'id',
    'user_id',
    'metric_type',
    'value',
    'unit',
    'source',
    'source_device',
    'recorded_date',
    'synced_at',
    'created_at',
  ],
  async source(c) {
    await c.query('select health.ensure_health_metric_partitions(now(), $1::int, 3)', [MONTHS + 1]);
    const all = await loadUsers(c);
    const start = dayStart(c.now - SPAN);
    const today = dayStart(c.now);
    const wearers: Wearer[] = [];
    let expected = 0;
    // The oldest account first, then the others in a fixed shuffled order.
    const order = all.ids.map((_, i) => i);
    for (let i = order.length - 1; i > 1; i--) {
      const j = 1 + Math.floor(c.random() * i);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const u of order) {
      if (expected >= c.count) break;
      const from = Math.max(start, dayStart(all.created[u] as number) + DAY);
      if (from > today) continue;
      const device = c.pick(DEVICES);
      const kind = wearers.length === 0 ? 'minute' : device.kind;
      const w: Wearer = {
        id: all.ids[u] as string,
        from,
        kind,
        source: kind === 'minute' ? 'garmin' : device.source,
        device: kind === 'minute' ? 'Garmin vivosmart 5' : device.device,
        offset: c.pick([-8, -5, -5, 0, 0, 1, 1, 2, 3, 3, 5, 9]),
        dailySteps: Math.round(clamp(7500 + c.gauss() * 3000, 1500, 20_000)),
        restingHr: Math.round(clamp(62 + c.gauss() * 7, 45, 85)),
        weight: c.chance(0.4) ? round2(clamp(75 + c.gauss() * 14, 45, 140)) : null,
      };
      let rows = samplesOf(w, today, c.now);
      while (expected + rows > c.count && w.from < today) {
        rows -= samplesOn(w, w.from, c.now);
        w.from += DAY;
      }
      wearers.push(w);
      expected += rows;
    }
    wearers.sort((a, b) => a.from - b.from);
    const point = (w: Wearer, metric: Metric, at: number, value: number, source = w.source): Value[] => {
      const synced = Math.min(
        c.now,
        w.kind === 'daily' ? at + c.int(1, 20) * HOUR : at + c.int(1, 30) * 60_000,
      );
      return [
        uuid7(at, c.random),
        w.id,
        metric,
        Math.max(0, value).toFixed(metric === 'weight' ? 2 : 0),
        UNITS[metric],
        source,
        source === 'manual' ? null : w.device,
        iso(at),
        iso(synced),
        iso(synced),
      ];
    };
    return (function* () {
      let active = 0;
      for (let day = start; day <= today + DAY; day += DAY) {
        while (active < wearers.length && (wearers[active] as Wearer).from <= day) active++;
        const weekday = new Date(day).getUTCDay();
        const weekend = weekday === 0 || weekday === 6;
        for (let k = 0; k < active; k++) {
          const w = wearers[k] as Wearer;
          const midnight = day - w.offset * HOUR;
          const cut = midnight + DAY > c.now;
          // A day's level (mood, weather, weekend) and maybe a workout hour that lifts the heart rate.
          const steps = w.dailySteps * Math.exp(c.gauss() * 0.25) * (weekend ? 0.85 : 1);
          const workout = c.chance(0.35) ? c.pick([7, 12, 18, 19]) : -1;
          for (const slot of SLOTS[w.kind]) {
            const at = midnight + slot.at;
            if (cut && at > c.now) break;
            let value: number;
            switch (slot.metric) {
              case 'steps':
                value = steps * slot.share * (slot.share < 1 ? Math.exp(c.gauss() * 0.4) : 1);
                break;
              case 'heart_rate': {
                const awake = slot.hour >= 7 && slot.hour <= 22;
                value =
                  w.kind === 'daily'
                    ? w.restingHr + c.gauss() * 3
                    : clamp(
                        w.restingHr +
                          (awake ? 12 + slot.share * 150 : -4) +
                          (slot.hour === workout ? 45 + c.int(0, 40) : 0) +
                          c.gauss() * 4,
                        38,
                        200,
                      );
                break;
              }
              case 'sleep':
                value = clamp(440 + c.gauss() * 50, 180, 720);
                break;
              case 'active_minutes':
                value = steps / 220 + (workout >= 0 ? 40 : 0);
                break;
              case 'calories':
                value = 1400 + steps * 0.045 + (workout >= 0 ? 350 : 0) + c.gauss() * 80;
                break;
              default:
                value = steps * 0.76;
            }
            yield point(w, slot.metric, at, value);
          }
          if (w.weight !== null && weekday === 1 && midnight + WEIGH_IN <= c.now) {
            w.weight = round2(w.weight + c.gauss() * 0.3);
            yield point(w, 'weight', midnight + WEIGH_IN, w.weight, 'manual');
          }
        }
      }
    })();
  },
};

const EVENT_MIX = [
  'app_opened',
  'app_opened',
  'app_opened',
  'screen_viewed',
  'screen_viewed',
  'screen_viewed',
  'screen_viewed',
  'login',
  'workout_started',
  'workout_complete',
  'habit_logged',
  'habit_logged',
  'content_viewed',
  'content_viewed',
  'search_performed',
  'health_synced',
] as const;
const SCREENS = [
  'home',
  'plans',
  'plan_detail',
  'habits',
  'health',
  'content',
  'course',
  'profile',
  'settings',
];

/** Device descriptions per source, as JSON text (written as they are, no per-row serialising). */
const DEVICE_INFO: Record<string, string[]> = {
  ios: ['iOS 17.6', 'iOS 18.1', 'iOS 18.3'].flatMap((os) =>
    ['iPhone15,2', 'iPhone16,1', 'iPhone14,5'].map((model) => JSON.stringify({ os, app: '3.3.0', model })),
  ),
  android: ['Android 13', 'Android 14', 'Android 15'].flatMap((os) =>
    ['Pixel 8', 'SM-S921B', 'Redmi Note 13'].map((model) => JSON.stringify({ os, app: '3.3.0', model })),
  ),
  web: ['Chrome 130', 'Safari 18', 'Firefox 132', 'Edge 130'].map((browser) => JSON.stringify({ browser })),
};

function eventData(c: GeneratorContext, type: string): string {
  switch (type) {
    case 'screen_viewed':
      return `{"screen":"${c.pick(SCREENS)}","durationMs":${c.int(500, 90_000)}}`;
    case 'workout_complete':
      return `{"durationSeconds":${c.int(900, 5400)},"exercises":${c.int(3, 10)}}`;
    case 'search_performed':
      return `{"query":"${c.pick(ACTIVITIES)}","results":${c.int(0, 200)}}`;
    case 'content_viewed':
      return `{"contentType":"${c.pick(['video', 'article', 'audio'])}","watchedPercent":${c.int(5, 100)}}`;
    case 'signup':
      return `{"method":"${c.pick(['password', 'password', 'google', 'apple', 'yandex', 'vk'])}"}`;
    default:
      return '{}';
  }
}

/**
 * Events over the 24 months in time order: each account's signup at its sign-up instant, and a
 * daily volume of activity that grows with the user base, from users who had signed up by then
 * (a minority of heavy users produces most of it); a few events come from signed-out visitors.
 */
const analyticsEvents: TableGenerator = {
  table: 'analytics.analytics_events',
  flag: 'analytics-events',
  bulk: true,
  defaultCount: 5_000_000,
  references: ['identity.users'],
  columns: ['id', 'user_id', 'event_type', 'event_data', 'source', 'device_info', 'ip_address', 'created_at'],
  async source(c) {
    await c.query('select analytics.ensure_event_partitions(now(), $1::int, 3)', [MONTHS + 1]);
    const all = await loadUsers(c);
    const start = dayStart(c.now - SPAN);
    const today = dayStart(c.now);
    const days = (today - start) / DAY + 1;
    // Activity per day proportional to the users signed up by then.
    const weights: number[] = [];
    let total = 0;
    for (let d = 0; d < days; d++) {
      const w = Math.max(1, signedUpBy(all, start + (d + 1) * DAY));
      weights.push(w);
      total += w;
    }
    const budget = Number.isFinite(c.count) ? c.count : all.ids.length * 50;
    const event = (u: number, type: string, at: number): Value[] => {
      const source = u < 0 ? 'web' : c.pick(['ios', 'ios', 'android', 'android', 'web']);
      return [
        uuid7(at, c.random),
        u < 0 ? null : (all.ids[u] as string),
        type,
        eventData(c, type),
        source,
        c.pick(DEVICE_INFO[source] as string[]),
        c.chance(0.9) ? `${c.int(2, 223)}.${c.int(0, 255)}.${c.int(0, 255)}.0/24` : null,
        iso(at),
      ];
    };
    return (function* () {
      let signedUp = signedUpBy(all, start - 1);
      let cumulative = 0;
      let given = 0;
      for (let d = 0; d < days; d++) {
        const day = start + d * DAY;
        const upTo = signedUpBy(all, day + DAY);
        // Cumulative rounding, so the days' quotas add up to the budget exactly.
        cumulative += weights[d] as number;
        const quota = Math.round((budget * cumulative) / total) - given;
        given += quota;
        // The day's events as (instant, user index or -1, type), sorted, then written out.
        const planned: { at: number; u: number; type: string }[] = [];
        for (; signedUp < upTo && planned.length < quota; signedUp++) {
          planned.push({ at: all.created[signedUp] as number, u: signedUp, type: 'signup' });
        }
        const population = Math.max(1, upTo);
        while (planned.length < quota) {
          // Today only up to now.
          const at = day + Math.floor(c.random() * Math.min(DAY, c.now - day));
          if (c.chance(0.04) || upTo === 0) {
            planned.push({ at, u: -1, type: 'screen_viewed' });
            continue;
          }
          const u = skewed(c, population, 1.8);
          // Most users had signed up well before this day; an index at the edge may not have yet.
          if ((all.created[u] as number) > at) continue;
          planned.push({ at, u, type: c.pick(EVENT_MIX) });
        }
        planned.sort((a, b) => a.at - b.at);
        for (const p of planned) if (p.at <= c.now) yield event(p.u, p.type, p.at);
      }
    })();
  },
};

/** Every table the scale data covers, parents before children. */
export const GENERATORS: TableGenerator[] = [
  users,
  trainers,
  workoutPlans,
  workoutPlanExercises,
  workoutPlanVersions,
  workoutSessions,
  habits,
  habitLogs,
  subscriptionPlans,
  subscriptions,
  payments,
  refunds,
  contentItems,
  healthMetrics,
  analyticsEvents,
];
