import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  // CI points this elsewhere to check that the schema and the migrations are in step (scripts/check-migrations.mjs).
  out: process.env.DRIZZLE_OUT ?? './src/db/migrations',
});
