import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** For load balancers: 200 when the database answers, 503 when it does not. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "up" });
  } catch {
    return Response.json({ status: "unavailable", database: "down" }, { status: 503 });
  }
}
