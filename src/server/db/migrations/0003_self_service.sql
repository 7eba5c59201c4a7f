CREATE TABLE "one_time_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"claimed_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"message_id" text,
	CONSTRAINT "outbox_status_known" CHECK ("outbox_messages"."status" in ('pending','sent','failed'))
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "temp_password_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "temp_password_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "challenge_question" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "challenge_answer_hash" text;--> statement-breakpoint
ALTER TABLE "one_time_tokens" ADD CONSTRAINT "one_time_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "one_time_tokens_user_idx" ON "one_time_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox_messages" USING btree ("next_attempt_at") WHERE "outbox_messages"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "users_retail_producer_key" ON "users" USING btree ("producer_id") WHERE "users"."portal_id" = 'retail' and "users"."status" <> 'deleted';--> statement-breakpoint
-- The login context now also carries the temporary password (ID-7); the return type changes,
-- so the function is dropped and created again.
DROP FUNCTION portico_login_context(text, citext);--> statement-breakpoint
CREATE FUNCTION portico_login_context(p_portal_id text, p_username citext)
RETURNS TABLE (
  portal_id text, portal_name text, policy jsonb, texts jsonb,
  user_id uuid, username citext, password_hash text, status text, locked_until timestamptz,
  role text, first_name text, last_name text, email citext, last_login_at timestamptz,
  agent_unique_id text, agency_name citext, account_number text, group_name text,
  temp_password_hash text, temp_password_expires_at timestamptz)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    SELECT p.id, p.name, p.policy, p.texts,
           u.id, u.username, u.password_hash, u.status, u.locked_until,
           u.role, u.first_name, u.last_name, u.email, u.last_login_at,
           pr.agent_unique_id, a.name, g.account_number, g.name,
           u.temp_password_hash, u.temp_password_expires_at
    FROM portals p
    LEFT JOIN users u ON u.portal_id = p.id AND u.username = p_username AND u.status <> 'deleted'
    LEFT JOIN producers pr ON pr.id = u.producer_id
    LEFT JOIN agencies a ON a.id = coalesce(u.agency_id, pr.agency_id)
    LEFT JOIN employer_groups g ON g.id = u.group_id
    WHERE p.id = p_portal_id
    LIMIT 1;
END $$;
--> statement-breakpoint
-- A login with the temporary password uses it up (single-use) and opens a session that can only
-- change the password; the hash stays so Change Password can take it as the current password.
DROP FUNCTION portico_login_success(uuid, timestamptz, text, text, text, text, timestamptz, timestamptz, text, text, text, text);--> statement-breakpoint
CREATE FUNCTION portico_login_success(
  p_user_id uuid, p_now timestamptz, p_previous_token_hash text,
  p_token_hash text, p_portal_id text, p_csrf_token text,
  p_idle_expires_at timestamptz, p_absolute_expires_at timestamptz,
  p_ip_address text, p_user_agent text, p_username text, p_request_id text,
  p_with_temporary_password boolean)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = p_now,
         temp_password_expires_at = CASE WHEN p_with_temporary_password THEN p_now ELSE temp_password_expires_at END
  WHERE id = p_user_id;
  IF p_previous_token_hash IS NOT NULL THEN
    DELETE FROM sessions WHERE token_hash = p_previous_token_hash;
  END IF;
  INSERT INTO sessions (token_hash, user_id, portal_id, csrf_token, created_at, last_seen_at,
                        idle_expires_at, absolute_expires_at, ip_address, user_agent, must_change_password)
  VALUES (p_token_hash, p_user_id, p_portal_id, p_csrf_token, p_now, p_now,
          p_idle_expires_at, p_absolute_expires_at, p_ip_address, p_user_agent, p_with_temporary_password);
  INSERT INTO audit_events (occurred_at, action, portal_id, actor_user_id, actor_label,
                            target_user_id, target_label, ip_address, request_id, details)
  VALUES (p_now, 'login.success', p_portal_id, p_user_id, p_username,
          p_user_id, p_username, p_ip_address, p_request_id,
          CASE WHEN p_with_temporary_password THEN '{"temporaryPassword":true}'::jsonb ELSE '{}'::jsonb END);
END $$;
