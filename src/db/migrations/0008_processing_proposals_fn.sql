-- Publishing a template version reaches every municipality that adopted the template: one proposal per
-- adopting entry, in each municipality's own tenant rows. The national team's transaction cannot write other
-- organisations' rows (RLS), so this one narrow function does it, and only for a national content writer.
-- It changes no entry: the municipality accepts or declines the proposal itself. An open proposal for an
-- older version is superseded by the new one. Idempotent for the same version.
CREATE OR REPLACE FUNCTION processing_propose_template_update(p_urn text, p_version integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_count integer;
BEGIN
  IF coalesce(current_setting('app.national_writer', true), '') <> 'on' THEN
    RAISE EXCEPTION 'only the national content team publishes template versions' USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM processing_templates t WHERE t.urn = p_urn AND t.version = p_version) THEN
    RAISE EXCEPTION 'template % version % does not exist', p_urn, p_version USING ERRCODE = 'P0002';
  END IF;
  UPDATE processing_proposals p SET status = 'superseded', version = p.version + 1
   WHERE p.template_urn = p_urn AND p.status = 'open' AND p.to_version < p_version;
  INSERT INTO processing_proposals (organization_id, entry_id, template_urn, from_version, to_version)
  SELECT e.organization_id, e.id, e.template_urn, e.template_version, p_version
    FROM processing_entries e
   WHERE e.template_urn = p_urn AND e.template_version < p_version
  ON CONFLICT (entry_id) WHERE status = 'open' DO NOTHING;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION processing_propose_template_update(text, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION processing_propose_template_update(text, integer) TO samsvar_app;
