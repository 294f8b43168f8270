import { z } from "zod";
import { apiRoute, json } from "@/lib/api/handler";
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";

const createTokenSchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(100),
  expiresAt: z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date-time" })
    .or(z.iso.date())
    .nullable()
    .optional()
    .refine((v) => !v || new Date(v) > new Date(), "must be in the future"),
});

export const GET = apiRoute({ action: "token.manageOwn" }, async ({ actor }) => ({ items: await listApiTokens(actor) }));

/** The secret is in this answer only; it is never shown again. */
export const POST = apiRoute({ action: "token.manageOwn", body: createTokenSchema }, async ({ actor, body }) =>
  json(await createApiToken(actor, body), 201),
);
