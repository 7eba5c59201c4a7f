CREATE TABLE "application_status_history" (
	"application_number" text NOT NULL,
	"status" text NOT NULL,
	"status_date" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "application_status_history_application_number_status_status_date_pk" PRIMARY KEY("application_number","status","status_date")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"application_number" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"line_of_business" text NOT NULL,
	"plan_name" text NOT NULL,
	"state" text NOT NULL,
	"status" text NOT NULL,
	"status_date" date NOT NULL,
	"submitted_date" date NOT NULL,
	"agent_unique_id" text NOT NULL,
	"policy_number" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "applications_status_known" CHECK ("applications"."status" in ('received', 'pending-information', 'in-review', 'approved', 'issued', 'declined', 'withdrawn')),
	CONSTRAINT "applications_line_known" CHECK ("applications"."line_of_business" in ('major-medical', 'medicare-supplement', 'medicare-advantage', 'prescription-drug', 'dental', 'vision', 'group-medical', 'group-dental', 'group-life'))
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"date_of_birth" date,
	"state" text,
	"email" "citext",
	"phone" text,
	"zip" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"actor_label" text NOT NULL,
	"status" text NOT NULL,
	"rows_read" bigint DEFAULT 0 NOT NULL,
	"inserted" bigint DEFAULT 0 NOT NULL,
	"updated" bigint DEFAULT 0 NOT NULL,
	"unchanged" bigint DEFAULT 0 NOT NULL,
	"failed" bigint DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "feed_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "feed_tokens_name_unique" UNIQUE("name"),
	CONSTRAINT "feed_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"policy_number" text PRIMARY KEY NOT NULL,
	"client_id" text,
	"group_account_number" text,
	"line_of_business" text NOT NULL,
	"plan_name" text NOT NULL,
	"state" text NOT NULL,
	"status" text NOT NULL,
	"effective_date" date NOT NULL,
	"renewal_date" date,
	"termination_date" date,
	"monthly_premium_cents" bigint NOT NULL,
	"writing_agent_id" text,
	"producer_of_record_agent_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policies_one_holder" CHECK (("policies"."client_id" is null) <> ("policies"."group_account_number" is null)),
	CONSTRAINT "policies_status_known" CHECK ("policies"."status" in ('pending', 'active', 'grace', 'terminated', 'cancelled')),
	CONSTRAINT "policies_line_known" CHECK ("policies"."line_of_business" in ('major-medical', 'medicare-supplement', 'medicare-advantage', 'prescription-drug', 'dental', 'vision', 'group-medical', 'group-dental', 'group-life'))
);
--> statement-breakpoint
CREATE TABLE "premium_payments" (
	"policy_number" text NOT NULL,
	"period" text NOT NULL,
	"amount_due_cents" bigint NOT NULL,
	"due_date" date NOT NULL,
	"amount_paid_cents" bigint DEFAULT 0 NOT NULL,
	"paid_date" date,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "premium_payments_policy_number_period_pk" PRIMARY KEY("policy_number","period"),
	CONSTRAINT "premium_payments_period_format" CHECK ("premium_payments"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "premium_payments_status_known" CHECK ("premium_payments"."status" in ('paid', 'due', 'past-due', 'grace', 'terminated-nonpayment'))
);
--> statement-breakpoint
ALTER TABLE "employer_groups" ADD COLUMN "state" text;--> statement-breakpoint
ALTER TABLE "employer_groups" ADD COLUMN "producer_agent_id" text;--> statement-breakpoint
ALTER TABLE "employer_groups" ADD COLUMN "line_of_business" text;--> statement-breakpoint
ALTER TABLE "employer_groups" ADD COLUMN "effective_date" date;--> statement-breakpoint
ALTER TABLE "employer_groups" ADD COLUMN "employee_count" integer;--> statement-breakpoint
ALTER TABLE "application_status_history" ADD CONSTRAINT "application_status_history_application_number_applications_application_number_fk" FOREIGN KEY ("application_number") REFERENCES "public"."applications"("application_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_client_id_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_agent_unique_id_producers_agent_unique_id_fk" FOREIGN KEY ("agent_unique_id") REFERENCES "public"."producers"("agent_unique_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_policy_number_policies_policy_number_fk" FOREIGN KEY ("policy_number") REFERENCES "public"."policies"("policy_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_client_id_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_group_account_number_employer_groups_account_number_fk" FOREIGN KEY ("group_account_number") REFERENCES "public"."employer_groups"("account_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_writing_agent_id_producers_agent_unique_id_fk" FOREIGN KEY ("writing_agent_id") REFERENCES "public"."producers"("agent_unique_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_producer_of_record_agent_id_producers_agent_unique_id_fk" FOREIGN KEY ("producer_of_record_agent_id") REFERENCES "public"."producers"("agent_unique_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "premium_payments" ADD CONSTRAINT "premium_payments_policy_number_policies_policy_number_fk" FOREIGN KEY ("policy_number") REFERENCES "public"."policies"("policy_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_client_idx" ON "applications" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "applications_agent_idx" ON "applications" USING btree ("agent_unique_id","state","status");--> statement-breakpoint
CREATE INDEX "clients_last_first_idx" ON "clients" USING btree ("last_name","first_name");--> statement-breakpoint
CREATE INDEX "feed_runs_started_idx" ON "feed_runs" USING btree ("started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "policies_client_idx" ON "policies" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "policies_group_idx" ON "policies" USING btree ("group_account_number");--> statement-breakpoint
CREATE INDEX "policies_writing_agent_idx" ON "policies" USING btree ("writing_agent_id","state");--> statement-breakpoint
CREATE INDEX "policies_producer_of_record_idx" ON "policies" USING btree ("producer_of_record_agent_id","state");--> statement-breakpoint
ALTER TABLE "employer_groups" ADD CONSTRAINT "employer_groups_producer_agent_id_producers_agent_unique_id_fk" FOREIGN KEY ("producer_agent_id") REFERENCES "public"."producers"("agent_unique_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_groups_producer_idx" ON "employer_groups" USING btree ("producer_agent_id");