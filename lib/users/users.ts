import { AppError, notFound, validationFailed } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { authorize, type Role } from "@/lib/auth/policy";
import { db } from "@/lib/db";

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
}

const select = { id: true, email: true, name: true, role: true, active: true, createdAt: true } as const;
const toSummary = (u: { id: string; email: string; name: string; role: Role; active: boolean; createdAt: Date }): UserSummary => ({
  ...u,
  createdAt: u.createdAt.toISOString(),
});

export async function listUsers(actor: CurrentUser): Promise<UserSummary[]> {
  authorize(actor, "user.manage");
  const users = await db.user.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }], select });
  return users.map(toSummary);
}

/** Everyone may see who the team is (for assignment and attribution), without emails. */
export async function listTeam(): Promise<{ id: string; name: string; role: Role }[]> {
  return db.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } });
}

export async function createUser(
  actor: CurrentUser | null,
  input: { email: string; name: string; role: Role; password: string },
): Promise<UserSummary> {
  // A null actor is the command line creating the first admin on a production database.
  if (actor) authorize(actor, "user.manage");
  const email = input.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw validationFailed({ email: "a user with this email already exists" });
  const user = await db.user.create({
    data: { email, name: input.name.trim(), role: input.role, passwordHash: await hashPassword(input.password) },
    select,
  });
  return toSummary(user);
}

export async function updateUser(
  actor: CurrentUser,
  id: string,
  input: { role?: Role; active?: boolean; name?: string; password?: string },
): Promise<UserSummary> {
  authorize(actor, "user.manage");
  const target = await db.user.findUnique({ where: { id }, select: { id: true } });
  if (!target) throw notFound("User");
  if (id === actor.id && (input.active === false || (input.role && input.role !== "ADMIN"))) {
    throw new AppError("forbidden", "Admins cannot deactivate themselves or drop their own admin role");
  }
  const user = await db.user.update({
    where: { id },
    data: {
      ...(input.role ? { role: input.role } : {}),
      ...(input.name ? { name: input.name.trim() } : {}),
      ...(input.active !== undefined ? { active: input.active, deactivatedAt: input.active ? null : new Date() } : {}),
      ...(input.password ? { passwordHash: await hashPassword(input.password) } : {}),
    },
    select,
  });
  return toSummary(user);
}

export async function changeOwnPassword(actor: CurrentUser, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, omit: { passwordHash: false } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw validationFailed({ currentPassword: "is not your current password" });
  }
  await db.user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
}

export async function setOwnLocale(actor: CurrentUser, locale: "en" | "fr"): Promise<void> {
  await db.user.update({ where: { id: actor.id }, data: { locale } });
}
