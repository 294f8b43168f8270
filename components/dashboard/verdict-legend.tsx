import { getTranslations } from "next-intl/server";
import { VERDICT_COLOUR, VERDICT_ORDER } from "./palette";

/** What the highlight colours and underlines mean. */
export async function VerdictLegend() {
  const t = await getTranslations("dashboard");
  return (
    <section aria-labelledby="legend-title" className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
      <h2 id="legend-title" className="text-xs font-semibold uppercase tracking-wide text-stone-600">
        {t("verification.legend")}
      </h2>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        {VERDICT_ORDER.map((v) => (
          <li key={v} className="flex items-center gap-1.5">
            <mark className={`${VERDICT_COLOUR[v].highlight} rounded-sm px-1 text-inherit underline decoration-2 underline-offset-4`}>{t(`verdict.${v}`)}</mark>
            <span className="text-xs text-stone-600">{t(`verification.underline.${v}`)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-stone-600">{t("verification.legendHint")}</p>
    </section>
  );
}
