import { defineConfig } from "prisma/config";

// DATABASE_URL may be unset (postinstall generate, embedded default): read it lazily.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
