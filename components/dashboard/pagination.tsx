import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { dashboardHref, type DashboardState } from "@/lib/dashboard/dashboard-params";

export async function Pagination({ query, total }: { query: DashboardState; total: number }) {
  const t = await getTranslations("dashboard");
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  if (pages <= 1) return null;
  const link = "rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100";
  const off = "rounded border border-stone-200 px-3 py-1 text-stone-500";
  return (
    <nav aria-label={t("pagination.label")} className="mt-3 flex items-center justify-end gap-3 text-sm">
      {query.page > 1 ? (
        <Link href={dashboardHref(query, { page: String(query.page - 1) })} rel="prev" className={link}>
          {t("pagination.previous")}
        </Link>
      ) : (
        <span className={off} aria-disabled="true">{t("pagination.previous")}</span>
      )}
      <span className="tabular-nums text-stone-700">{t("pagination.page", { page: query.page, pages })}</span>
      {query.page < pages ? (
        <Link href={dashboardHref(query, { page: String(query.page + 1) })} rel="next" className={link}>
          {t("pagination.next")}
        </Link>
      ) : (
        <span className={off} aria-disabled="true">{t("pagination.next")}</span>
      )}
    </nav>
  );
}
