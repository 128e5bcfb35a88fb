CREATE TABLE "system_dependencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"depends_on_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "system_dependencies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_audit_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"report_date" date,
	"period_end" date,
	"summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_audit_reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"scope" text,
	"issuer" text,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_certifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"product_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"dedupe_key" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"recipients" integer
);
--> statement-breakpoint
ALTER TABLE "vendor_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"product_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"severity" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"source" text DEFAULT 'other' NOT NULL,
	"due_on" date,
	"follow_up" text,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_findings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"product_id" uuid,
	"occurred_on" date NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"personal_data_affected" boolean,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_incidents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"questionnaire_id" uuid,
	"conclusion" text NOT NULL,
	"summary" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"next_review_on" date NOT NULL,
	"reviewed_by" uuid,
	"fact_mfa_possible" boolean,
	"fact_backup_offline" boolean,
	"fact_restore_tested" boolean,
	"fact_monitoring_24_7" boolean,
	"fact_outside_eea" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_reviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_sub_processors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" text,
	"country" text NOT NULL,
	"transfer_basis" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_sub_processors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_questionnaire_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"question_urn" text NOT NULL,
	"values" text[] DEFAULT '{}'::text[] NOT NULL,
	"comment" text,
	"answered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_questionnaire_answers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_questionnaire_group_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"group_ref" text NOT NULL,
	"question_urn" text NOT NULL,
	"answers" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_questionnaire_group_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_questionnaire_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"framework_urn" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_questionnaire_templates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"product_id" uuid,
	"template_id" uuid NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"due_on" date,
	"message" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_by" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_questionnaires" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_local_details" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"dpa_signed_on" date,
	"dpa_reference" text,
	"local_contact" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_local_details" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"reference_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"recipients" text[],
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notification_reads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"notification_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_reads" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"vendor_id" uuid,
	"vendor_change_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "system_owner" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "technical_contact" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "vendor_id" uuid;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "vendor_product_id" uuid;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "local_vendor_name" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "hosting" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "hosting_country" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "services" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "criticality" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "consequence_unavailable" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "consequence_altered" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "consequence_leaked" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "personal_data_categories" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "data_subjects" integer;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "mfa_users" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "mfa_admins" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "federation" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "idporten_level" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "backup_scope" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "backup_frequency" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "backup_offline" boolean;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "last_restore_test_on" date;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "last_restore_result" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "end_of_support_on" date;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "monitoring" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "alert_recipient" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "vendor_products" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "vendor_products" ADD COLUMN "hosting" text;--> statement-breakpoint
