import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AwaitingFinding } from "@/lib/dashboard/awaiting-sign-off";
import { VerdictBadge } from "./verdict-badge";

export async function AwaitingSignOffList({ items, total, now }: { items: AwaitingFinding[]; total: number; now: Date }) {
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  if (items.length === 0) return <p className="mt-2 text-sm text-stone-600">{t("queue.noAwaiting")}</p>;
  return (
    <>
      <ul className="mt-3 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" data-testid="awaiting-sign-off">
        {items.map((f) => (
          <li key={f.id} className="flex flex-wrap items-start gap-x-4 gap-y-1 px-3 py-2">
            <div className="min-w-0 flex-1">
              <Link href={`/articles/${f.articleId}?annotation=${f.id}`} className="text-stone-900 underline-offset-2 hover:underline">
                <span className="mr-1 text-xs font-semibold uppercase tracking-wide text-stone-600">{t(`kind.${f.kind}`)}</span>
                <q className="font-serif">{f.exact}</q>
              </Link>
              <p className="text-xs text-stone-600">{f.articleTitle}</p>
            </div>
            <div className="flex items-center gap-3 text-xs text-stone-600">
              {f.verdict && <VerdictBadge verdict={f.verdict} />}
              <span>{t("queue.verdictBy", { name: f.verdictBy?.name ?? "?" })}</span>
              <time dateTime={f.updatedAt}>{format.relativeTime(new Date(f.updatedAt), now)}</time>
            </div>
          </li>
        ))}
      </ul>
      {total > items.length && <p className="mt-2 text-xs text-stone-600">{t("queue.more", { shown: items.length, total })}</p>}
    </>
  );
}
