-- Systems and vendors: the few places where national work must cross organisations on purpose, each a narrow
-- SECURITY DEFINER function with its own check (see docs/adr/0009 and 0010).

-- Publishing a central vendor change: every organisation with a system on the vendor (or on the one product the
-- change concerns), or with its own details about the vendor, gets one in-app notification and one queued
-- e-mail. Both are keyed by change × organisation, so publishing again notifies no one twice. Only a
-- transaction of the national content team may publish. Returns how many organisations were newly notified.
CREATE OR REPLACE FUNCTION publish_vendor_change(p_change uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_change vendor_changes%ROWTYPE;
  v_key text := 'vendor-change:' || p_change::text;
  v_new integer;
BEGIN
  IF coalesce(current_setting('app.national_writer', true), '') <> 'on' THEN
    RAISE EXCEPTION 'only the national content team may publish vendor changes' USING ERRCODE = '42501';
  END IF;
  SELECT * INTO v_change FROM vendor_changes WHERE id = p_change;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'vendor change % does not exist', p_change USING ERRCODE = 'P0002';
  END IF;
  WITH recipients AS (
    SELECT s.organization_id FROM systems s
     WHERE s.vendor_id = v_change.vendor_id AND (v_change.product_id IS NULL OR s.vendor_product_id = v_change.product_id)
    UNION
    SELECT l.organization_id FROM vendor_local_details l
     WHERE l.vendor_id = v_change.vendor_id AND v_change.product_id IS NULL
  ), notified AS (
    INSERT INTO notifications (organization_id, dedupe_key, kind, title, body, link, vendor_id, vendor_change_id)
    SELECT r.organization_id, v_key, 'vendor_change', v_change.title, v_change.summary, '/leverandorer/' || v_change.vendor_id::text,
           v_change.vendor_id, v_change.id
      FROM recipients r
    ON CONFLICT (organization_id, dedupe_key) DO NOTHING
    RETURNING 1
  ), queued AS (
    INSERT INTO email_outbox (organization_id, idempotency_key, kind, reference_id)
    SELECT r.organization_id, v_key, 'vendor_change', v_change.id FROM recipients r
    ON CONFLICT (organization_id, idempotency_key) DO NOTHING
    RETURNING 1
  )
  SELECT count(*) INTO v_new FROM notified;

  UPDATE vendor_changes
     SET published_at = coalesce(published_at, clock_timestamp()),
         recipients = coalesce(recipients, 0) + v_new
   WHERE id = p_change;
  RETURN v_new;
END $$;
--> statement-breakpoint
-- The national team's question "which vendors serve the most municipalities": a count per vendor, never which
-- municipalities. Counts below 3 organisations come back as NULL, so no small group can be singled out.
CREATE OR REPLACE FUNCTION vendor_usage_counts()
RETURNS TABLE (vendor_id uuid, organizations integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM organizations o
                  WHERE o.id = nullif(current_setting('app.organization_id', true), '')::uuid AND o.kind = 'national') THEN
    RAISE EXCEPTION 'usage figures are for the national organisation only' USING ERRCODE = '42501';
  END IF;
  RETURN QUERY
  SELECT s.vendor_id, CASE WHEN count(DISTINCT s.organization_id) >= 3 THEN count(DISTINCT s.organization_id)::int END
    FROM systems s
   WHERE s.vendor_id IS NOT NULL
   GROUP BY s.vendor_id;
END $$;
--> statement-breakpoint
-- Readable history of one vendor in the national registry. National content lands in the platform audit chain
-- (organization_id NULL), which the application role cannot read; this returns only the vendor registry's
-- own events for the one vendor asked for.
CREATE OR REPLACE FUNCTION vendor_history(p_vendor uuid, p_before bigint, p_limit integer)
RETURNS TABLE (id bigint, occurred_at timestamptz, actor_name text, entity text, entity_id text, action text, before jsonb, after jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT e.id, e.occurred_at, u.name, e.entity, e.entity_id, e.action, e.before, e.after
    FROM audit_events e
    LEFT JOIN users u ON u.id = e.actor_user_id
   WHERE e.organization_id IS NULL
     AND e.entity LIKE 'vendor%'
     AND e.entity IN ('vendors', 'vendor_products', 'vendor_sub_processors', 'vendor_certifications', 'vendor_audit_reports',
                      'vendor_findings', 'vendor_incidents', 'vendor_reviews', 'vendor_changes')
     AND coalesce(e.after ->> 'vendor_id', e.before ->> 'vendor_id', e.entity_id) = p_vendor::text
     AND (p_before IS NULL OR e.id < p_before)
   ORDER BY e.id DESC
   LIMIT least(greatest(p_limit, 1), 200)
$$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS audit_events_vendor_history_idx
  ON audit_events ((coalesce(after ->> 'vendor_id', before ->> 'vendor_id', entity_id)), id)
  WHERE organization_id IS NULL AND entity LIKE 'vendor%';
