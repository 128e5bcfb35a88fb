CREATE TABLE "risk_matrices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"matrix" jsonb,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "risk_matrices_org_key" UNIQUE("organization_id")
);
--> statement-breakpoint
ALTER TABLE "risk_matrices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD COLUMN "matrix" jsonb;--> statement-breakpoint
ALTER TABLE "risk_matrices" ADD CONSTRAINT "risk_matrices_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_matrices" ADD CONSTRAINT "risk_matrices_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "risk_matrices" AS PERMISSIVE FOR ALL TO "samsvar_app" USING ("risk_matrices"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid) WITH CHECK ("risk_matrices"."organization_id" = nullif(current_setting('app.organization_id', true), '')::uuid);