import { applyMigrations } from "./scripts/lib/migrate";
import { seedDemo } from "./scripts/lib/demo-logins";
const url = "postgresql://postgres@127.0.0.1:5432/factmark_proto";
await applyMigrations(url);
console.log("migrated");
console.log((await seedDemo(url)).length);
