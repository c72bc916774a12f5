CREATE SCHEMA "content";
--> statement-breakpoint
CREATE TABLE "content"."content_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creator_id" uuid NOT NULL,
	"type" varchar(16) NOT NULL,
	"title" varchar(200) NOT NULL,
	"description" text,
	"content_url" varchar(2048),
	"thumbnail_url" varchar(2048),
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"difficulty_level" varchar(16),
	"language" varchar(16) DEFAULT 'english' NOT NULL,
	"is_published" boolean DEFAULT false NOT NULL,
	"view_count" integer DEFAULT 0 NOT NULL,
	"rating" numeric(3, 2),
	"ratings_count" integer DEFAULT 0 NOT NULL,
	"ratings_sum" integer DEFAULT 0 NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (CASE "language"
  WHEN 'russian' THEN setweight(to_tsvector('russian'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('russian'::regconfig, coalesce("description", '')), 'B')
  ELSE setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("description", '')), 'B')
END) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_items_type_known" CHECK ("content"."content_items"."type" in ('video','article','audio','infographic')),
	CONSTRAINT "content_items_difficulty_known" CHECK ("content"."content_items"."difficulty_level" is null or "content"."content_items"."difficulty_level" in ('beginner','intermediate','advanced')),
	CONSTRAINT "content_items_language_known" CHECK ("content"."content_items"."language" in ('english','russian')),
	CONSTRAINT "content_items_tags_array" CHECK (jsonb_typeof("content"."content_items"."tags") = 'array'),
	CONSTRAINT "content_items_view_count_nonnegative" CHECK ("content"."content_items"."view_count" >= 0),
	CONSTRAINT "content_items_ratings_consistent" CHECK ("content"."content_items"."ratings_count" >= 0 and "content"."content_items"."ratings_sum" >= 0)
);
--> statement-breakpoint
CREATE TABLE "content"."content_views" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"content_item_id" uuid NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content"."courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creator_id" uuid NOT NULL,
	"name" varchar(200) NOT NULL,
	"description" text,
	"cover_image_url" varchar(2048),
	"duration_hours" integer,
	"level" varchar(16),
	"is_free" boolean DEFAULT true NOT NULL,
	"price_cents" integer DEFAULT 0 NOT NULL,
	"is_published" boolean DEFAULT false NOT NULL,
	"enrollments_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_level_known" CHECK ("content"."courses"."level" is null or "content"."courses"."level" in ('beginner','intermediate','advanced')),
	CONSTRAINT "courses_price_matches_free" CHECK (("content"."courses"."is_free" and "content"."courses"."price_cents" = 0) or (not "content"."courses"."is_free" and "content"."courses"."price_cents" > 0)),
	CONSTRAINT "courses_duration_nonnegative" CHECK ("content"."courses"."duration_hours" is null or "content"."courses"."duration_hours" >= 0),
	CONSTRAINT "courses_enrollments_nonnegative" CHECK ("content"."courses"."enrollments_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "content"."enrollments" (
	"user_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrollments_user_id_course_id_pk" PRIMARY KEY("user_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "content"."lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"sequence_number" integer NOT NULL,
	"title" varchar(200) NOT NULL,
	"description" text,
	"content_item_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duration_minutes" integer,
	CONSTRAINT "lessons_sequence_positive" CHECK ("content"."lessons"."sequence_number" > 0),
	CONSTRAINT "lessons_items_array" CHECK (jsonb_typeof("content"."lessons"."content_item_ids") = 'array'),
	CONSTRAINT "lessons_duration_nonnegative" CHECK ("content"."lessons"."duration_minutes" is null or "content"."lessons"."duration_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "content"."outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "content"."processed_events" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "content"."ratings" (
	"user_id" uuid NOT NULL,
	"content_item_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_user_id_content_item_id_pk" PRIMARY KEY("user_id","content_item_id"),
	CONSTRAINT "ratings_range" CHECK ("content"."ratings"."rating" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "content"."enrollments" ADD CONSTRAINT "enrollments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "content"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."lessons" ADD CONSTRAINT "lessons_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "content"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."ratings" ADD CONSTRAINT "ratings_content_item_id_content_items_id_fk" FOREIGN KEY ("content_item_id") REFERENCES "content"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_items_creator_published_idx" ON "content"."content_items" USING btree ("creator_id","is_published");--> statement-breakpoint
CREATE INDEX "content_items_search_idx" ON "content"."content_items" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "content_items_tags_idx" ON "content"."content_items" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "content_items_published_created_idx" ON "content"."content_items" USING btree ("is_published","created_at");--> statement-breakpoint
CREATE INDEX "content_views_item_idx" ON "content"."content_views" USING btree ("content_item_id");--> statement-breakpoint
CREATE INDEX "courses_creator_published_idx" ON "content"."courses" USING btree ("creator_id","is_published");--> statement-breakpoint
CREATE INDEX "courses_published_created_idx" ON "content"."courses" USING btree ("is_published","created_at");--> statement-breakpoint
CREATE INDEX "enrollments_course_idx" ON "content"."enrollments" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "enrollments_user_enrolled_idx" ON "content"."enrollments" USING btree ("user_id","enrolled_at");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "content"."outbox" USING btree ("occurred_at") WHERE published_at is null;--> statement-breakpoint
CREATE INDEX "ratings_content_item_idx" ON "content"."ratings" USING btree ("content_item_id");