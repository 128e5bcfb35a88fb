-- National aggregates of self-assessments. Row-level security keeps every organisation's answers to itself;
-- these two functions are the only way across, and they return only figures over at least five
-- organisations (k-anonymity): never a row of one organisation. A caller can ask for a larger k, never a
-- smaller one.
CREATE OR REPLACE FUNCTION national_compliance(p_min_organizations integer DEFAULT 5)
RETURNS TABLE (framework_urn text, organizations bigint, assessable bigint, met bigint, partial bigint, not_met bigint,
               not_relevant bigint, not_assessed bigint, average_percent_met numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.framework_urn, count(*), sum(s.assessable), sum(s.met), sum(s.partial), sum(s.not_met), sum(s.not_relevant),
         sum(s.not_assessed), round(avg(100.0 * s.met / nullif(s.assessable - s.not_relevant, 0)), 1)
  FROM compliance_summaries s
  JOIN organizations o ON o.id = s.organization_id AND o.kind IN ('municipality', 'county', 'cooperation')
  GROUP BY s.framework_urn
  HAVING count(*) >= greatest(coalesce(p_min_organizations, 5), 5)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION national_measure_status(p_min_organizations integer DEFAULT 5)
RETURNS TABLE (measure_urn text, organizations bigint, not_started bigint, partial bigint, implemented bigint,
               not_relevant bigint, average_maturity numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a.measure_urn, count(DISTINCT a.organization_id),
         count(*) FILTER (WHERE a.status = 'not_started'), count(*) FILTER (WHERE a.status = 'partial'),
         count(*) FILTER (WHERE a.status = 'implemented'), count(*) FILTER (WHERE a.status = 'not_relevant'),
         round(avg(a.maturity) FILTER (WHERE a.status <> 'not_relevant'), 1)
  FROM measure_assessments a
  JOIN organizations o ON o.id = a.organization_id AND o.kind IN ('municipality', 'county', 'cooperation')
  WHERE a.status <> 'not_assessed'
  GROUP BY a.measure_urn
  HAVING count(DISTINCT a.organization_id) >= greatest(coalesce(p_min_organizations, 5), 5)
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION national_compliance(integer) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION national_measure_status(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION national_compliance(integer) TO samsvar_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION national_measure_status(integer) TO samsvar_app;
