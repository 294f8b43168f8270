import { apiRoute, json } from "@/lib/api/handler";
import { createUserSchema } from "@/lib/users/schemas";
import { createUser, listUsers } from "@/lib/users/users";

export const GET = apiRoute({ action: "user.manage" }, async ({ actor }) => ({ items: await listUsers(actor) }));

export const POST = apiRoute({ action: "user.manage", body: createUserSchema }, async ({ actor, body }) =>
  json(await createUser(actor, body), 201),
);
