import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ActivityItem } from "@/lib/dashboard/activity-item";
import { activityDetails } from "./activity-details";

const KNOWN_ACTIONS = new Set([
  "annotation.created",
  "annotation.updated",
  "annotation.deleted",
  "annotation.restored",
  "annotation.commented",
  "annotation.reanchored",
  "article.imported",
  "article.text_edited",
  "article.status_changed",
  "article.approved",
  "article.reopened",
  "article.assigned",
  "article.unassigned",
]);

const text = (v: unknown) => (typeof v === "string" ? v : "");
const num = (v: unknown) => (typeof v === "number" ? v : 0);
const name = (v: unknown) => (typeof v === "object" && v && "name" in v ? text((v as { name: unknown }).name) : "");

/** One line of the activity feed: when, who, what, with a link to the annotation or article. */
export async function ActivityEntry({ item, now, showArticle }: { item: ActivityItem; now: Date; showArticle: boolean }) {
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const key = `${item.source}.${item.action}`;
  const c = item.changes;
  const values: Record<string, string | number> = {
    kind: item.annotation?.kind ?? "other",
    from: t.has(`workflowWord.${text(c.from)}`) ? t(`workflowWord.${text(c.from)}`) : text(c.from),
    to: t.has(`workflowWord.${text(c.to)}`) ? t(`workflowWord.${text(c.to)}`) : text(c.to),
    name: name(c.user),
    revision: num(c.revision),
    anchored: num(c.anchored),
    drifted: num(c.drifted),
    orphaned: num(c.orphaned),
    pending: num(c.pending),
  };
  const action = KNOWN_ACTIONS.has(key) ? t(`activity.action.${key}`, values) : t("activity.action.other", { action: item.action });
  const details = activityDetails(item).map((d) =>
    t(`activity.change.${d.key}`, {
      ...d.values,
      ...(d.key === "status" ? { from: t(`status.${d.values.from}`), to: t(`status.${d.values.to}`) } : {}),
      ...(d.key === "verdict" ? { from: t(`verdict.${d.values.from}`), to: t(`verdict.${d.values.to}`) } : {}),
      ...(d.key === "kind" ? { from: t(`kind.${d.values.from}`), to: t(`kind.${d.values.to}`) } : {}),
      ...(d.key === "anchor" ? { to: t(`anchor.${d.values.to}`) } : {}),
    }),
  );
  const quote = item.annotation?.exact;
  const said = item.action === "commented" ? text(c.body) : item.action === "reopened" ? text(c.reason) : item.action === "approved" ? text(c.override) : "";
  return (
    <li className="flex gap-3 px-3 py-2 text-sm" data-testid="activity-item" data-action={key}>
      <time dateTime={item.at} title={format.dateTime(new Date(item.at), { dateStyle: "medium", timeStyle: "medium" })} className="w-28 shrink-0 text-xs text-stone-500">
        {format.relativeTime(new Date(item.at), now)}
      </time>
      <div className="min-w-0">
        <p>
          <span className="font-medium text-stone-900">{item.actor.name}</span> {action}{" "}
          <Link href={item.href} className="text-stone-900 underline underline-offset-2 hover:text-stone-600">
            {quote ? <q className="font-serif">{quote.length > 90 ? `${quote.slice(0, 90)}…` : quote}</q> : item.article.title}
          </Link>
          {details.length > 0 && <span className="text-stone-700"> — {details.join(", ")}</span>}
        </p>
        {said && <p className="mt-0.5 border-l-2 border-stone-200 pl-2 text-stone-700">{said}</p>}
        {showArticle && quote && <p className="text-xs text-stone-500">{item.article.title}</p>}
      </div>
    </li>
  );
}
