CREATE TABLE "search_providers" (
	"namespace" text NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"functions" text[] NOT NULL,
	"industries" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"timezone_band" text NOT NULL,
	"rate_min" numeric NOT NULL,
	"rate_max" numeric NOT NULL,
	"rating_avg" double precision,
	"rating_count" integer NOT NULL,
	"verified_refs" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"name" text NOT NULL,
	"taxonomy_text" text NOT NULL,
	"headline" text NOT NULL,
	"duties_text" text NOT NULL,
	"bio" text NOT NULL,
	"doc" jsonb NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, "name" || ' ' || "taxonomy_text"), 'A') || setweight(to_tsvector('english'::regconfig, "headline"), 'B') || setweight(to_tsvector('english'::regconfig, "duties_text"), 'C') || setweight(to_tsvector('english'::regconfig, "bio"), 'D')) STORED NOT NULL,
	"trigram_text" text GENERATED ALWAYS AS ("name" || ' ' || "taxonomy_text" || ' ' || "headline") STORED NOT NULL,
	CONSTRAINT "search_providers_namespace_id_pk" PRIMARY KEY("namespace","id")
);
--> statement-breakpoint
CREATE INDEX "search_providers_vector_idx" ON "search_providers" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "search_providers_trigram_idx" ON "search_providers" USING gin ("trigram_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_providers_functions_idx" ON "search_providers" USING gin ("functions");--> statement-breakpoint
CREATE INDEX "search_providers_industries_idx" ON "search_providers" USING gin ("industries");--> statement-breakpoint
CREATE INDEX "search_providers_languages_idx" ON "search_providers" USING gin ("languages");