import { getTranslations } from "next-intl/server";
import type { AnnotationDto } from "@/lib/annotations/types";
import { highlightSegments } from "@/lib/dashboard/highlight-segments";
import { VERDICT_COLOUR, VERDICT_SEVERITY, type VerdictOrNone } from "./palette";

/**
 * The article's canonical text with every anchored annotation highlighted by verdict (the
 * worst one where findings overlap) and followed by its number in the findings table.
 * Rendered on the server; paragraphs are the text's blank lines.
 */
export async function VerificationText({ text, annotations, numbers }: { text: string; annotations: AnnotationDto[]; numbers: Map<string, number> }) {
  const t = await getTranslations("dashboard");
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const segments = highlightSegments(
    text,
    annotations.map((a) => ({ id: a.id, start: a.target.start, end: a.target.end })),
  );
  // Where each annotation's last stretch is, to put its number right after it.
  const lastSegment = new Map<string, number>();
  segments.forEach((s, i) => s.ids.forEach((id) => lastSegment.set(id, i)));

  return (
    <div className="whitespace-pre-wrap font-serif text-[17px] leading-8 text-stone-900" data-testid="verification-text">
      {segments.map((segment, i) => {
        const covering = segment.ids.map((id) => byId.get(id)).filter((a): a is AnnotationDto => Boolean(a));
        const ending = covering.filter((a) => lastSegment.get(a.id) === i);
        if (covering.length === 0) return <span key={i}>{segment.text}</span>;
        const worst = covering
          .map((a): VerdictOrNone => a.verdict ?? "none")
          .sort((x, y) => VERDICT_SEVERITY[y] - VERDICT_SEVERITY[x])[0];
        const label = covering
          .map((a) => `${numbers.get(a.id)}. ${t(`kind.${a.kind}`)} — ${t(`verdict.${a.verdict ?? "none"}`)}, ${t(`status.${a.status}`)}`)
          .join("; ");
        return (
          <span key={i}>
            <mark title={label} data-verdict={worst} className={`${VERDICT_COLOUR[worst].highlight} rounded-sm text-inherit underline decoration-2 underline-offset-4`}>
              {segment.text}
            </mark>
            {ending.map((a) => (
              <sup key={a.id} className="ml-0.5 font-sans text-[11px] font-semibold">
                <a href={`#finding-${numbers.get(a.id)}`} aria-label={t("verification.goToFinding", { n: numbers.get(a.id) ?? 0 })} className="text-stone-700 no-underline hover:underline">
                  {numbers.get(a.id)}
                </a>
              </sup>
            ))}
          </span>
        );
      })}
    </div>
  );
}
