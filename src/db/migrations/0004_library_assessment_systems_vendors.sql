CREATE TABLE "frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"urn" text NOT NULL,
	"library_urn" text NOT NULL,
	"ref_id" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"description" text,
	"provider" text,
	"copyright" text,
	"source_url" text,
	"notes" text,
	"locale" text DEFAULT 'nb' NOT NULL,
	"version" integer NOT NULL,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "frameworks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "implementation_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"ref_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text
);
--> statement-breakpoint
ALTER TABLE "implementation_groups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "measure_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"relationship" text NOT NULL,
	"rationale" text
);
--> statement-breakpoint
ALTER TABLE "measure_mappings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"urn" text NOT NULL,
	"code" text NOT NULL,
	"area" text NOT NULL,
	"area_title" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"what" text NOT NULL,
	"why" text NOT NULL,
	"start_small" text NOT NULL,
	"evidence" text NOT NULL,
	"priority" text NOT NULL,
	"effort" text NOT NULL,
	"uncertain" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"node_id" uuid NOT NULL,
	"urn" text NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"text" text NOT NULL,
	"text_en" text,
	"text_nn" text,
	"choices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"compliant_values" text[] DEFAULT '{}'::text[] NOT NULL,
	"depends_on_urn" text,
	"depends_on_values" text[]
);
--> statement-breakpoint
ALTER TABLE "questions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "requirement_mapping_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"urn" text NOT NULL,
	"library_urn" text NOT NULL,
	"ref_id" text,
	"name" text NOT NULL,
	"description" text,
	"source_framework_urn" text NOT NULL,
	"target_framework_urn" text NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "requirement_mapping_sets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "requirement_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mapping_set_id" uuid NOT NULL,
	"source_urn" text NOT NULL,
	"target_urn" text NOT NULL,
	"relationship" text NOT NULL,
	"rationale" text,
	"strength" integer,
	"annotation" text
);
--> statement-breakpoint
ALTER TABLE "requirement_mappings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "requirement_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"urn" text NOT NULL,
	"parent_urn" text,
	"position" integer NOT NULL,
	"depth" integer NOT NULL,
	"ref_id" text,
	"title" text,
	"summary" text,
	"annotation" text,
	"typical_evidence" text,
	"source_url" text,
	"assessable" boolean DEFAULT false NOT NULL,
	"granularity" text,
	"uncertain" text,
	"out_of_scope" text,
	"implementation_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"title_en" text,
	"summary_en" text,
	"title_nn" text,
	"summary_nn" text
);
--> statement-breakpoint
ALTER TABLE "requirement_nodes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "systems" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_products" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"organization_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"source_type" text NOT NULL,
	"source_id" uuid,
	"measure_urn" text,
	"status" text DEFAULT 'open' NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"owner_user_id" uuid,
	"due_date" date,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "measure_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"measure_urn" text NOT NULL,
	"status" text DEFAULT 'not_assessed' NOT NULL,
	"maturity" integer,
	"not_relevant_reason" text,
	"owner_user_id" uuid,
	"next_review" date,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measure_assessments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organization_framework_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"framework_urn" text NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"adopted_by" uuid,
	"impact" jsonb
);
--> statement-breakpoint
ALTER TABLE "organization_framework_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "question_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"question_urn" text NOT NULL,
	"values" text[] DEFAULT '{}'::text[] NOT NULL,
	"comment" text,
	"answered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "question_answers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "implementation_groups" ADD CONSTRAINT "implementation_groups_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_mappings" ADD CONSTRAINT "measure_mappings_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_mappings" ADD CONSTRAINT "measure_mappings_node_id_requirement_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."requirement_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_node_id_requirement_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."requirement_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_mappings" ADD CONSTRAINT "requirement_mappings_mapping_set_id_requirement_mapping_sets_id_fk" FOREIGN KEY ("mapping_set_id") REFERENCES "public"."requirement_mapping_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_nodes" ADD CONSTRAINT "requirement_nodes_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_products" ADD CONSTRAINT "vendor_products_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_assessments" ADD CONSTRAINT "measure_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_assessments" ADD CONSTRAINT "measure_assessments_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_framework_versions" ADD CONSTRAINT "organization_framework_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_framework_versions" ADD CONSTRAINT "organization_framework_versions_adopted_by_users_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "frameworks_urn_version_key" ON "frameworks" USING btree ("urn","version");--> statement-breakpoint
