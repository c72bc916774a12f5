CREATE TABLE "content"."periodic_runs" (
	"task" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"replica" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" text,
	CONSTRAINT "periodic_runs_task_period_start_pk" PRIMARY KEY("task","period_start")
);
