CREATE TABLE "risk_assessment_risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"threat_urn" text,
	"title" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'included' NOT NULL,
	"rejection_reason" text,
	"likelihood" integer,
	"consequence" integer,
	"existing_measures" text,
	"residual_likelihood" integer,
	"residual_consequence" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_assessment_risks_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "risk_assessment_risks_scale" CHECK (coalesce("risk_assessment_risks"."likelihood", 1) between 1 and 5 and coalesce("risk_assessment_risks"."consequence", 1) between 1 and 5 and coalesce("risk_assessment_risks"."residual_likelihood", 1) between 1 and 5 and coalesce("risk_assessment_risks"."residual_consequence", 1) between 1 and 5),
	CONSTRAINT "risk_assessment_risks_dismissed" CHECK (("risk_assessment_risks"."status" = 'dismissed') = ("risk_assessment_risks"."rejection_reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "risk_assessment_risks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "risk_assessment_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_assessment_versions_key" UNIQUE("assessment_id","revision")
);
--> statement-breakpoint
ALTER TABLE "risk_assessment_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"system_id" uuid,
	"processing_entry_id" uuid,
	"subject_name" text NOT NULL,
	"title" text NOT NULL,
	"scope" text,
	"risk_owner_user_id" uuid,
	"review_date" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	"acceptance_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "risk_assessments_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "risk_assessments_accepted_shape" CHECK (("risk_assessments"."status" = 'accepted') = ("risk_assessments"."accepted_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "risk_assessments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "risk_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"title" text NOT NULL,
	"measure_urn" text,
	"action_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "risk_measures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "risk_assessment_risks" ADD CONSTRAINT "risk_assessment_risks_assessment_fk" FOREIGN KEY ("organization_id","assessment_id") REFERENCES "public"."risk_assessments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_versions" ADD CONSTRAINT "risk_assessment_versions_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_versions" ADD CONSTRAINT "risk_assessment_versions_assessment_fk" FOREIGN KEY ("organization_id","assessment_id") REFERENCES "public"."risk_assessments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_processing_entry_id_processing_entries_id_fk" FOREIGN KEY ("processing_entry_id") REFERENCES "public"."processing_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_risk_owner_user_id_users_id_fk" FOREIGN KEY ("risk_owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_measures" ADD CONSTRAINT "risk_measures_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_measures" ADD CONSTRAINT "risk_measures_risk_fk" FOREIGN KEY ("organization_id","risk_id") REFERENCES "public"."risk_assessment_risks"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_assessment_risks_assessment_idx" ON "risk_assessment_risks" USING btree ("organization_id","assessment_id");--> statement-breakpoint
CREATE INDEX "risk_assessment_versions_org_idx" ON "risk_assessment_versions" USING btree ("organization_id","assessment_id");--> statement-breakpoint
CREATE INDEX "risk_assessments_org_idx" ON "risk_assessments" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "risk_assessments_system_idx" ON "risk_assessments" USING btree ("organization_id","system_id");--> statement-breakpoint
CREATE INDEX "risk_measures_assessment_idx" ON "risk_measures" USING btree ("organization_id","assessment_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "risk_assessment_risks" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("risk_assessment_risks"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("risk_assessment_risks"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "risk_assessment_versions" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("risk_assessment_versions"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("risk_assessment_versions"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "risk_assessments" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("risk_assessments"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("risk_assessments"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "risk_measures" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("risk_measures"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("risk_measures"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);