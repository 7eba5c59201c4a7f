-- The two statements of a login (docs/decisions/0002-login-hot-path.md) as PL/pgSQL functions:
-- PL/pgSQL caches the plans of the statements inside, so a login no longer parses and plans a
-- five-table join and four writes every time. Both PGlite and PostgreSQL 15 run them.

CREATE OR REPLACE FUNCTION portico_login_context(p_portal_id text, p_username citext)
RETURNS TABLE (
  portal_id text, portal_name text, policy jsonb, texts jsonb,
  user_id uuid, username citext, password_hash text, status text, locked_until timestamptz,
  role text, first_name text, last_name text, email citext, last_login_at timestamptz,
  agent_unique_id text, agency_name citext, account_number text, group_name text)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    SELECT p.id, p.name, p.policy, p.texts,
           u.id, u.username, u.password_hash, u.status, u.locked_until,
           u.role, u.first_name, u.last_name, u.email, u.last_login_at,
           pr.agent_unique_id, a.name, g.account_number, g.name
    FROM portals p
    LEFT JOIN users u ON u.portal_id = p.id AND u.username = p_username AND u.status <> 'deleted'
    LEFT JOIN producers pr ON pr.id = u.producer_id
    LEFT JOIN agencies a ON a.id = coalesce(u.agency_id, pr.agency_id)
    LEFT JOIN employer_groups g ON g.id = u.group_id
    WHERE p.id = p_portal_id
    LIMIT 1;
END $$;
--> statement-breakpoint
-- Resets the failure count (ID-2), records the login date (LC-1), ends the browser's previous
-- session (rotation), starts the new one and writes the audit row (ID-11) — atomically.
CREATE OR REPLACE FUNCTION portico_login_success(
  p_user_id uuid, p_now timestamptz, p_previous_token_hash text,
  p_token_hash text, p_portal_id text, p_csrf_token text,
  p_idle_expires_at timestamptz, p_absolute_expires_at timestamptz,
  p_ip_address text, p_user_agent text, p_username text, p_request_id text)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = p_now WHERE id = p_user_id;
  IF p_previous_token_hash IS NOT NULL THEN
    DELETE FROM sessions WHERE token_hash = p_previous_token_hash;
  END IF;
  INSERT INTO sessions (token_hash, user_id, portal_id, csrf_token, created_at, last_seen_at,
                        idle_expires_at, absolute_expires_at, ip_address, user_agent)
  VALUES (p_token_hash, p_user_id, p_portal_id, p_csrf_token, p_now, p_now,
          p_idle_expires_at, p_absolute_expires_at, p_ip_address, p_user_agent);
  INSERT INTO audit_events (occurred_at, action, portal_id, actor_user_id, actor_label,
                            target_user_id, target_label, ip_address, request_id, details)
  VALUES (p_now, 'login.success', p_portal_id, p_user_id, p_username,
          p_user_id, p_username, p_ip_address, p_request_id, '{}'::jsonb);
END $$;
