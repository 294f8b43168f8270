import path from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute paths the scripts share, independent of the directory they are started from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
export const defaultDataDir = path.join(projectRoot, ".data");
export const nextBuildIdPath = path.join(projectRoot, ".next", "BUILD_ID");

/** An executable installed by npm into node_modules/.bin. */
export function binPath(name: string): string {
  return path.join(projectRoot, "node_modules", ".bin", name);
}
