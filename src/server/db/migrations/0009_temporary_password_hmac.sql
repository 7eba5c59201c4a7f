CREATE TABLE "server_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Temporary passwords are now HMAC-SHA-256 with a server key (docs/decisions/0006); the Argon2id
-- ones of earlier releases would need a second Argon2id on every failed login to check, so they
-- end here: whoever held one requests a new reset (they expired within 24 hours anyway).
UPDATE users SET temp_password_hash = NULL, temp_password_expires_at = NULL
WHERE temp_password_hash LIKE '$argon2%';--> statement-breakpoint
-- ID-7: a live temporary password logs in while the account is locked (a reset no longer lifts the
-- lock; completing it does), and such a login leaves the lock in place. Any other login still needs
-- the account unlocked at the moment of its update (migration 0007).
CREATE OR REPLACE FUNCTION portico_login_success(
  p_user_id uuid, p_now timestamptz, p_previous_token_hash text,
  p_token_hash text, p_portal_id text, p_csrf_token text,
  p_idle_expires_at timestamptz, p_absolute_expires_at timestamptz,
  p_ip_address text, p_user_agent text, p_username text, p_request_id text,
  p_with_temporary_password boolean)
RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users SET
         failed_attempts = CASE WHEN locked_until > p_now THEN failed_attempts ELSE 0 END,
         locked_until = CASE WHEN locked_until > p_now THEN locked_until END,
         last_login_at = p_now,
         temp_password_expires_at = CASE WHEN p_with_temporary_password THEN p_now ELSE temp_password_expires_at END
  WHERE id = p_user_id AND status = 'active'
    AND (p_with_temporary_password OR locked_until IS NULL OR locked_until <= p_now)
    AND (NOT p_with_temporary_password OR temp_password_expires_at > p_now);
  IF NOT FOUND THEN
    RETURN false;
  END IF;
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
  RETURN true;
END $$;
