CREATE TABLE "search_words" (
	"namespace" text NOT NULL,
	"word" text NOT NULL,
	CONSTRAINT "search_words_namespace_word_pk" PRIMARY KEY("namespace","word")
);
--> statement-breakpoint
DROP INDEX "search_providers_trigram_idx";--> statement-breakpoint
CREATE INDEX "search_words_trigram_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "search_providers" DROP COLUMN "trigram_text";--> statement-breakpoint
-- Storage the schema file cannot express: big values (text, vector, doc) leave the main heap, while the
-- columns every match is filtered and counted on stay inline and uncompressed. Rows written before this
-- keep their old layout until they are rewritten (pnpm reindex).
ALTER TABLE "search_providers" SET (toast_tuple_target = 128);--> statement-breakpoint
ALTER TABLE "search_providers" ALTER COLUMN "namespace" SET STORAGE PLAIN, ALTER COLUMN "kind" SET STORAGE PLAIN, ALTER COLUMN "functions" SET STORAGE PLAIN, ALTER COLUMN "industries" SET STORAGE PLAIN, ALTER COLUMN "languages" SET STORAGE PLAIN, ALTER COLUMN "timezone_band" SET STORAGE PLAIN;
