import { apiRoute, noContent } from "@/lib/api/handler";
import { changePasswordSchema } from "@/lib/users/schemas";
import { changeOwnPassword } from "@/lib/users/users";

export const POST = apiRoute({ body: changePasswordSchema }, async ({ actor, body }) => {
  await changeOwnPassword(actor, body);
  return noContent();
});
