import { getTranslations } from "next-intl/server";
import type { AnnotationCounts } from "@/lib/articles/list-articles";
import { STATUS_COLOUR, STATUS_ORDER, VERDICT_COLOUR, VERDICT_ORDER } from "./palette";
import { StackedBar } from "./stacked-bar";

/** An article's (or a selection's) annotations as two bars: by status, and by verdict. */
export async function AnnotationBars({ counts, compact = false }: { counts: AnnotationCounts; compact?: boolean }) {
  const t = await getTranslations("dashboard");
  return (
    <div className="space-y-1.5">
      <StackedBar
        compact={compact}
        label={t("bar.statusLabel")}
        emptyLabel={t("bar.none")}
        parts={STATUS_ORDER.map((s) => ({ key: s, label: t(`status.${s}`), value: counts.byStatus[s], colour: STATUS_COLOUR[s].bg }))}
      />
      <StackedBar
        compact={compact}
        label={t("bar.verdictLabel")}
        emptyLabel={t("bar.noVerdict")}
        parts={VERDICT_ORDER.filter((v) => v !== "none").map((v) => ({ key: v, label: t(`verdict.${v}`), value: counts.byVerdict[v], colour: VERDICT_COLOUR[v].bg }))}
      />
    </div>
  );
}
