CREATE TABLE "content"."search_term_ranks" (
	"lexeme" text NOT NULL,
	"item_id" uuid NOT NULL,
	"score" real NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "search_term_ranks_item_id_lexeme_pk" PRIMARY KEY("item_id","lexeme")
);
--> statement-breakpoint
CREATE TABLE "content"."search_terms" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"cutoff_score" real,
	"cutoff_created_at" timestamp with time zone,
	"cutoff_id" uuid
);
--> statement-breakpoint
ALTER TABLE "content"."search_term_ranks" ADD CONSTRAINT "search_term_ranks_lexeme_search_terms_lexeme_fk" FOREIGN KEY ("lexeme") REFERENCES "content"."search_terms"("lexeme") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content"."search_term_ranks" ADD CONSTRAINT "search_term_ranks_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "content"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_term_ranks_order_idx" ON "content"."search_term_ranks" USING btree ("lexeme","score" DESC NULLS LAST,"created_at" DESC NULLS LAST,"item_id" DESC NULLS LAST);