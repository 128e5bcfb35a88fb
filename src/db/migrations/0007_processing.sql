CREATE TABLE "processing_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"template_urn" text,
	"template_version" integer,
	"systems_none" boolean DEFAULT false NOT NULL,
	"processors_none" boolean DEFAULT false NOT NULL,
	"dpia_recorded" boolean DEFAULT false NOT NULL,
	"dpia_reference" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "processing_entries_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "processing_entries_template_shape" CHECK (("processing_entries"."kind" = 'template') = ("processing_entries"."template_urn" is not null) and ("processing_entries"."template_urn" is null) = ("processing_entries"."template_version" is null))
);
--> statement-breakpoint
ALTER TABLE "processing_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "processing_entry_processors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"dpa_in_place" boolean DEFAULT false NOT NULL,
	"dpa_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "processing_entry_processors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "processing_entry_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "processing_entry_systems" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "processing_entry_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"field" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "processing_entry_values" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "processing_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"template_urn" text NOT NULL,
	"from_version" integer NOT NULL,
	"to_version" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolutions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "processing_proposals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "processing_service_areas" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"title_nn" text NOT NULL,
	"title_en" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "processing_service_areas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "processing_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"urn" text NOT NULL,
	"version" integer NOT NULL,
	"service_area" text NOT NULL,
	"name" text NOT NULL,
	"content" jsonb NOT NULL,
	"local_fields" text[] NOT NULL,
	"uncertain" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"origin" text NOT NULL,
	"change_note" text,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processing_templates_urn_version_key" UNIQUE("urn","version"),
	CONSTRAINT "processing_templates_version_positive" CHECK ("processing_templates"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "processing_templates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "processing_entries" ADD CONSTRAINT "processing_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_entries" ADD CONSTRAINT "processing_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_entries" ADD CONSTRAINT "processing_entries_template_fk" FOREIGN KEY ("template_urn","template_version") REFERENCES "public"."processing_templates"("urn","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_entry_processors" ADD CONSTRAINT "processing_entry_processors_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_entry_processors" ADD CONSTRAINT "processing_entry_processors_entry_fk" FOREIGN KEY ("organization_id","entry_id") REFERENCES "public"."processing_entries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_entry_systems" ADD CONSTRAINT "processing_entry_systems_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_entry_systems" ADD CONSTRAINT "processing_entry_systems_entry_fk" FOREIGN KEY ("organization_id","entry_id") REFERENCES "public"."processing_entries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_entry_values" ADD CONSTRAINT "processing_entry_values_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_entry_values" ADD CONSTRAINT "processing_entry_values_entry_fk" FOREIGN KEY ("organization_id","entry_id") REFERENCES "public"."processing_entries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_proposals" ADD CONSTRAINT "processing_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_proposals" ADD CONSTRAINT "processing_proposals_entry_fk" FOREIGN KEY ("organization_id","entry_id") REFERENCES "public"."processing_entries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_proposals" ADD CONSTRAINT "processing_proposals_template_fk" FOREIGN KEY ("template_urn","to_version") REFERENCES "public"."processing_templates"("urn","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_templates" ADD CONSTRAINT "processing_templates_service_area_processing_service_areas_id_fk" FOREIGN KEY ("service_area") REFERENCES "public"."processing_service_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_templates" ADD CONSTRAINT "processing_templates_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "processing_entries_org_template_key" ON "processing_entries" USING btree ("organization_id","template_urn");--> statement-breakpoint
CREATE INDEX "processing_entries_template_idx" ON "processing_entries" USING btree ("template_urn","template_version");--> statement-breakpoint
CREATE UNIQUE INDEX "processing_entry_processors_key" ON "processing_entry_processors" USING btree ("entry_id","vendor_id");--> statement-breakpoint
CREATE INDEX "processing_entry_processors_org_idx" ON "processing_entry_processors" USING btree ("organization_id","entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "processing_entry_systems_key" ON "processing_entry_systems" USING btree ("entry_id","system_id");--> statement-breakpoint
CREATE INDEX "processing_entry_systems_org_idx" ON "processing_entry_systems" USING btree ("organization_id","entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "processing_entry_values_key" ON "processing_entry_values" USING btree ("entry_id","field");--> statement-breakpoint
CREATE INDEX "processing_entry_values_org_idx" ON "processing_entry_values" USING btree ("organization_id","entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "processing_proposals_open_key" ON "processing_proposals" USING btree ("entry_id") WHERE "processing_proposals"."status" = 'open';--> statement-breakpoint
CREATE INDEX "processing_proposals_org_idx" ON "processing_proposals" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "processing_proposals_template_idx" ON "processing_proposals" USING btree ("template_urn","status");--> statement-breakpoint
CREATE INDEX "processing_templates_area_idx" ON "processing_templates" USING btree ("service_area");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "processing_entries" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("processing_entries"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("processing_entries"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "processing_entry_processors" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("processing_entry_processors"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("processing_entry_processors"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "processing_entry_systems" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("processing_entry_systems"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("processing_entry_systems"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "processing_entry_values" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("processing_entry_values"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("processing_entry_values"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "processing_proposals" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("processing_proposals"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("processing_proposals"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "national_read" ON "processing_service_areas" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "processing_service_areas" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "processing_service_areas" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "processing_service_areas" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "processing_templates" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "processing_templates" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "processing_templates" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "processing_templates" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');