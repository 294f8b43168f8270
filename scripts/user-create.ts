/**
 * Creates a user from the command line — how the first admin gets into a production
 * database: `npm run user:create -- --email ops@example.org --role admin [--name "Ops"]`.
 * The password is read from FACTMARK_PASSWORD or asked for on the terminal (not echoed).
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";

async function askPassword(): Promise<string> {
  if (process.env.FACTMARK_PASSWORD) return process.env.FACTMARK_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const mute = rl as unknown as { _writeToOutput?: (s: string) => void };
  rl.setPrompt("");
  process.stdout.write("Password (at least 10 characters): ");
  mute._writeToOutput = () => {};
  const answer = await rl.question("");
  rl.close();
  process.stdout.write("\n");
  return answer;
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string", default: "admin" }, name: { type: "string" } },
  });
  const role = String(values.role).toUpperCase();
  if (!values.email || !["ADMIN", "EDITOR", "REVIEWER"].includes(role)) {
    console.error("Usage: npm run user:create -- --email someone@example.org --role admin|editor|reviewer [--name \"Full Name\"]");
    process.exit(2);
  }
  if (!process.env.DATABASE_URL) {
    console.error("Set DATABASE_URL to the database to add the user to.");
    process.exit(2);
  }
  const { createUserSchema } = await import("@/lib/users/schemas");
  const parsed = createUserSchema.safeParse({
    email: values.email,
    name: values.name ?? values.email.split("@")[0],
    role,
    password: await askPassword(),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
    process.exit(2);
  }
  const { createUser } = await import("@/lib/users/users");
  const { AppError } = await import("@/lib/api/errors");
  const { db } = await import("@/lib/db");
  try {
    const user = await createUser(null, parsed.data);
    console.log(`Created ${user.role.toLowerCase()} ${user.email}`);
  } catch (error) {
    console.error(error instanceof AppError ? `${error.message} ${JSON.stringify(error.options.fields ?? {})}` : error);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

void main();
