DROP INDEX "users_lifecycle_active_idx";--> statement-breakpoint
DROP INDEX "users_lifecycle_disabled_idx";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_active_on" date GENERATED ALWAYS AS (((greatest(coalesce(last_login_at, created_at), coalesce(reinstated_at, created_at)) at time zone 'UTC')::date)) STORED;--> statement-breakpoint
CREATE INDEX "users_lifecycle_active_idx" ON "users" USING btree ("portal_id","last_active_on") WHERE "users"."status" = 'active';--> statement-breakpoint
CREATE INDEX "users_lifecycle_disabled_idx" ON "users" USING btree ("portal_id","last_active_on") WHERE "users"."status" = 'disabled';--> statement-breakpoint
-- Room on each page for the new version of a row, so a login's update can stay on its page (HOT).
ALTER TABLE "users" SET (fillfactor = 85);
