"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ANNOTATION_STATUSES, type AnnotationDto, type AnnotationStatus } from "@/lib/annotations/types";
import { signOffBlocker } from "@/lib/annotations/sign-off";
import type { Actor } from "@/lib/auth/policy";
import type { Labels } from "./use-labels";

/** Why this person may not mark the annotation verified now, or null (the same rule the API applies). */
export function signOffBlockerOf(annotation: AnnotationDto, actor: Actor) {
  return signOffBlocker(
    {
      kind: annotation.kind.toUpperCase() as "CLAIM" | "FIGURE" | "SOURCE",
      verdict: annotation.verdict,
      note: annotation.note,
      rationale: annotation.rationale,
      verdictById: annotation.verdictBy?.id ?? null,
      authorId: annotation.author.id,
    },
    actor,
  );
}

/**
 * The four statuses as one radio group. "Verified" stays visible when this person may not
 * sign off: choosing it says why instead of doing it.
 */
export function StatusPicker({ annotation, actor, labels, onChange }: { annotation: AnnotationDto; actor: Actor; labels: Labels; onChange: (status: AnnotationStatus) => void }) {
  const t = useTranslations("editor.card");
  const blocker = annotation.status === "verified" ? null : signOffBlockerOf(annotation, actor);
  const reasonId = useId();
  // Asked for this annotation and this reason (a new reason is shown quietly again).
  const [explainedFor, setExplainedFor] = useState<string | null>(null);
  const explained = explainedFor === `${annotation.id}:${blocker}`;
  const reason =
    blocker === "verdict_required"
      ? t(annotation.kind === "source" ? "signOff.sourceNeedsFinding" : "signOff.needsVerdict")
      : blocker === "self_signoff"
        ? t(annotation.verdictBy && annotation.verdictBy.id === actor.id ? "signOff.ownVerdict" : "signOff.ownSource")
        : null;
  return (
    <fieldset>
      <legend className="text-xs font-semibold text-stone-700">{t("status")}</legend>
      <div role="radiogroup" aria-label={t("status")} className="mt-1 grid grid-cols-4 overflow-hidden rounded border border-stone-300 text-xs">
        {ANNOTATION_STATUSES.map((status) => {
          const checked = annotation.status === status;
          const blocked = status === "verified" && reason !== null;
          return (
            <button
              key={status}
              type="button"
              role="radio"
              aria-checked={checked}
              // Not disabled: choosing it is how one learns why it cannot be done now.
              aria-describedby={blocked ? reasonId : undefined}
              data-blocked={blocked || undefined}
              onClick={() => {
                if (blocked) setExplainedFor(`${annotation.id}:${blocker}`);
                else if (!checked) onChange(status);
              }}
              className={`border-l border-stone-300 px-1 py-1.5 first:border-l-0 ${checked ? "bg-stone-900 font-semibold text-white" : blocked ? "bg-stone-50 text-stone-500" : "bg-white hover:bg-stone-100"}`}
            >
              {labels.status(status)}
            </button>
          );
        })}
      </div>
      {reason && (
        <p
          id={reasonId}
          role={explained ? "alert" : undefined}
          className={`mt-1 text-xs ${explained ? "rounded bg-amber-50 px-2 py-1 font-medium text-amber-900 ring-1 ring-amber-300" : "text-stone-600"}`}
        >
          {t("signOff.unavailable")} {reason}
        </p>
      )}
      {annotation.signedOffBy && annotation.status === "verified" && (
        <p className="mt-1 text-xs text-stone-600">{t("signedOffBy", { name: annotation.signedOffBy.name })}</p>
      )}
    </fieldset>
  );
}
