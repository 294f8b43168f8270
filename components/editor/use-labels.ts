"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { AnnotationDto, AnnotationKind, AnnotationStatus, AnchorState, Verdict } from "@/lib/annotations/types";

/** Localized names of kinds, statuses, verdicts and anchor states, and an annotation's spoken description. */
export function useLabels() {
  const t = useTranslations("editor");
  return useMemo(() => {
    const kind = (k: AnnotationKind) => t(`kind.${k}`);
    const status = (s: AnnotationStatus) => t(`status.${s}`);
    const verdict = (v: Verdict | null) => (v ? t(`verdict.${v}`) : t("verdict.none"));
    const anchor = (a: AnchorState) => t(`anchor.${a}`);
    return {
      kind,
      status,
      verdict,
      anchor,
      kindShort: (k: AnnotationKind) => t(`kindShort.${k}`),
      /** "Claim · In review · False" */
      describe: (a: Pick<AnnotationDto, "kind" | "status" | "verdict">) =>
        [kind(a.kind), status(a.status), a.verdict ? verdict(a.verdict) : null].filter(Boolean).join(" · "),
      /** Visible tag after a highlight: "C · False", "F", "S ✓" */
      badge: (a: Pick<AnnotationDto, "kind" | "status" | "verdict">) =>
        `${t(`kindShort.${a.kind}`)}${a.verdict ? ` · ${verdict(a.verdict)}` : ""}${a.status === "verified" ? " ✓" : ""}`,
    };
  }, [t]);
}

export type Labels = ReturnType<typeof useLabels>;
