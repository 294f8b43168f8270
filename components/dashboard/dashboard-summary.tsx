import { getFormatter, getTranslations } from "next-intl/server";
import type { DashboardAggregates } from "@/lib/dashboard/dashboard-aggregates";

function Figure({ label, value, detail, tone = "plain", testId }: { label: string; value: string; detail?: string; tone?: "plain" | "alert" | "warn"; testId?: string }) {
  const colour = tone === "alert" ? "text-red-700" : tone === "warn" ? "text-amber-800" : "text-stone-900";
  return (
    <div className="rounded-lg border border-stone-200 bg-white px-3 py-2">
      <dt className="text-xs font-medium uppercase tracking-wide text-stone-600">{label}</dt>
      <dd className={`text-2xl font-semibold tabular-nums ${colour}`} data-testid={testId}>
        {value}
      </dd>
      {detail && <dd className="text-xs text-stone-600">{detail}</dd>}
    </div>
  );
}

/** The headline numbers of the filtered articles. */
export async function DashboardSummary({ aggregates }: { aggregates: DashboardAggregates }) {
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const { articles, annotations: a } = aggregates;
  const share = a.checkable.total === 0 ? null : a.checkable.verified / a.checkable.total;
  return (
    <dl className="mt-4 grid grid-cols-2 gap-3 md:grid-cols-5">
      <Figure label={t("summary.articles")} value={format.number(articles.total)} detail={t("summary.byWorkflow", articles)} testId="summary-articles" />
      <Figure
        label={t("summary.annotations")}
        value={format.number(a.total)}
        detail={t("table.byKind", { claim: a.byKind.claim, figure: a.byKind.figure, source: a.byKind.source })}
        testId="summary-annotations"
      />
      <Figure
        label={t("summary.signedOff")}
        value={share === null ? "—" : format.number(share, { style: "percent" })}
        detail={t("table.ofCheckable", { verified: a.checkable.verified, total: a.checkable.total })}
      />
      <Figure label={t("summary.falseOrMisleading")} value={format.number(a.falseOrMisleading)} tone={a.falseOrMisleading > 0 ? "alert" : "plain"} testId="summary-false" />
      <Figure label={t("summary.orphaned")} value={format.number(a.orphaned)} tone={a.orphaned > 0 ? "warn" : "plain"} />
    </dl>
  );
}
