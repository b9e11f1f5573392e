CREATE TABLE "engagement_handovers" (
	"engagement_id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"access_to_revoke" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"documents_to_collect" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_day" date,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_review_schedules" (
	"engagement_id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"cadence" text DEFAULT 'standard' NOT NULL,
	"next_due" date,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"next_reminder_at" timestamp with time zone,
	"last_reviewed_at" timestamp with time zone,
	CONSTRAINT "engagement_review_schedules_cadence_check" CHECK ("engagement_review_schedules"."cadence" IN ('standard', 'quarterly', 'half-yearly', 'yearly'))
);
--> statement-breakpoint
CREATE TABLE "engagement_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"benchmarks" jsonb NOT NULL,
	"duties" jsonb NOT NULL,
	"decision" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"improvements" text DEFAULT '' NOT NULL,
	"next_due" date,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "engagement_reviews_decision_check" CHECK ("engagement_reviews"."decision" IN ('keep', 'improve', 'replace'))
);
--> statement-breakpoint
ALTER TABLE "engagement_handovers" ADD CONSTRAINT "engagement_handovers_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_handovers" ADD CONSTRAINT "engagement_handovers_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_review_schedules" ADD CONSTRAINT "engagement_review_schedules_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_review_schedules" ADD CONSTRAINT "engagement_review_schedules_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_reviews" ADD CONSTRAINT "engagement_reviews_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_reviews" ADD CONSTRAINT "engagement_reviews_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagement_review_schedules_reminder_idx" ON "engagement_review_schedules" USING btree ("next_reminder_at") WHERE "engagement_review_schedules"."next_reminder_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "engagement_reviews_engagement_idx" ON "engagement_reviews" USING btree ("engagement_id","submitted_at");--> statement-breakpoint
-- Engagements hired before reviews existed get the standard schedule's first date (start + 3 months).
INSERT INTO "engagement_review_schedules" ("engagement_id", "owner_id", "next_due", "next_reminder_at")
  SELECT "id", "owner_id", ("start_date" + interval '3 months')::date,
    (("start_date" + interval '3 months')::date)::timestamp AT TIME ZONE 'UTC'
  FROM "engagements" WHERE "status" = 'active';
