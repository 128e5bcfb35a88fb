CREATE TABLE "compliance_summaries" (
	"organization_id" uuid NOT NULL,
	"framework_urn" text NOT NULL,
	"framework_version" integer NOT NULL,
	"assessable" integer NOT NULL,
	"met" integer NOT NULL,
	"partial" integer NOT NULL,
	"not_met" integer NOT NULL,
	"not_relevant" integer NOT NULL,
	"not_assessed" integer NOT NULL,
	"needs_review" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_summaries_organization_id_framework_urn_pk" PRIMARY KEY("organization_id","framework_urn")
);
--> statement-breakpoint
ALTER TABLE "compliance_summaries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"measure_urn" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"file_name" text,
	"content_type" text,
	"size_bytes" integer,
	"sha256" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_kind_fields" CHECK (("evidence"."kind" = 'link' and "evidence"."url" is not null) or ("evidence"."kind" = 'file' and "evidence"."file_name" is not null and "evidence"."sha256" is not null))
);
--> statement-breakpoint
ALTER TABLE "evidence" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"evidence_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "action_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_notes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "effort" text;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "compliance_summaries" ADD CONSTRAINT "compliance_summaries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_notes" ADD CONSTRAINT "action_notes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_notes" ADD CONSTRAINT "action_notes_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_notes" ADD CONSTRAINT "action_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_measure_idx" ON "evidence" USING btree ("organization_id","measure_urn");--> statement-breakpoint
CREATE INDEX "action_notes_action_idx" ON "action_notes" USING btree ("organization_id","action_id","created_at");--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_owner_idx" ON "actions" USING btree ("organization_id","owner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "actions_open_gap_key" ON "actions" USING btree ("organization_id","measure_urn") WHERE "actions"."source_type" = 'gap' and "actions"."status" in ('open', 'in_progress');--> statement-breakpoint
ALTER TABLE "measure_assessments" ADD CONSTRAINT "measure_assessments_maturity_range" CHECK ("measure_assessments"."maturity" between 0 and 5);--> statement-breakpoint
ALTER TABLE "measure_assessments" ADD CONSTRAINT "measure_assessments_not_relevant_reason" CHECK ("measure_assessments"."status" <> 'not_relevant' or length(trim(coalesce("measure_assessments"."not_relevant_reason", ''))) > 0);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "compliance_summaries" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("compliance_summaries"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("compliance_summaries"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "evidence" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("evidence"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("evidence"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "evidence_files" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("evidence_files"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("evidence_files"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "action_notes" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("action_notes"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("action_notes"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);