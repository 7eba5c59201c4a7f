-- Staff and administrator searches match substrings of user names, e-mail addresses and names
-- (ILIKE '%…%'); trigram indexes let them skip the rows that cannot match. Newest-first audit
-- searches without a filter read the time index backwards instead of sorting the table.
CREATE INDEX IF NOT EXISTS users_username_trgm_idx ON users USING gin ((username::text) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS users_email_trgm_idx ON users USING gin ((email::text) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS users_name_trgm_idx ON users USING gin ((first_name || ' ' || last_name) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS audit_events_occurred_idx ON audit_events (occurred_at);
