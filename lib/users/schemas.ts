import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";

export const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "must be at most 200 characters");
export const role = z.enum(["ADMIN", "EDITOR", "REVIEWER"], { error: "must be ADMIN, EDITOR or REVIEWER" });

export const createUserSchema = z.strictObject({
  email: z.email("must be an email address").max(200),
  name: z.string().trim().min(1, "must not be empty").max(100),
  role,
  password,
});

export const updateUserSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  role: role.optional(),
  active: z.boolean().optional(),
  password: password.optional(),
});

export const changePasswordSchema = z.strictObject({ currentPassword: z.string().min(1), newPassword: password });
