CREATE TABLE "commission_periods" (
	"period" text PRIMARY KEY NOT NULL,
	"first_loaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- The months of the lines already loaded (the feed keeps it from now on).
INSERT INTO "commission_periods" ("period", "first_loaded_at") SELECT "period", min("created_at") FROM "commission_lines" GROUP BY "period";
