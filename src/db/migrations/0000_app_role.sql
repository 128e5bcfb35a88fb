-- The application role: every request runs as this role (SET LOCAL ROLE in the tenant helper), so row-level
-- security applies even when the connection itself belongs to the owner. It can never bypass RLS.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'samsvar_app') THEN
    CREATE ROLE samsvar_app NOLOGIN NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
GRANT samsvar_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO samsvar_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO samsvar_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO samsvar_app;
