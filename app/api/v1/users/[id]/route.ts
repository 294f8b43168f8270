import { apiRoute } from "@/lib/api/handler";
import { updateUserSchema } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/users";

export const PATCH = apiRoute({ action: "user.manage", body: updateUserSchema }, async ({ actor, params, body }) =>
  updateUser(actor, params.id, body),
);
