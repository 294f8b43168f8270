import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ArticleSummary } from "@/lib/articles/list-articles";

export async function ArticleTable({ items }: { items: ArticleSummary[] }) {
  const t = await getTranslations("articles");
  const format = await getFormatter();
  if (items.length === 0) return <p className="mt-8 text-stone-600">{t("empty")}</p>;
  return (
    <div className="mt-6 overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-stone-200 bg-stone-100 text-xs uppercase tracking-wide text-stone-600">
          <tr>
            <th scope="col" className="px-4 py-2">{t("title")}</th>
            <th scope="col" className="px-4 py-2">{t("outlet")}</th>
            <th scope="col" className="px-4 py-2">{t("language")}</th>
            <th scope="col" className="px-4 py-2">{t("status")}</th>
            <th scope="col" className="px-4 py-2 text-right">{t("annotations")}</th>
            <th scope="col" className="px-4 py-2 text-right">{t("verified")}</th>
            <th scope="col" className="px-4 py-2">{t("lastActivity")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} className="border-b border-stone-100 last:border-0 hover:bg-stone-50">
              <td className="px-4 py-2 font-medium">
                <Link href={`/articles/${a.id}`} className="text-stone-900 underline-offset-2 hover:underline">
                  {a.title}
                </Link>
              </td>
              <td className="px-4 py-2 text-stone-700">{a.outlet ?? "—"}</td>
              <td className="px-4 py-2 uppercase text-stone-700">{a.language}</td>
              <td className="px-4 py-2">{t(`workflow.${a.status}`)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{format.number(a.counts.total)}</td>
              <td className="px-4 py-2 text-right tabular-nums">
                {format.number(a.counts.byStatus.verified)} / {format.number(a.counts.total)}
              </td>
              <td className="px-4 py-2 text-stone-600">{format.dateTime(new Date(a.lastActivityAt), { dateStyle: "medium", timeStyle: "short" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