ALTER TABLE "vendor_products" ADD COLUMN "hosting_countries" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "vendor_products" ADD COLUMN "processes_personal_data" boolean;--> statement-breakpoint
ALTER TABLE "vendor_products" ADD COLUMN "current_version" text;--> statement-breakpoint
ALTER TABLE "vendor_products" ADD COLUMN "end_of_support_on" date;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "dpa_terms" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "dpa_version" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "transfers_outside_eea" boolean;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "transfer_basis" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "transfer_notes" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "review_interval_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "last_reviewed_on" date;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "conclusion" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "conclusion_summary" text;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "next_review_on" date;--> statement-breakpoint
ALTER TABLE "vendors" ADD COLUMN "vendor_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "system_dependencies" ADD CONSTRAINT "system_dependencies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_dependencies" ADD CONSTRAINT "system_dependencies_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_dependencies" ADD CONSTRAINT "system_dependencies_depends_on_id_systems_id_fk" FOREIGN KEY ("depends_on_id") REFERENCES "public"."systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_audit_reports" ADD CONSTRAINT "vendor_audit_reports_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_certifications" ADD CONSTRAINT "vendor_certifications_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_changes" ADD CONSTRAINT "vendor_changes_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_changes" ADD CONSTRAINT "vendor_changes_product_id_vendor_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."vendor_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_changes" ADD CONSTRAINT "vendor_changes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_findings" ADD CONSTRAINT "vendor_findings_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_findings" ADD CONSTRAINT "vendor_findings_product_id_vendor_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."vendor_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_incidents" ADD CONSTRAINT "vendor_incidents_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_incidents" ADD CONSTRAINT "vendor_incidents_product_id_vendor_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."vendor_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_reviews" ADD CONSTRAINT "vendor_reviews_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_reviews" ADD CONSTRAINT "vendor_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_sub_processors" ADD CONSTRAINT "vendor_sub_processors_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaire_answers" ADD CONSTRAINT "vendor_questionnaire_answers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaire_answers" ADD CONSTRAINT "vendor_questionnaire_answers_questionnaire_id_vendor_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."vendor_questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaire_answers" ADD CONSTRAINT "vendor_questionnaire_answers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaire_group_rules" ADD CONSTRAINT "vendor_questionnaire_group_rules_template_id_vendor_questionnaire_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."vendor_questionnaire_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaire_templates" ADD CONSTRAINT "vendor_questionnaire_templates_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaires" ADD CONSTRAINT "vendor_questionnaires_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaires" ADD CONSTRAINT "vendor_questionnaires_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaires" ADD CONSTRAINT "vendor_questionnaires_product_id_vendor_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."vendor_products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaires" ADD CONSTRAINT "vendor_questionnaires_template_id_vendor_questionnaire_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."vendor_questionnaire_templates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaires" ADD CONSTRAINT "vendor_questionnaires_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_questionnaires" ADD CONSTRAINT "vendor_questionnaires_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_local_details" ADD CONSTRAINT "vendor_local_details_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_local_details" ADD CONSTRAINT "vendor_local_details_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_vendor_change_id_vendor_changes_id_fk" FOREIGN KEY ("vendor_change_id") REFERENCES "public"."vendor_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "system_dependencies_key" ON "system_dependencies" USING btree ("organization_id","system_id","depends_on_id");--> statement-breakpoint
CREATE INDEX "system_dependencies_target_idx" ON "system_dependencies" USING btree ("organization_id","depends_on_id");--> statement-breakpoint
CREATE INDEX "vendor_audit_reports_vendor_idx" ON "vendor_audit_reports" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "vendor_certifications_vendor_idx" ON "vendor_certifications" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "vendor_certifications_valid_idx" ON "vendor_certifications" USING btree ("valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_changes_dedupe_key" ON "vendor_changes" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "vendor_changes_vendor_idx" ON "vendor_changes" USING btree ("vendor_id","created_at");--> statement-breakpoint
CREATE INDEX "vendor_findings_vendor_idx" ON "vendor_findings" USING btree ("vendor_id","status");--> statement-breakpoint
CREATE INDEX "vendor_incidents_vendor_idx" ON "vendor_incidents" USING btree ("vendor_id","occurred_on");--> statement-breakpoint
CREATE INDEX "vendor_reviews_vendor_idx" ON "vendor_reviews" USING btree ("vendor_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "vendor_sub_processors_vendor_idx" ON "vendor_sub_processors" USING btree ("vendor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_questionnaire_answers_key" ON "vendor_questionnaire_answers" USING btree ("organization_id","questionnaire_id","question_urn");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_questionnaire_group_rules_key" ON "vendor_questionnaire_group_rules" USING btree ("template_id","group_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_questionnaire_templates_framework_key" ON "vendor_questionnaire_templates" USING btree ("framework_id");--> statement-breakpoint
CREATE INDEX "vendor_questionnaires_org_idx" ON "vendor_questionnaires" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "vendor_questionnaires_vendor_idx" ON "vendor_questionnaires" USING btree ("vendor_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_local_details_key" ON "vendor_local_details" USING btree ("organization_id","vendor_id");--> statement-breakpoint
CREATE INDEX "vendor_local_details_vendor_idx" ON "vendor_local_details" USING btree ("vendor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_outbox_idempotency_key" ON "email_outbox" USING btree ("organization_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_reads_key" ON "notification_reads" USING btree ("organization_id","notification_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("organization_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_org_time_idx" ON "notifications" USING btree ("organization_id","created_at");--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_vendor_product_id_vendor_products_id_fk" FOREIGN KEY ("vendor_product_id") REFERENCES "public"."vendor_products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendors" ADD CONSTRAINT "vendors_vendor_organization_id_organizations_id_fk" FOREIGN KEY ("vendor_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "systems_org_name_key" ON "systems" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE INDEX "systems_vendor_idx" ON "systems" USING btree ("vendor_id","organization_id");--> statement-breakpoint
CREATE INDEX "systems_product_idx" ON "systems" USING btree ("vendor_product_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vendors_vendor_organization_key" ON "vendors" USING btree ("vendor_organization_id");--> statement-breakpoint
CREATE INDEX "vendors_next_review_idx" ON "vendors" USING btree ("next_review_on");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "system_dependencies" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("system_dependencies"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("system_dependencies"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "national_read" ON "vendor_audit_reports" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "vendor_audit_reports" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "vendor_audit_reports" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "vendor_audit_reports" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "vendor_certifications" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "vendor_certifications" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "vendor_certifications" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "vendor_certifications" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "vendor_changes" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "vendor_changes" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "vendor_changes" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "vendor_changes" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "vendor_findings" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "vendor_findings" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "vendor_findings" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "vendor_findings" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "vendor_incidents" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "vendor_incidents" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "vendor_incidents" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "vendor_incidents" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "vendor_reviews" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "vendor_reviews" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "vendor_reviews" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "vendor_reviews" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "vendor_sub_processors" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "vendor_sub_processors" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "vendor_sub_processors" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "vendor_sub_processors" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "vendor_read" ON "vendor_questionnaire_answers" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (("vendor_questionnaire_answers"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) or (current_setting('app.national_writer', true) = 'on'));--> statement-breakpoint
CREATE POLICY "vendor_insert" ON "vendor_questionnaire_answers" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK ("vendor_questionnaire_answers"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "vendor_update" ON "vendor_questionnaire_answers" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING ("vendor_questionnaire_answers"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("vendor_questionnaire_answers"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "vendor_delete" ON "vendor_questionnaire_answers" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING ("vendor_questionnaire_answers"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "national_read" ON "vendor_questionnaire_group_rules" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "vendor_questionnaire_group_rules" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "vendor_questionnaire_group_rules" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "vendor_questionnaire_group_rules" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_read" ON "vendor_questionnaire_templates" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "vendor_questionnaire_templates" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "vendor_questionnaire_templates" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "vendor_questionnaire_templates" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "vendor_read" ON "vendor_questionnaires" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (("vendor_questionnaires"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) or (current_setting('app.national_writer', true) = 'on'));--> statement-breakpoint
CREATE POLICY "vendor_insert" ON "vendor_questionnaires" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (("vendor_questionnaires"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) or (current_setting('app.national_writer', true) = 'on'));--> statement-breakpoint
CREATE POLICY "vendor_update" ON "vendor_questionnaires" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (("vendor_questionnaires"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) or (current_setting('app.national_writer', true) = 'on')) WITH CHECK (("vendor_questionnaires"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) or (current_setting('app.national_writer', true) = 'on'));--> statement-breakpoint
CREATE POLICY "vendor_delete" ON "vendor_questionnaires" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (("vendor_questionnaires"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) or (current_setting('app.national_writer', true) = 'on'));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "vendor_local_details" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("vendor_local_details"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("vendor_local_details"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "email_outbox" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("email_outbox"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("email_outbox"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "notification_reads" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("notification_reads"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("notification_reads"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "notifications" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("notifications"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("notifications"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);