ALTER TABLE "search_providers" ALTER COLUMN "search_vector" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "search_providers" DROP COLUMN "name";--> statement-breakpoint
ALTER TABLE "search_providers" DROP COLUMN "taxonomy_text";--> statement-breakpoint
ALTER TABLE "search_providers" DROP COLUMN "headline";--> statement-breakpoint
ALTER TABLE "search_providers" DROP COLUMN "duties_text";--> statement-breakpoint
ALTER TABLE "search_providers" DROP COLUMN "bio";--> statement-breakpoint
-- Joins tsvectors in order (positions of each piece follow the previous one), so the search adapter can
-- stem each distinct duty or taxonomy name once per batch and assemble every provider's vector from them.
CREATE OR REPLACE AGGREGATE tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');
