import { apiRoute, noContent } from "@/lib/api/handler";
import { revokeApiToken } from "@/lib/auth/api-tokens";

export const DELETE = apiRoute({ action: "token.manageOwn" }, async ({ actor, params }) => {
  await revokeApiToken(actor, params.id);
  return noContent();
});
