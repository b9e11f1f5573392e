CREATE TABLE "bid_reference_asks" (
	"bid_id" uuid PRIMARY KEY NOT NULL,
	"asked_by" uuid,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_opt_outs" (
	"provider_id" uuid NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_opt_outs_provider_id_email_pk" PRIMARY KEY("provider_id","email")
);
--> statement-breakpoint
CREATE TABLE "reference_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"bid_id" uuid,
	"requested_by" uuid,
	"status" text DEFAULT 'requested' NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"company" text NOT NULL,
	"role" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date,
	"function_slug" text NOT NULL,
	"contact_duties" jsonb NOT NULL,
	"duties" jsonb NOT NULL,
	"reminders_sent" smallint DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"next_reminder_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"draft" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_requests_status_check" CHECK ("reference_requests"."status" IN ('requested', 'sent', 'reminded', 'answered', 'declined', 'unreachable'))
);
--> statement-breakpoint
CREATE TABLE "reference_response_duties" (
	"response_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"duty_id" uuid,
	"duty" text NOT NULL,
	"duty_key" text NOT NULL,
	"performed" boolean NOT NULL,
	"quality" smallint,
	"timeliness" smallint,
	"benchmark" text NOT NULL,
	"example" text NOT NULL,
	CONSTRAINT "reference_response_duties_response_id_position_pk" PRIMARY KEY("response_id","position"),
	CONSTRAINT "reference_response_duties_benchmark_check" CHECK ("reference_response_duties"."benchmark" IN ('met', 'partly', 'missed', 'none'))
);
--> statement-breakpoint
CREATE TABLE "reference_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"status" text NOT NULL,
	"flags" jsonb NOT NULL,
	"company" text NOT NULL,
	"company_key" text NOT NULL,
	"role" text NOT NULL,
	"industry_slug" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date,
	"duties_contracted" jsonb NOT NULL,
	"mismatches" jsonb NOT NULL,
	"communication" smallint NOT NULL,
	"reliability" smallint NOT NULL,
	"cost_versus_quote" text NOT NULL,
	"problems_handled" text NOT NULL,
	"would_rehire" text NOT NULL,
	"recommend" smallint NOT NULL,
	"advice" text NOT NULL,
	"private_note" text NOT NULL,
	"score_x100" integer NOT NULL,
	"ip" text,
	"user_agent" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_responses_status_check" CHECK ("reference_responses"."status" IN ('verified', 'flagged', 'rejected')),
	CONSTRAINT "reference_responses_recommend_check" CHECK ("reference_responses"."recommend" BETWEEN 0 AND 10)
);
--> statement-breakpoint
ALTER TABLE "bid_reference_asks" ADD CONSTRAINT "bid_reference_asks_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_reference_asks" ADD CONSTRAINT "bid_reference_asks_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_opt_outs" ADD CONSTRAINT "reference_opt_outs_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_requests" ADD CONSTRAINT "reference_requests_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_requests" ADD CONSTRAINT "reference_requests_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_requests" ADD CONSTRAINT "reference_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_response_duties" ADD CONSTRAINT "reference_response_duties_response_id_reference_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."reference_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_responses" ADD CONSTRAINT "reference_responses_request_id_reference_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."reference_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_responses" ADD CONSTRAINT "reference_responses_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_responses" ADD CONSTRAINT "reference_responses_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reference_requests_provider_idx" ON "reference_requests" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE INDEX "reference_requests_bid_idx" ON "reference_requests" USING btree ("bid_id");--> statement-breakpoint
CREATE INDEX "reference_requests_reminder_idx" ON "reference_requests" USING btree ("next_reminder_at") WHERE "reference_requests"."status" IN ('sent', 'reminded') AND "reference_requests"."next_reminder_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "reference_requests_expiry_idx" ON "reference_requests" USING btree ("expires_at") WHERE "reference_requests"."status" IN ('requested', 'sent', 'reminded');--> statement-breakpoint
CREATE UNIQUE INDEX "reference_requests_open_idx" ON "reference_requests" USING btree ("provider_id",coalesce("bid_id", '00000000-0000-0000-0000-000000000000'::uuid),"email") WHERE "reference_requests"."status" IN ('requested', 'sent', 'reminded');--> statement-breakpoint
CREATE UNIQUE INDEX "reference_responses_request_idx" ON "reference_responses" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "reference_responses_provider_idx" ON "reference_responses" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE INDEX "reference_responses_flagged_idx" ON "reference_responses" USING btree ("created_at") WHERE "reference_responses"."status" = 'flagged';