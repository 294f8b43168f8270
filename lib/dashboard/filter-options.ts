import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize, type Role } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { listTeam } from "@/lib/users/users";

export interface FilterOptions {
  outlets: string[];
  people: { id: string; name: string; role: Role }[];
}

/** The choices the dashboard's filter menus offer: outlets in use and the active team. */
export async function filterOptions(actor: CurrentUser): Promise<FilterOptions> {
  authorize(actor, "article.read");
  const [outlets, people] = await Promise.all([
    db.$queryRaw<{ outlet: string }[]>`SELECT DISTINCT outlet FROM "Article" WHERE outlet IS NOT NULL ORDER BY outlet`,
    listTeam(),
  ]);
  return { outlets: outlets.map((o) => o.outlet), people };
}
