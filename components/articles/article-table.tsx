import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AnnotationBars } from "@/components/dashboard/annotation-bars";
import { SortHeader } from "@/components/dashboard/sort-header";
import { WorkflowBadge } from "@/components/dashboard/workflow-badge";
import type { ArticleSummary } from "@/lib/articles/list-articles";
import type { DashboardState } from "@/lib/dashboard/dashboard-params";

/** The dashboard's article list: one dense row per article, sortable by its headers. */
export async function ArticleTable({ items, query, showVerification, now }: { items: ArticleSummary[]; query: DashboardState; showVerification: boolean; now: Date }) {
  const t = await getTranslations("articles");
  const d = await getTranslations("dashboard");
  const format = await getFormatter();
  if (items.length === 0) return <p className="mt-8 text-stone-600">{d("table.empty")}</p>;
  const sortLabel = (column: string) => d("table.sortBy", { column });
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="article-table">
        <caption className="sr-only">{d("table.caption")}</caption>
        <thead className="border-b border-stone-200 bg-stone-100 text-xs uppercase tracking-wide text-stone-600">
          <tr>
            <SortHeader query={query} sort="title" label={t("title")} sortLabel={sortLabel(t("title"))} />
            <th scope="col" className="px-3 py-2">{t("outlet")}</th>
            <th scope="col" className="px-3 py-2">{d("table.languageShort")}</th>
            <th scope="col" className="px-3 py-2">{t("status")}</th>
            <th scope="col" className="px-3 py-2">{d("table.reviewers")}</th>
            <SortHeader query={query} sort="open" label={t("annotations")} sortLabel={sortLabel(d("table.open"))} className="text-right" />
            <th scope="col" className="px-3 py-2">{d("table.progress")}</th>
            <SortHeader query={query} sort="progress" label={d("table.signedOff")} sortLabel={sortLabel(d("table.signedOff"))} className="text-right" />
            <SortHeader query={query} sort="false" label={d("table.falseOrMisleading")} sortLabel={sortLabel(d("table.falseOrMisleading"))} className="text-right" />
            <SortHeader query={query} sort="orphans" label={d("table.orphaned")} sortLabel={sortLabel(d("table.orphaned"))} className="text-right" />
            <SortHeader query={query} sort="activity" label={t("lastActivity")} sortLabel={sortLabel(t("lastActivity"))} />
          </tr>
        </thead>
        <tbody>
          {items.map((a) => {
            const c = a.counts;
            const share = c.checkable.total === 0 ? null : c.checkable.verified / c.checkable.total;
            return (
              <tr key={a.id} data-article-id={a.id} className="border-b border-stone-100 align-top last:border-0 hover:bg-stone-50">
                <td className="max-w-72 px-3 py-2 font-medium">
                  <Link href={`/articles/${a.id}`} className="text-stone-900 underline-offset-2 hover:underline">
                    {a.title}
                  </Link>
                  {showVerification && (
                    <Link href={`/articles/${a.id}/verification`} className="mt-0.5 block text-xs font-normal text-stone-600 underline-offset-2 hover:underline">
                      {d("table.verification")}
                    </Link>
                  )}
                </td>
                <td className="px-3 py-2 text-stone-700">{a.outlet ?? "—"}</td>
                <td className="px-3 py-2 uppercase text-stone-700">
                  <abbr title={d(`languages.${a.language === "fr" ? "fr" : "en"}`)} className="no-underline">{a.language}</abbr>
                </td>
                <td className="px-3 py-2">
                  <WorkflowBadge status={a.status} />
                </td>
                <td className="px-3 py-2 text-stone-700">{a.reviewers.length ? a.reviewers.map((r) => r.name).join(", ") : <span className="text-stone-500">{d("table.nobody")}</span>}</td>
                <td className="px-3 py-2 text-right tabular-nums" data-testid="annotation-count">
                  <span className="font-medium">{format.number(c.total)}</span>
                  {c.total > 0 && (
                    <span className="block min-w-28 text-xs text-stone-500">
                      {d("table.byKind", { claim: c.byKind.claim, figure: c.byKind.figure, source: c.byKind.source })}
                    </span>
                  )}
                </td>
                <td className="px-3 py-2">
                  <AnnotationBars counts={c} compact />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {share === null ? "—" : format.number(share, { style: "percent" })}
                  {share !== null && <span className="block text-xs text-stone-500">{d("table.ofCheckable", { verified: c.checkable.verified, total: c.checkable.total })}</span>}
                </td>
                <td className={`px-3 py-2 text-right tabular-nums ${c.falseOrMisleading > 0 ? "font-semibold text-red-700" : "text-stone-500"}`}>{format.number(c.falseOrMisleading)}</td>
                <td className={`px-3 py-2 text-right tabular-nums ${c.orphaned > 0 ? "font-semibold text-amber-800" : "text-stone-500"}`}>{format.number(c.orphaned)}</td>
                <td className="px-3 py-2 text-stone-600">
                  <time dateTime={a.lastActivityAt}>{format.relativeTime(new Date(a.lastActivityAt), now)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
