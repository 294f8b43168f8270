import { getFormatter, getTranslations } from "next-intl/server";
import type { DashboardAggregates } from "@/lib/dashboard/dashboard-aggregates";
import { CountChart } from "./count-chart";
import { STATUS_COLOUR, STATUS_ORDER, VERDICT_COLOUR, VERDICT_ORDER } from "./palette";

/** Status distribution, findings by verdict and sign-offs per day, for the filtered articles. */
export async function DashboardCharts({ aggregates, days }: { aggregates: DashboardAggregates; days: number }) {
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const a = aggregates.annotations;
  return (
    <div className="mt-4 grid gap-3 lg:grid-cols-3">
      <CountChart
        title={t("charts.status")}
        layout="vertical"
        data={STATUS_ORDER.map((s) => ({ label: t(`status.${s}`), value: a.byStatus[s], colour: STATUS_COLOUR[s].hex }))}
      />
      <CountChart
        title={t("charts.verdict")}
        layout="vertical"
        data={VERDICT_ORDER.map((v) => ({ label: t(`verdict.${v}`), value: a.byVerdict[v], colour: VERDICT_COLOUR[v].hex }))}
      />
      <CountChart
        title={t("charts.signOffs", { days })}
        denseAxis
        data={aggregates.signOffsPerDay.map((d) => ({
          // Noon: the day's name must not shift with the reader's offset from UTC.
          label: format.dateTime(new Date(`${d.day}T12:00:00Z`), { day: "numeric", month: "short" }),
          value: d.count,
          colour: "#059669",
        }))}
      />
    </div>
  );
}
