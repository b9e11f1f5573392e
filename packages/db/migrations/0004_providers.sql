CREATE TABLE "provider_functions" (
	"provider_id" uuid NOT NULL,
	"function_slug" text NOT NULL,
	"position" integer NOT NULL,
	"duties" jsonb NOT NULL,
	"custom_duties" jsonb NOT NULL,
	CONSTRAINT "provider_functions_provider_id_function_slug_pk" PRIMARY KEY("provider_id","function_slug")
);
--> statement-breakpoint
CREATE TABLE "provider_industries" (
	"provider_id" uuid NOT NULL,
	"industry_slug" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "provider_industries_provider_id_industry_slug_pk" PRIMARY KEY("provider_id","industry_slug")
);
--> statement-breakpoint
CREATE TABLE "provider_logos" (
	"provider_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_members" (
	"provider_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_members_provider_id_user_id_pk" PRIMARY KEY("provider_id","user_id"),
	CONSTRAINT "provider_members_role_check" CHECK ("provider_members"."role" IN ('owner', 'member'))
);
--> statement-breakpoint
CREATE TABLE "provider_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"price" numeric(12, 2) NOT NULL,
	"billing" text NOT NULL,
	"duties" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"company" text NOT NULL,
	"role" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date,
	"function_slug" text NOT NULL,
	"duties" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"rate_min" numeric(10, 2),
	"rate_max" numeric(10, 2),
	"currency" text DEFAULT 'USD' NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"timezone" text,
	"country" text,
	"remote" boolean DEFAULT true NOT NULL,
	"on_site" boolean DEFAULT false NOT NULL,
	"team_size" integer,
	"website" text,
	"rating_avg" numeric(3, 2),
	"rating_count" integer DEFAULT 0 NOT NULL,
	"verified_reference_count" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "providers_status_check" CHECK ("providers"."status" IN ('draft', 'published')),
	CONSTRAINT "providers_kind_check" CHECK ("providers"."kind" IN ('freelancer', 'virtual_assistant', 'firm')),
	CONSTRAINT "providers_rates_check" CHECK ("providers"."rate_min" <= "providers"."rate_max")
);
--> statement-breakpoint
ALTER TABLE "provider_functions" ADD CONSTRAINT "provider_functions_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_industries" ADD CONSTRAINT "provider_industries_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_logos" ADD CONSTRAINT "provider_logos_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_members" ADD CONSTRAINT "provider_members_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_members" ADD CONSTRAINT "provider_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_packages" ADD CONSTRAINT "provider_packages_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_references" ADD CONSTRAINT "provider_references_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_members_user_idx" ON "provider_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "provider_packages_provider_idx" ON "provider_packages" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "provider_references_provider_idx" ON "provider_references" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "providers_slug_idx" ON "providers" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "providers_published_idx" ON "providers" USING btree ("id") WHERE "providers"."status" = 'published';