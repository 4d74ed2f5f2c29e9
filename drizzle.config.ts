import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from the schema; the app applies it (Node/Deno) and
// wrangler applies the same files to D1.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema/index.ts',
  out: './migrations',
});
