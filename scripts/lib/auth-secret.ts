import { mkdirSync } from "node:fs";
import path from "node:path";
import { readOrCreateSecret } from "./secret-file";

export class MissingSecretError extends Error {
  constructor() {
    super(
      "NEXTAUTH_SECRET is not set. With DATABASE_URL set, Factmark does not invent a session secret: " +
        "every instance must share the same one. Generate one (e.g. `openssl rand -base64 32`) and set NEXTAUTH_SECRET.",
    );
    this.name = "MissingSecretError";
  }
}

/**
 * The secret that signs session cookies: $NEXTAUTH_SECRET, else (embedded database only) one
 * generated on first start and kept in the data directory, so sessions survive restarts.
 */
export function resolveAuthSecret(embeddedDataDir: string | null): string {
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (embeddedDataDir === null) throw new MissingSecretError();
  mkdirSync(embeddedDataDir, { recursive: true });
  return readOrCreateSecret(path.join(embeddedDataDir, "nextauth-secret"));
}
