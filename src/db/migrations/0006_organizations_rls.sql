ALTER TABLE "cooperation_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "organizations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "cooperation_members_read" ON "cooperation_members" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "cooperation_members_national_write" ON "cooperation_members" AS PERMISSIVE FOR ALL TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
CREATE POLICY "organizations_read" ON "organizations" AS PERMISSIVE FOR SELECT TO "samsvar_app" USING (true);--> statement-breakpoint
CREATE POLICY "organizations_update_own" ON "organizations" AS PERMISSIVE FOR UPDATE TO "samsvar_app" USING ("organizations"."id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("organizations"."id" = nullif(current_setting('app.organization_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "organizations_national_write" ON "organizations" AS PERMISSIVE FOR ALL TO "samsvar_app" USING (current_setting('app.national_writer', true) = 'on') WITH CHECK (current_setting('app.national_writer', true) = 'on');--> statement-breakpoint
-- Registry facts (name, numbers, population, målform) are changed only by the owner's seeding; the
-- application role may change an organisation's own settings and nothing else.
REVOKE UPDATE ON organizations FROM samsvar_app;
--> statement-breakpoint
GRANT UPDATE (document_language, dpo_contact, updated_at) ON organizations TO samsvar_app;
