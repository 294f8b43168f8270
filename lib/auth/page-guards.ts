import { forbidden, redirect } from "next/navigation";
import { can, type Action } from "./policy";
import { getSessionUser, type CurrentUser } from "./current-user";

/** For server components: the signed-in user, or a redirect to sign in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  return user;
}

/** A page only some roles may see answers 403 to the others. The API checks again. */
export async function requirePermission(action: Action): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, action)) forbidden();
  return user;
}
