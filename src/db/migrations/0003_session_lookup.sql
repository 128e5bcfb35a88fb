-- One round trip per request: find the session by its token hash, check both timeouts, refresh the idle
-- clock at most once a minute, and return the person and their roles in the active organisation.
CREATE OR REPLACE FUNCTION session_for_token(p_id text, p_idle_seconds integer)
RETURNS TABLE (
  id text, user_id uuid, state text, active_organization_id uuid, csrf_token text, auth_method text,
  expires_at timestamptz, email text, name text, language text, user_status text, totp_enrolled boolean,
  organization_kind text, organization_name text, roles text[]
) LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE sessions s SET last_seen_at = now()
   WHERE s.id = p_id AND s.last_seen_at < now() - interval '60 seconds'
     AND s.last_seen_at > now() - make_interval(secs => p_idle_seconds) AND s.expires_at > now();
  RETURN QUERY
  SELECT s.id, s.user_id, s.state, s.active_organization_id, s.csrf_token, s.auth_method, s.expires_at,
         u.email, u.name, u.language, u.status, u.totp_enrolled_at IS NOT NULL,
         o.kind, o.name,
         coalesce((SELECT array_agg(m.role ORDER BY m.role) FROM memberships m
                   WHERE m.user_id = s.user_id AND m.organization_id = s.active_organization_id), '{}')
    FROM sessions s
    JOIN users u ON u.id = s.user_id
    LEFT JOIN organizations o ON o.id = s.active_organization_id
   WHERE s.id = p_id AND s.expires_at > now()
     AND s.last_seen_at > now() - make_interval(secs => p_idle_seconds);
END $$;
