-- Kind and time-zone band join the match index (btree_gin, migration 0008): a filter on either is then an
-- index condition instead of a heap filter over every row the other conditions found.
DROP INDEX "search_providers_match_idx";--> statement-breakpoint
CREATE INDEX "search_providers_match_idx" ON "search_providers" USING gin ("sample_bucket","kind","timezone_band","functions","industries","languages","search_vector");