CREATE TABLE "dpia_measure_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"dpia_id" uuid NOT NULL,
	"measure_id" text NOT NULL,
	"action_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dpia_measure_actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dpia_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"dpia_id" uuid NOT NULL,
	"template_urn" text NOT NULL,
	"from_version" integer NOT NULL,
	"to_version" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dpia_proposals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dpia_screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"criteria" jsonb NOT NULL,
	"list_hits" text[] NOT NULL,
	"outcome" text NOT NULL,
	"reasoning" text NOT NULL,
	"template_urn" text,
	"screened_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dpia_screenings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dpia_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"urn" text NOT NULL,
	"version" integer NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"content" jsonb NOT NULL,
	"origin" text NOT NULL,
	"change_note" text,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dpia_templates_urn_version_key" UNIQUE("urn","version"),
	CONSTRAINT "dpia_templates_version_positive" CHECK ("dpia_templates"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "dpia_templates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dpia_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"dpia_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"template_version" integer,
	"document" jsonb NOT NULL,
	"change_note" text,
	"dpo_opinion" text,
	"dpo_remarks" text,
	"dpo_by" uuid,
	"dpo_at" timestamp with time zone,
	"approval_decision" text,
	"approval_note" text,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dpia_versions_approval_shape" CHECK (("dpia_versions"."status" = 'approved') = ("dpia_versions"."approved_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "dpia_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dpias" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"title" text NOT NULL,
	"template_urn" text,
	"template_version" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"approved_version" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "dpias_org_id_key" UNIQUE("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "dpias" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "dpia_measure_actions" ADD CONSTRAINT "dpia_measure_actions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpia_measure_actions" ADD CONSTRAINT "dpia_measure_actions_dpia_fk" FOREIGN KEY ("organization_id","dpia_id") REFERENCES "public"."dpias"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpia_proposals" ADD CONSTRAINT "dpia_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpia_proposals" ADD CONSTRAINT "dpia_proposals_dpia_fk" FOREIGN KEY ("organization_id","dpia_id") REFERENCES "public"."dpias"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpia_proposals" ADD CONSTRAINT "dpia_proposals_template_fk" FOREIGN KEY ("template_urn","to_version") REFERENCES "public"."dpia_templates"("urn","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpia_screenings" ADD CONSTRAINT "dpia_screenings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpia_screenings" ADD CONSTRAINT "dpia_screenings_screened_by_users_id_fk" FOREIGN KEY ("screened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpia_screenings" ADD CONSTRAINT "dpia_screenings_entry_fk" FOREIGN KEY ("organization_id","entry_id") REFERENCES "public"."processing_entries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpia_templates" ADD CONSTRAINT "dpia_templates_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpia_versions" ADD CONSTRAINT "dpia_versions_dpo_by_users_id_fk" FOREIGN KEY ("dpo_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpia_versions" ADD CONSTRAINT "dpia_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpia_versions" ADD CONSTRAINT "dpia_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpia_versions" ADD CONSTRAINT "dpia_versions_dpia_fk" FOREIGN KEY ("organization_id","dpia_id") REFERENCES "public"."dpias"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpias" ADD CONSTRAINT "dpias_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpias" ADD CONSTRAINT "dpias_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpias" ADD CONSTRAINT "dpias_entry_fk" FOREIGN KEY ("organization_id","entry_id") REFERENCES "public"."processing_entries"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpias" ADD CONSTRAINT "dpias_template_fk" FOREIGN KEY ("template_urn","template_version") REFERENCES "public"."dpia_templates"("urn","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dpia_measure_actions_key" ON "dpia_measure_actions" USING btree ("dpia_id","measure_id");--> statement-breakpoint
CREATE INDEX "dpia_measure_actions_org_idx" ON "dpia_measure_actions" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dpia_proposals_open_key" ON "dpia_proposals" USING btree ("dpia_id") WHERE "dpia_proposals"."status" = 'open';--> statement-breakpoint
CREATE INDEX "dpia_proposals_org_idx" ON "dpia_proposals" USING btree ("organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "dpia_screenings_entry_key" ON "dpia_screenings" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "dpia_screenings_org_idx" ON "dpia_screenings" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dpia_versions_number_key" ON "dpia_versions" USING btree ("dpia_id","number");--> statement-breakpoint
CREATE INDEX "dpia_versions_org_idx" ON "dpia_versions" USING btree ("organization_id","dpia_id");--> statement-breakpoint
CREATE INDEX "dpias_org_idx" ON "dpias" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "dpias_template_idx" ON "dpias" USING btree ("template_urn","template_version");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "dpia_measure_actions" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("dpia_measure_actions"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("dpia_measure_actions"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "dpia_proposals" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("dpia_proposals"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("dpia_proposals"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "dpia_screenings" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("dpia_screenings"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("dpia_screenings"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "national_read" ON "dpia_templates" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "dpia_templates" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "dpia_templates" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "dpia_templates" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "dpia_versions" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("dpia_versions"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("dpia_versions"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "dpias" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("dpias"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("dpias"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);