CREATE TABLE "health"."user_time_zones" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" varchar(64) NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
