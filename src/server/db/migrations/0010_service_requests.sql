CREATE SEQUENCE "public"."service_request_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100 CACHE 1;--> statement-breakpoint
CREATE TABLE "portal_documents" (
	"portal_id" text NOT NULL,
	"name" text NOT NULL,
	"upload_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	CONSTRAINT "portal_documents_portal_id_name_pk" PRIMARY KEY("portal_id","name")
);
--> statement-breakpoint
CREATE TABLE "sep_affirmations" (
	"user_id" uuid NOT NULL,
	"plan_year" integer NOT NULL,
	"ticket_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_request_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"author_id" uuid,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_request_messages_kind_known" CHECK ("service_request_messages"."kind" in ('message','note','status'))
);
--> statement-breakpoint
CREATE TABLE "service_request_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"portal_id" text NOT NULL,
	"producer_id" integer NOT NULL,
	"filed_by" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"details" jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"assignee_id" uuid,
	"resolution_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "service_request_tickets_number_unique" UNIQUE("number"),
	CONSTRAINT "service_request_tickets_status_known" CHECK ("service_request_tickets"."status" in ('submitted','in-progress','pending-producer','resolved','cancelled')),
	CONSTRAINT "service_request_tickets_number_format" CHECK ("service_request_tickets"."number" ~ '^SR-[0-9]{4}-[0-9]{6,}$')
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"ticket_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "uploads_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "uploads_content_type_known" CHECK ("uploads"."content_type" in ('application/pdf','image/png','image/jpeg')),
	CONSTRAINT "uploads_size_positive" CHECK ("uploads"."size_bytes" > 0)
);
--> statement-breakpoint
ALTER TABLE "portal_documents" ADD CONSTRAINT "portal_documents_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_documents" ADD CONSTRAINT "portal_documents_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_documents" ADD CONSTRAINT "portal_documents_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sep_affirmations" ADD CONSTRAINT "sep_affirmations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sep_affirmations" ADD CONSTRAINT "sep_affirmations_ticket_id_service_request_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."service_request_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_messages" ADD CONSTRAINT "service_request_messages_ticket_id_service_request_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."service_request_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_messages" ADD CONSTRAINT "service_request_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_tickets" ADD CONSTRAINT "service_request_tickets_portal_id_portals_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_tickets" ADD CONSTRAINT "service_request_tickets_producer_id_producers_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."producers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_tickets" ADD CONSTRAINT "service_request_tickets_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_tickets" ADD CONSTRAINT "service_request_tickets_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_ticket_id_service_request_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."service_request_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sep_affirmations_user_year_key" ON "sep_affirmations" USING btree ("user_id","plan_year");--> statement-breakpoint
CREATE INDEX "service_request_messages_ticket_idx" ON "service_request_messages" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "service_request_tickets_producer_open_idx" ON "service_request_tickets" USING btree ("producer_id","created_at" DESC NULLS LAST) WHERE "service_request_tickets"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "service_request_tickets_status_idx" ON "service_request_tickets" USING btree ("status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "service_request_tickets_assignee_idx" ON "service_request_tickets" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "uploads_ticket_idx" ON "uploads" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "uploads_unattached_idx" ON "uploads" USING btree ("created_at") WHERE "uploads"."ticket_id" is null;