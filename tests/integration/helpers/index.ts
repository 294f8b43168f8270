// What integration tests import: the app's PrismaClient (on the fresh database that
// scripts/with-test-db.ts put in DATABASE_URL) and factories that never collide, so test
// files can run in parallel without cleaning up after each other.
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";

export { db };

export const TEST_PASSWORD = "correct horse battery staple";

/** `reviewer-1f3a…@test.factmark.local`: unique per call. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID()}@test.factmark.local`;
}

export interface CreateUserOptions {
  role?: Role;
  email?: string;
  name?: string;
  password?: string;
  active?: boolean;
}

/** A user with an argon2id-hashed password; returns the row (without the hash) and the password. */
export async function createUser(options: CreateUserOptions = {}) {
  const role = options.role ?? "REVIEWER";
  const password = options.password ?? TEST_PASSWORD;
  const user = await db.user.create({
    data: {
      email: options.email ?? uniqueEmail(role.toLowerCase()),
      name: options.name ?? `Test ${role.toLowerCase()}`,
      role,
      active: options.active ?? true,
      passwordHash: await hash(password),
    },
  });
  return { ...user, password };
}
