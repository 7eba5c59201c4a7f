CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"portal_id" text,
	"state" text,
	"line" text,
	"plan_year" integer,
	"sep_course" boolean DEFAULT false NOT NULL,
	"upload_id" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid NOT NULL,
	"retired_at" timestamp with time zone,
	"retired_by" uuid,
	CONSTRAINT "resources_upload_id_unique" UNIQUE("upload_id"),
	CONSTRAINT "resources_kind_known" CHECK ("resources"."kind" in ('form', 'course')),
	CONSTRAINT "resources_portal_known" CHECK ("resources"."portal_id" is null or "resources"."portal_id" in ('retail', 'producers')),
	CONSTRAINT "resources_state_known" CHECK ("resources"."state" is null or "resources"."state" in ('IL', 'MT', 'NM', 'OK', 'TX')),
	CONSTRAINT "resources_line_known" CHECK ("resources"."line" is null or "resources"."line" in ('major-medical', 'medicare-supplement', 'medicare-advantage', 'prescription-drug', 'dental', 'vision', 'group-medical', 'group-dental', 'group-life')),
	CONSTRAINT "resources_sep_is_a_dated_course" CHECK (not "resources"."sep_course" or ("resources"."kind" = 'course' and "resources"."plan_year" is not null)),
	CONSTRAINT "resources_retired_by_someone" CHECK (("resources"."retired_at" is null) = ("resources"."retired_by" is null))
);
--> statement-breakpoint
CREATE TABLE "training_completions" (
	"resource_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_completions_user_id_resource_id_pk" PRIMARY KEY("user_id","resource_id")
);
--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_retired_by_users_id_fk" FOREIGN KEY ("retired_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resources_offered_idx" ON "resources" USING btree ("kind","published_at") WHERE "resources"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "training_completions_resource_idx" ON "training_completions" USING btree ("resource_id");