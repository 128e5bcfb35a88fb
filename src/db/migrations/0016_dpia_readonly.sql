-- An approved DPIA version is a record of a decision: nobody may change or delete it, whatever the route or
-- role (docs/adr/0011-dpia.md). Changing an approved DPIA starts a new draft version instead. Only a cascade
-- from deleting the whole organisation (trigger depth > 1) may remove the row.
CREATE OR REPLACE FUNCTION dpia_versions_guard_approved()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'approved' THEN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'DPIA version % is approved and read-only', OLD.id USING ERRCODE = 'P0001', HINT = 'DPIA_VERSION_READ_ONLY';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER dpia_versions_read_only BEFORE UPDATE OR DELETE ON dpia_versions
  FOR EACH ROW EXECUTE FUNCTION dpia_versions_guard_approved();
--> statement-breakpoint
-- Publishing a template version reaches every municipality with a DPIA from that template: one proposal per
-- DPIA, in the municipality's own rows (same idea as processing_propose_template_update). Only a national
-- content writer may call it; it changes no DPIA.
CREATE OR REPLACE FUNCTION dpia_propose_template_update(p_urn text, p_version integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_count integer;
BEGIN
  IF coalesce(current_setting('app.national_writer', true), '') <> 'on' THEN
    RAISE EXCEPTION 'only the national content team publishes template versions' USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM dpia_templates t WHERE t.urn = p_urn AND t.version = p_version) THEN
    RAISE EXCEPTION 'template % version % does not exist', p_urn, p_version USING ERRCODE = 'P0002';
  END IF;
  UPDATE dpia_proposals p SET status = 'superseded', version = p.version + 1
   WHERE p.template_urn = p_urn AND p.status = 'open' AND p.to_version < p_version;
  INSERT INTO dpia_proposals (organization_id, dpia_id, template_urn, from_version, to_version)
  SELECT d.organization_id, d.id, d.template_urn, d.template_version, p_version
    FROM dpias d
   WHERE d.template_urn = p_urn AND d.template_version < p_version
  ON CONFLICT (dpia_id) WHERE status = 'open' DO NOTHING;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION dpia_propose_template_update(text, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dpia_propose_template_update(text, integer) TO samsvar_app;
