CREATE TABLE "bid_thread_emails" (
	"bid_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"emailed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bid_thread_emails_bid_id_user_id_pk" PRIMARY KEY("bid_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "bid_thread_emails" ADD CONSTRAINT "bid_thread_emails_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_thread_emails" ADD CONSTRAINT "bid_thread_emails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;