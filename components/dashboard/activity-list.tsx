import { getTranslations } from "next-intl/server";
import type { ActivityItem } from "@/lib/dashboard/activity-item";
import { ActivityEntry } from "./activity-entry";

export async function ActivityList({ items, now, showArticle = true }: { items: ActivityItem[]; now: Date; showArticle?: boolean }) {
  const t = await getTranslations("dashboard");
  if (items.length === 0) return <p className="mt-2 text-sm text-stone-600">{t("activity.empty")}</p>;
  return (
    <ol className="mt-3 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="activity-list">
      {items.map((item) => (
        <ActivityEntry key={item.id} item={item} now={now} showArticle={showArticle} />
      ))}
    </ol>
  );
}
