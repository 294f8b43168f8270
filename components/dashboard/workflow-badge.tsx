import { getTranslations } from "next-intl/server";

const STYLE = {
  draft: "border-stone-300 bg-stone-100 text-stone-700",
  in_review: "border-sky-300 bg-sky-50 text-sky-800",
  approved: "border-emerald-300 bg-emerald-50 text-emerald-800",
} as const;

export async function WorkflowBadge({ status }: { status: "draft" | "in_review" | "approved" }) {
  const t = await getTranslations("articles");
  return <span className={`inline-block whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-medium ${STYLE[status]}`}>{t(`workflow.${status}`)}</span>;
}
