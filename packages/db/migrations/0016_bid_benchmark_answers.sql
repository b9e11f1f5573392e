CREATE TABLE "bid_benchmark_answers" (
	"bid_id" uuid NOT NULL,
	"benchmark_id" uuid NOT NULL,
	"commitment" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "bid_benchmark_answers_bid_id_benchmark_id_pk" PRIMARY KEY("bid_id","benchmark_id"),
	CONSTRAINT "bid_benchmark_answers_check" CHECK ("bid_benchmark_answers"."commitment" IN ('yes', 'partly', 'no'))
);
--> statement-breakpoint
ALTER TABLE "bid_benchmark_answers" ADD CONSTRAINT "bid_benchmark_answers_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_benchmark_answers" ADD CONSTRAINT "bid_benchmark_answers_benchmark_id_job_post_benchmarks_id_fk" FOREIGN KEY ("benchmark_id") REFERENCES "public"."job_post_benchmarks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bid_benchmark_answers_benchmark_idx" ON "bid_benchmark_answers" USING btree ("benchmark_id");--> statement-breakpoint
CREATE INDEX "bid_duty_coverage_duty_idx" ON "bid_duty_coverage" USING btree ("duty_id");