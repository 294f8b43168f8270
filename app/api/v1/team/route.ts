import { apiRoute } from "@/lib/api/handler";
import { listTeam } from "@/lib/users/users";

export const GET = apiRoute({}, async () => ({ items: await listTeam() }));
