import { getTableColumns, sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSchema,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { outboxTable, processedEventsTable } from '../../kit/events/outbox.js';
import { periodicRunsTable } from '../../kit/periodic-claims.js';

export const content = pgSchema('content');

/** The languages content is written in; each picks the PostgreSQL text search configuration of the same name. */
export const LANGUAGES = ['english', 'russian'] as const;
export type Language = (typeof LANGUAGES)[number];
export const CONTENT_TYPES = ['video', 'article', 'audio', 'infographic'] as const;
export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The configuration is spelled out per language because a generated column needs an immutable
 * expression: `language::regconfig` is only stable, a literal 'russian'::regconfig is a constant.
 */
const searchVector = sql.raw(`CASE "language"
  WHEN 'russian' THEN setweight(to_tsvector('russian'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('russian'::regconfig, coalesce("description", '')), 'B')
  ELSE setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("description", '')), 'B')
END`);

/**
 * content_items as the seed has it, plus: language (text search configuration), search_vector
 * (weighted title A / description B, kept by PostgreSQL as a generated column), ratings_count and
 * ratings_sum (so `rating` is the exact average; kept by a trigger on ratings), updated_at.
 * creator_id has a foreign key to the trainers of the training schema (hand-written migration).
 */
export const contentItems = content.table(
  'content_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    creatorId: uuid('creator_id').notNull(),
    type: varchar('type', { length: 16 }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    description: text('description'),
    contentUrl: varchar('content_url', { length: 2048 }),
    thumbnailUrl: varchar('thumbnail_url', { length: 2048 }),
    tags: jsonb('tags').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    difficultyLevel: varchar('difficulty_level', { length: 16 }),
    language: varchar('language', { length: 16 }).notNull().default('english'),
    isPublished: boolean('is_published').notNull().default(false),
    viewCount: integer('view_count').notNull().default(0),
    // Null while nobody has rated the item.
    rating: numeric('rating', { precision: 3, scale: 2, mode: 'number' }),
    ratingsCount: integer('ratings_count').notNull().default(0),
    ratingsSum: integer('ratings_sum').notNull().default(0),
    searchVector: tsvector('search_vector').generatedAlwaysAs(searchVector),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('content_items_creator_published_idx').on(t.creatorId, t.isPublished),
    index('content_items_search_idx').using('gin', t.searchVector),
    index('content_items_tags_idx').using('gin', t.tags),
    index('content_items_published_created_idx').on(t.isPublished, t.createdAt),
    check('content_items_type_known', sql`${t.type} in ('video','article','audio','infographic')`),
    check(
      'content_items_difficulty_known',
      sql`${t.difficultyLevel} is null or ${t.difficultyLevel} in ('beginner','intermediate','advanced')`,
    ),
    check('content_items_language_known', sql`${t.language} in ('english','russian')`),
    check('content_items_tags_array', sql`jsonb_typeof(${t.tags}) = 'array'`),
    check('content_items_view_count_nonnegative', sql`${t.viewCount} >= 0`),
    check('content_items_ratings_consistent', sql`${t.ratingsCount} >= 0 and ${t.ratingsSum} >= 0`),
  ],
);
/**
 * The search's common words: lexemes in at least `min_items` items when
 * `content.refresh_search_terms(min_items, keep)` last ran (hand-written migration
 * 0006_search_term_ranks). A word's rank list in search_term_ranks holds every item whose
 * (score, created_at, id) is at or above the cutoff; no cutoff means the list has every item
 * with the word. The list is kept by a trigger on content_items, the set by the refresh.
 */
export const searchTerms = content.table('search_terms', {
  lexeme: text('lexeme').primaryKey(),
  cutoffScore: real('cutoff_score'),
  cutoffCreatedAt: timestamp('cutoff_created_at', { withTimezone: true }),
  cutoffId: uuid('cutoff_id'),
});

/**
 * Each common word's best items in rank order: score is ts_rank_cd(search_vector, the word), the
 * rank searchContent returns for a one-word query (and for one word with exclusions), so its first
 * page is an index walk instead of ranking every item with the word (subgraphs/content/search.ts).
 */
export const searchTermRanks = content.table(
  'search_term_ranks',
  {
    lexeme: text('lexeme')
      .notNull()
      .references(() => searchTerms.lexeme, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.lexeme] }),
    index('search_term_ranks_order_idx').on(t.lexeme, t.score.desc(), t.createdAt.desc(), t.itemId.desc()),
  ],
);

const { searchVector: _searchVector, ...contentItemColumns } = getTableColumns(contentItems);
/** Every column but the search vector, which only SQL reads: what queries select for a ContentItem. */
export const itemColumns = contentItemColumns;
export type ContentItemRow = Omit<typeof contentItems.$inferSelect, 'searchVector'>;

