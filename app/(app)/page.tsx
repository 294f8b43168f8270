import { DashboardView } from "@/components/dashboard/dashboard-view";
import { ReviewerQueueView } from "@/components/dashboard/reviewer-queue-view";
import { requireUser } from "@/lib/auth/page-guards";
import { parseDashboardParams } from "@/lib/dashboard/dashboard-params";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Editors and admins land on the dashboard; reviewers on their queue (`?view=all` shows them the dashboard). */
export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const now = new Date();
  if (user.role === "REVIEWER" && params.view !== "all") {
    return <ReviewerQueueView user={user} scope={params.scope === "all" ? "all" : "assigned"} now={now} />;
  }
  return <DashboardView user={user} query={parseDashboardParams(params)} now={now} reviewerView={user.role === "REVIEWER"} />;
}
