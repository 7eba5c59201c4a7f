CREATE TABLE "producer_of_record_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"account_number" text NOT NULL,
	"previous_agent_id" text NOT NULL,
	"new_agent_id" text,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "producer_of_record_changes_kind_known" CHECK ("producer_of_record_changes"."kind" in ('group', 'policy'))
);
--> statement-breakpoint
CREATE INDEX "producer_of_record_changes_previous_idx" ON "producer_of_record_changes" USING btree ("previous_agent_id","changed_at");