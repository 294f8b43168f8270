import path from "node:path";
import { defaultDataDir } from "./paths";

/** The embedded database's directory: $FACTMARK_DATA_DIR, else .data/ in the project. */
export function dataDirFromEnv(): string {
  const fromEnv = process.env.FACTMARK_DATA_DIR;
  return fromEnv ? path.resolve(fromEnv) : defaultDataDir;
}
