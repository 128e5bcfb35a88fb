-- How many people have access to each organisation, for the national registry. Memberships are tenant
-- rows, so the national team cannot read them under RLS; this returns counts only, and only inside a
-- transaction whose active organisation is the national one.
CREATE OR REPLACE FUNCTION organization_member_counts(p_ids uuid[])
RETURNS TABLE (organization_id uuid, members integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT m.organization_id, count(DISTINCT m.user_id)::int
    FROM memberships m
   WHERE m.organization_id = ANY (p_ids)
     AND EXISTS (SELECT 1 FROM organizations o
                  WHERE o.id = nullif(current_setting('app.organization_id', true), '')::uuid AND o.kind = 'national')
   GROUP BY m.organization_id
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION organization_member_counts(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION organization_member_counts(uuid[]) TO samsvar_app;
