CREATE TABLE "library_content_state" (
	"key" text PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "library_content_state" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "kind" text DEFAULT 'framework' NOT NULL;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "content_hash" text;--> statement-breakpoint
ALTER TABLE "implementation_groups" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "implementation_groups" ADD COLUMN "applies_if" jsonb;--> statement-breakpoint
ALTER TABLE "requirement_mappings" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE POLICY "national_read" ON "library_content_state" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "national_insert" ON "library_content_state" AS PERMISSIVE FOR INSERT TO "samsvar_app" WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_update" ON "library_content_state" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "national_delete" ON "library_content_state" AS PERMISSIVE FOR DELETE TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on');