CREATE UNIQUE INDEX "implementation_groups_key" ON "implementation_groups" USING btree ("framework_id","ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_mappings_key" ON "measure_mappings" USING btree ("measure_id","node_id");--> statement-breakpoint
CREATE INDEX "measure_mappings_node_idx" ON "measure_mappings" USING btree ("node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measures_urn_key" ON "measures" USING btree ("urn");--> statement-breakpoint
CREATE UNIQUE INDEX "measures_code_key" ON "measures" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "questions_node_urn_key" ON "questions" USING btree ("node_id","urn");--> statement-breakpoint
CREATE INDEX "questions_urn_idx" ON "questions" USING btree ("urn");--> statement-breakpoint
CREATE INDEX "questions_node_idx" ON "questions" USING btree ("node_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "requirement_mapping_sets_urn_key" ON "requirement_mapping_sets" USING btree ("urn");--> statement-breakpoint
CREATE INDEX "requirement_mappings_set_idx" ON "requirement_mappings" USING btree ("mapping_set_id");--> statement-breakpoint
CREATE INDEX "requirement_mappings_source_idx" ON "requirement_mappings" USING btree ("source_urn");--> statement-breakpoint
CREATE UNIQUE INDEX "requirement_nodes_framework_urn_key" ON "requirement_nodes" USING btree ("framework_id","urn");--> statement-breakpoint
CREATE INDEX "requirement_nodes_urn_idx" ON "requirement_nodes" USING btree ("urn");--> statement-breakpoint
CREATE INDEX "requirement_nodes_framework_idx" ON "requirement_nodes" USING btree ("framework_id","position");--> statement-breakpoint
CREATE INDEX "systems_org_idx" ON "systems" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "vendor_products_vendor_idx" ON "vendor_products" USING btree ("vendor_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "vendors_org_number_key" ON "vendors" USING btree ("organization_number");--> statement-breakpoint
CREATE INDEX "vendors_name_idx" ON "vendors" USING btree ("name");--> statement-breakpoint
CREATE INDEX "actions_org_status_idx" ON "actions" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "actions_source_idx" ON "actions" USING btree ("organization_id","source_type","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_assessments_key" ON "measure_assessments" USING btree ("organization_id","measure_urn");--> statement-breakpoint
CREATE INDEX "measure_assessments_owner_idx" ON "measure_assessments" USING btree ("organization_id","owner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_framework_versions_key" ON "organization_framework_versions" USING btree ("organization_id","framework_urn");--> statement-breakpoint
CREATE UNIQUE INDEX "question_answers_key" ON "question_answers" USING btree ("organization_id","question_urn");--> statement-breakpoint
CREATE POLICY "national_read" ON "frameworks" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "frameworks" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "frameworks" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "frameworks" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "implementation_groups" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "implementation_groups" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "implementation_groups" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "implementation_groups" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "measure_mappings" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "measure_mappings" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "measure_mappings" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "measure_mappings" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "measures" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "measures" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "measures" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "measures" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "questions" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "questions" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "questions" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "questions" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "requirement_mapping_sets" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "requirement_mapping_sets" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "requirement_mapping_sets" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "requirement_mapping_sets" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "requirement_mappings" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "requirement_mappings" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "requirement_mappings" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "requirement_mappings" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "requirement_nodes" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "requirement_nodes" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "requirement_nodes" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "requirement_nodes" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "systems" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("systems"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("systems"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "national_read" ON "vendor_products" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "vendor_products" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "vendor_products" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "vendor_products" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "vendors" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "vendors" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "vendors" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "vendors" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "actions" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("actions"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("actions"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "measure_assessments" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("measure_assessments"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("measure_assessments"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "organization_framework_versions" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("organization_framework_versions"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("organization_framework_versions"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "question_answers" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("question_answers"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("question_answers"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);