CREATE TABLE "content"."content_view_marks" (
	"day" date NOT NULL,
	"content_item_id" uuid NOT NULL,
	"viewer_key" varchar(32) NOT NULL,
	CONSTRAINT "content_view_marks_day_content_item_id_viewer_key_pk" PRIMARY KEY("day","content_item_id","viewer_key")
);
