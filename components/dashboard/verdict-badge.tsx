import { getTranslations } from "next-intl/server";
import type { Verdict } from "@/lib/annotations/types";
import { VERDICT_COLOUR } from "./palette";

/** A verdict as a word with its colour swatch. */
export async function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  const t = await getTranslations("dashboard");
  const key = verdict ?? "none";
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap rounded border border-stone-200 bg-white px-1.5 py-0.5 text-xs font-medium text-stone-800">
      <span aria-hidden="true" className={`${VERDICT_COLOUR[key].bg} inline-block h-2 w-2 rounded-sm`} />
      {t(`verdict.${key}`)}
    </span>
  );
}
