ALTER TABLE "search_providers" ADD COLUMN "facet_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Counted on every match like the other facet columns: inline and uncompressed (see 0006).
ALTER TABLE "search_providers" ALTER COLUMN "facet_keys" SET STORAGE PLAIN;--> statement-breakpoint
-- Rows indexed before this: the keys from the facet columns, as the adapter's INSERT writes them.
UPDATE "search_providers" SET "facet_keys" =
  ARRAY(SELECT 'f:' || v FROM unnest("functions") AS v)
  || ARRAY(SELECT 'i:' || v FROM unnest("industries") AS v)
  || ARRAY(SELECT 'l:' || v FROM unnest("languages") AS v)
  || ARRAY['k:' || "kind", 't:' || "timezone_band"];