/** courses as the seed has it, plus updated_at. enrollments_count is kept by a trigger on enrollments. */
export const courses = content.table(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    creatorId: uuid('creator_id').notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    description: text('description'),
    coverImageUrl: varchar('cover_image_url', { length: 2048 }),
    durationHours: integer('duration_hours'),
    level: varchar('level', { length: 16 }),
    isFree: boolean('is_free').notNull().default(true),
    priceCents: integer('price_cents').notNull().default(0),
    /** ISO 4217: money is never a bare number (the data model's price_cents names no currency). */
    currency: varchar('currency', { length: 3 }).notNull().default('USD'),
    isPublished: boolean('is_published').notNull().default(false),
    enrollmentsCount: integer('enrollments_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('courses_creator_published_idx').on(t.creatorId, t.isPublished),
    index('courses_published_created_idx').on(t.isPublished, t.createdAt),
    check('courses_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      'courses_level_known',
      sql`${t.level} is null or ${t.level} in ('beginner','intermediate','advanced')`,
    ),
    check(
      'courses_price_matches_free',
      sql`(${t.isFree} and ${t.priceCents} = 0) or (not ${t.isFree} and ${t.priceCents} > 0)`,
    ),
    check('courses_duration_nonnegative', sql`${t.durationHours} is null or ${t.durationHours} >= 0`),
    check('courses_enrollments_nonnegative', sql`${t.enrollmentsCount} >= 0`),
  ],
);
export type CourseRow = typeof courses.$inferSelect;

/**
 * lessons as the seed has it. UNIQUE(course_id, sequence_number) is added DEFERRABLE in a
 * hand-written migration (drizzle-kit cannot write that), so one UPDATE can permute the order;
 * a trigger there checks that content_item_ids names existing items.
 */
export const lessons = content.table(
  'lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    sequenceNumber: integer('sequence_number').notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    description: text('description'),
    contentItemIds: jsonb('content_item_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    durationMinutes: integer('duration_minutes'),
  },
  (t) => [
    check('lessons_sequence_positive', sql`${t.sequenceNumber} > 0`),
    check('lessons_items_array', sql`jsonb_typeof(${t.contentItemIds}) = 'array'`),
    check('lessons_duration_nonnegative', sql`${t.durationMinutes} is null or ${t.durationMinutes} >= 0`),
  ],
);
export type LessonRow = typeof lessons.$inferSelect;

/** One rating per user and item. user_id has a foreign key to the users of the identity schema (hand-written migration). */
export const ratings = content.table(
  'ratings',
  {
    userId: uuid('user_id').notNull(),
    contentItemId: uuid('content_item_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    rating: smallint('rating').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.contentItemId] }),
    index('ratings_content_item_idx').on(t.contentItemId),
    check('ratings_range', sql`${t.rating} between 1 and 5`),
  ],
);
export type RatingRow = typeof ratings.$inferSelect;

/** One enrollment per user and course. user_id has a foreign key to the users of the identity schema (hand-written migration). */
export const enrollments = content.table(
  'enrollments',
  {
    userId: uuid('user_id').notNull(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.courseId] }),
    index('enrollments_course_idx').on(t.courseId),
    index('enrollments_user_enrolled_idx').on(t.userId, t.enrolledAt),
  ],
);
export type EnrollmentRow = typeof enrollments.$inferSelect;

/**
 * Views waiting to be added to content_items.view_count. Recording a view is an INSERT here, so
 * concurrent viewers never queue on the item's row; a background task moves them into the counter
 * in batches. No foreign key on purpose: its check would take a KEY SHARE lock on the very row the
 * design keeps lock-free (items are never deleted, and the flush joins on existing items).
 */
export const contentViews = content.table(
  'content_views',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    contentItemId: uuid('content_item_id').notNull(),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('content_views_item_idx').on(t.contentItemId)],
);

/**
 * Who has been counted as viewing an item on a UTC day: `viewCount` counts each viewer once per
 * item per day. The viewer is a keyed hash (of the user id, or of an anonymous client's address),
 * so no address or user id is kept; rows of earlier days are swept (ViewMarkSweeper). No foreign
 * key, as with content_views.
 */
export const contentViewMarks = content.table(
  'content_view_marks',
  {
    day: date('day').notNull(),
    contentItemId: uuid('content_item_id').notNull(),
    viewerKey: varchar('viewer_key', { length: 32 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.contentItemId, t.viewerKey] })],
);

export const outbox = outboxTable(content);
/** Which replica ran each period of the scheduled workers (kit/periodic-claims.ts). */
export const periodicRuns = periodicRunsTable(content);
export const processedEvents = processedEventsTable(content);
