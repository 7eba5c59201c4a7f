-- Extensions the schema relies on; both are trusted on PostgreSQL 15 and bundled with PGlite.
CREATE EXTENSION IF NOT EXISTS citext;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
