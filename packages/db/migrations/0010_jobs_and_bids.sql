CREATE TABLE "owner_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"target_income" numeric(12, 2),
	"currency" text DEFAULT 'USD' NOT NULL,
	"hours_per_day" numeric(4, 2),
	"days_per_week" numeric(3, 2),
	"weeks_per_year" numeric(4, 2),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "owner_profiles_income_check" CHECK ("owner_profiles"."target_income" > 0),
	CONSTRAINT "owner_profiles_hours_check" CHECK ("owner_profiles"."hours_per_day" > 0 AND "owner_profiles"."hours_per_day" <= 24),
	CONSTRAINT "owner_profiles_days_check" CHECK ("owner_profiles"."days_per_week" > 0 AND "owner_profiles"."days_per_week" <= 7),
	CONSTRAINT "owner_profiles_weeks_check" CHECK ("owner_profiles"."weeks_per_year" > 0 AND "owner_profiles"."weeks_per_year" <= 52)
);
--> statement-breakpoint
CREATE TABLE "owner_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"feeling" text NOT NULL,
	"name" text NOT NULL,
	"hours_per_week" numeric(5, 2) NOT NULL,
	"function_slug" text,
	"function_source" text,
	"position" integer NOT NULL,
	"job_post_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "owner_tasks_feeling_check" CHECK ("owner_tasks"."feeling" IN ('love', 'hate')),
	CONSTRAINT "owner_tasks_hours_check" CHECK ("owner_tasks"."hours_per_week" >= 0 AND "owner_tasks"."hours_per_week" <= 168)
);
--> statement-breakpoint
CREATE TABLE "saved_providers" (
	"owner_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_providers_owner_id_provider_id_pk" PRIMARY KEY("owner_id","provider_id")
);
--> statement-breakpoint
CREATE TABLE "job_post_benchmarks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_post_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"objective" text NOT NULL,
	"target" text NOT NULL,
	"cadence" text,
	"due_date" date
);
--> statement-breakpoint
CREATE TABLE "job_post_duties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_post_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_post_invitations" (
	"job_post_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"invited_by" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_post_invitations_job_post_id_provider_id_pk" PRIMARY KEY("job_post_id","provider_id")
);
--> statement-breakpoint
CREATE TABLE "job_post_matches" (
	"user_id" uuid NOT NULL,
	"job_post_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_post_matches_user_id_job_post_id_channel_pk" PRIMARY KEY("user_id","job_post_id","channel"),
	CONSTRAINT "job_post_matches_channel_check" CHECK ("job_post_matches"."channel" IN ('instant', 'digest'))
);
--> statement-breakpoint
CREATE TABLE "job_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"function_slug" text NOT NULL,
	"industry_slug" text,
	"summary" text DEFAULT '' NOT NULL,
	"process_notes" text DEFAULT '' NOT NULL,
	"training_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_by" date,
	"duration_weeks" integer,
	"budget_basis" text NOT NULL,
	"budget_min" numeric(12, 2),
	"budget_max" numeric(12, 2),
	"currency" text DEFAULT 'USD' NOT NULL,
	"hours_per_week" numeric(5, 2),
	"engagement_type" text DEFAULT 'any' NOT NULL,
	"work_location" text DEFAULT 'remote' NOT NULL,
	"under_budget_bonus" text DEFAULT '' NOT NULL,
	"early_finish_bonus" text DEFAULT '' NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', search_text)) STORED,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_posts_status_check" CHECK ("job_posts"."status" IN ('draft', 'open', 'closed', 'filled')),
	CONSTRAINT "job_posts_basis_check" CHECK ("job_posts"."budget_basis" IN ('hourly', 'monthly', 'fixed')),
	CONSTRAINT "job_posts_engagement_check" CHECK ("job_posts"."engagement_type" IN ('freelancer', 'virtual_assistant', 'firm', 'any')),
	CONSTRAINT "job_posts_location_check" CHECK ("job_posts"."work_location" IN ('remote', 'on_site', 'hybrid')),
	CONSTRAINT "job_posts_visibility_check" CHECK ("job_posts"."visibility" IN ('public', 'invite_only')),
	CONSTRAINT "job_posts_budget_check" CHECK ("job_posts"."budget_min" <= "job_posts"."budget_max")
);
--> statement-breakpoint
CREATE TABLE "bid_duty_coverage" (
	"bid_id" uuid NOT NULL,
	"duty_id" uuid NOT NULL,
	"coverage" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "bid_duty_coverage_bid_id_duty_id_pk" PRIMARY KEY("bid_id","duty_id"),
	CONSTRAINT "bid_duty_coverage_check" CHECK ("bid_duty_coverage"."coverage" IN ('yes', 'partly', 'no'))
);
--> statement-breakpoint
CREATE TABLE "bid_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bid_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bid_thread_reads" (
	"bid_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bid_thread_reads_bid_id_user_id_pk" PRIMARY KEY("bid_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "bids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_post_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"price" numeric(12, 2) NOT NULL,
	"price_basis" text NOT NULL,
	"currency" text NOT NULL,
	"estimated_hours" numeric(7, 2),
	"start_date" date,
	"duration_weeks" integer,
	"cover_note" text DEFAULT '' NOT NULL,
	"package" jsonb,
	"shortlisted" boolean DEFAULT false NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"decline_reason" text,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bids_status_check" CHECK ("bids"."status" IN ('active', 'withdrawn', 'declined', 'accepted', 'not_selected')),
	CONSTRAINT "bids_basis_check" CHECK ("bids"."price_basis" IN ('hourly', 'monthly', 'fixed')),
	CONSTRAINT "bids_price_check" CHECK ("bids"."price" > 0)
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_post_id" uuid NOT NULL,
	"bid_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"price" numeric(12, 2) NOT NULL,
	"price_basis" text NOT NULL,
	"currency" text NOT NULL,
	"start_date" date NOT NULL,
	"duties" jsonb NOT NULL,
	"benchmarks" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "engagements_status_check" CHECK ("engagements"."status" IN ('active', 'ended'))
);
--> statement-breakpoint
ALTER TABLE "owner_profiles" ADD CONSTRAINT "owner_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_tasks" ADD CONSTRAINT "owner_tasks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "owner_tasks" ADD CONSTRAINT "owner_tasks_job_post_id_job_posts_id_fk" FOREIGN KEY ("job_post_id") REFERENCES "public"."job_posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_providers" ADD CONSTRAINT "saved_providers_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_providers" ADD CONSTRAINT "saved_providers_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_post_benchmarks" ADD CONSTRAINT "job_post_benchmarks_job_post_id_job_posts_id_fk" FOREIGN KEY ("job_post_id") REFERENCES "public"."job_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_post_duties" ADD CONSTRAINT "job_post_duties_job_post_id_job_posts_id_fk" FOREIGN KEY ("job_post_id") REFERENCES "public"."job_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_post_invitations" ADD CONSTRAINT "job_post_invitations_job_post_id_job_posts_id_fk" FOREIGN KEY ("job_post_id") REFERENCES "public"."job_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_post_invitations" ADD CONSTRAINT "job_post_invitations_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_post_invitations" ADD CONSTRAINT "job_post_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_post_matches" ADD CONSTRAINT "job_post_matches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_post_matches" ADD CONSTRAINT "job_post_matches_job_post_id_job_posts_id_fk" FOREIGN KEY ("job_post_id") REFERENCES "public"."job_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_posts" ADD CONSTRAINT "job_posts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_duty_coverage" ADD CONSTRAINT "bid_duty_coverage_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_duty_coverage" ADD CONSTRAINT "bid_duty_coverage_duty_id_job_post_duties_id_fk" FOREIGN KEY ("duty_id") REFERENCES "public"."job_post_duties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_messages" ADD CONSTRAINT "bid_messages_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_messages" ADD CONSTRAINT "bid_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_thread_reads" ADD CONSTRAINT "bid_thread_reads_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_thread_reads" ADD CONSTRAINT "bid_thread_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_job_post_id_job_posts_id_fk" FOREIGN KEY ("job_post_id") REFERENCES "public"."job_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_job_post_id_job_posts_id_fk" FOREIGN KEY ("job_post_id") REFERENCES "public"."job_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "owner_tasks_user_idx" ON "owner_tasks" USING btree ("user_id","feeling","position");--> statement-breakpoint
CREATE INDEX "job_post_benchmarks_job_idx" ON "job_post_benchmarks" USING btree ("job_post_id","position");--> statement-breakpoint
CREATE INDEX "job_post_duties_job_idx" ON "job_post_duties" USING btree ("job_post_id","position");--> statement-breakpoint
CREATE INDEX "job_post_invitations_provider_idx" ON "job_post_invitations" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE INDEX "job_posts_owner_idx" ON "job_posts" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "job_posts_feed_idx" ON "job_posts" USING btree ("function_slug","published_at") WHERE "job_posts"."status" = 'open';--> statement-breakpoint
CREATE INDEX "job_posts_feed_industry_idx" ON "job_posts" USING btree ("industry_slug","published_at") WHERE "job_posts"."status" = 'open';--> statement-breakpoint
CREATE INDEX "job_posts_search_idx" ON "job_posts" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "bid_messages_bid_idx" ON "bid_messages" USING btree ("bid_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bids_job_provider_idx" ON "bids" USING btree ("job_post_id","provider_id");--> statement-breakpoint
CREATE INDEX "bids_provider_idx" ON "bids" USING btree ("provider_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "engagements_job_idx" ON "engagements" USING btree ("job_post_id");--> statement-breakpoint
CREATE UNIQUE INDEX "engagements_bid_idx" ON "engagements" USING btree ("bid_id");--> statement-breakpoint
CREATE INDEX "engagements_owner_idx" ON "engagements" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "engagements_provider_idx" ON "engagements" USING btree ("provider_id","created_at");