-- Audit trail: written by the database itself, so that no code path can forget it and the application
-- role cannot alter or remove what was written (it may only read its own organisation's events).
CREATE OR REPLACE FUNCTION audit_hash(
  p_prev text, p_chain uuid, p_seq bigint, p_at timestamptz, p_org uuid, p_actor uuid, p_request text,
  p_entity text, p_entity_id text, p_action text, p_before jsonb, p_after jsonb
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    p_prev, p_chain::text, p_seq::text, ((extract(epoch FROM p_at) * 1000000)::bigint)::text,
    coalesce(p_org::text, ''), coalesce(p_actor::text, ''), coalesce(p_request, ''), p_entity,
    coalesce(p_entity_id, ''), p_action, coalesce(p_before::text, ''), coalesce(p_after::text, '')
  ), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_append(
  p_org uuid, p_entity text, p_entity_id text, p_action text, p_before jsonb, p_after jsonb
) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_chain uuid := coalesce(p_org, '00000000-0000-0000-0000-000000000000'::uuid);
  v_seq bigint;
  v_prev text;
  v_hash text;
  v_at timestamptz := clock_timestamp();
  v_actor uuid := nullif(current_setting('app.user_id', true), '')::uuid;
  v_request text := nullif(current_setting('app.request_id', true), '');
BEGIN
  INSERT INTO audit_chain_heads (chain_key, seq, hash) VALUES (v_chain, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
  SELECT h.seq, h.hash INTO v_seq, v_prev FROM audit_chain_heads h WHERE h.chain_key = v_chain FOR UPDATE;
  v_seq := v_seq + 1;
  v_hash := audit_hash(v_prev, v_chain, v_seq, v_at, p_org, v_actor, v_request, p_entity, p_entity_id, p_action, p_before, p_after);
  INSERT INTO audit_events (chain_key, seq, organization_id, occurred_at, actor_user_id, request_id, entity, entity_id, action, before, after, prev_hash, hash)
  VALUES (v_chain, v_seq, p_org, v_at, v_actor, v_request, p_entity, p_entity_id, p_action, p_before, p_after, v_prev, v_hash);
  UPDATE audit_chain_heads SET seq = v_seq, hash = v_hash WHERE chain_key = v_chain;
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION audit_append(uuid, text, text, text, jsonb, jsonb) FROM PUBLIC;
--> statement-breakpoint
-- Row trigger. TG_ARGV[0]: the column holding the organisation ('-' for none); the rest: columns to redact.
CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_old jsonb;
  v_new jsonb;
  v_org text;
  i int;
BEGIN
  IF TG_OP <> 'INSERT' THEN v_old := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN v_new := to_jsonb(NEW); END IF;
  IF TG_OP = 'UPDATE' AND v_old = v_new THEN RETURN NULL; END IF;
  IF TG_ARGV[0] <> '-' THEN v_org := coalesce(v_new ->> TG_ARGV[0], v_old ->> TG_ARGV[0]); END IF;
  FOR i IN 1 .. coalesce(array_length(TG_ARGV, 1), 1) - 1 LOOP
    IF v_old ? TG_ARGV[i] AND v_old ->> TG_ARGV[i] IS NOT NULL THEN v_old := v_old || jsonb_build_object(TG_ARGV[i], '[skjult]'); END IF;
    IF v_new ? TG_ARGV[i] AND v_new ->> TG_ARGV[i] IS NOT NULL THEN v_new := v_new || jsonb_build_object(TG_ARGV[i], '[skjult]'); END IF;
  END LOOP;
  PERFORM audit_append(v_org::uuid, TG_TABLE_NAME, coalesce(v_new ->> 'id', v_old ->> 'id'), lower(TG_OP), v_old, v_new);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Events that are not row changes (login, failed MFA, export) are logged by the application through this.
CREATE OR REPLACE FUNCTION audit_log_event(p_entity text, p_entity_id text, p_action text, p_details jsonb)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM audit_append(nullif(current_setting('app.organization_id', true), '')::uuid, p_entity, p_entity_id, p_action, NULL, p_details);
END $$;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_events FROM samsvar_app;
--> statement-breakpoint
REVOKE ALL ON audit_chain_heads FROM samsvar_app;
--> statement-breakpoint
ALTER TABLE audit_chain_heads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- An invitation is found by its token before the invitee belongs to the organisation.
CREATE OR REPLACE FUNCTION invitation_for_token(p_token_hash text)
RETURNS TABLE (id uuid, organization_id uuid, email text, role text, expires_at timestamptz, accepted_at timestamptz, revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT i.id, i.organization_id, i.email, i.role, i.expires_at, i.accepted_at, i.revoked_at
  FROM invitations i WHERE i.token_hash = p_token_hash
$$;
