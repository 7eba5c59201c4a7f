CREATE TABLE "lifecycle_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"dry_run" boolean NOT NULL,
	"trigger" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "reinstated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "lifecycle_warned_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "users_lifecycle_active_idx" ON "users" USING btree ("portal_id",(greatest(coalesce("last_login_at", "created_at"), coalesce("reinstated_at", "created_at")))) WHERE "users"."status" = 'active';--> statement-breakpoint
CREATE INDEX "users_lifecycle_disabled_idx" ON "users" USING btree ("portal_id",(greatest(coalesce("last_login_at", "created_at"), coalesce("reinstated_at", "created_at")))) WHERE "users"."status" = 'disabled';