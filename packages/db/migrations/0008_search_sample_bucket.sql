-- btree_gin lets the sample bucket (a smallint) sit in the same GIN index as the text and the arrays.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "search_providers_vector_idx";--> statement-breakpoint
DROP INDEX "search_providers_functions_idx";--> statement-breakpoint
DROP INDEX "search_providers_industries_idx";--> statement-breakpoint
DROP INDEX "search_providers_languages_idx";--> statement-breakpoint
ALTER TABLE "search_providers" ADD COLUMN "sample_bucket" smallint GENERATED ALWAYS AS (get_byte(uuid_send(id), 15)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "search_providers_match_idx" ON "search_providers" USING gin ("sample_bucket","functions","industries","languages","search_vector");--> statement-breakpoint
CREATE INDEX "search_providers_prior_idx" ON "search_providers" USING btree ("namespace","verified_refs" DESC NULLS LAST,"rating_avg" DESC NULLS LAST,"rating_count" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "search_providers_rate_asc_idx" ON "search_providers" USING btree ("namespace","rate_min","rate_max","id");--> statement-breakpoint
CREATE INDEX "search_providers_rate_desc_idx" ON "search_providers" USING btree ("namespace","rate_max" DESC NULLS LAST,"rate_min" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "search_providers_rating_idx" ON "search_providers" USING btree ("namespace","rating_avg" DESC NULLS LAST,"rating_count" DESC NULLS LAST,"id");