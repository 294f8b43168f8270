import { AppError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/policy";

export interface SignOffSubject {
  kind: "CLAIM" | "FIGURE" | "SOURCE";
  verdict: string | null;
  note: string;
  rationale: string;
  verdictById: string | null;
  authorId: string;
}

/** Why `actor` may not mark this annotation verified, or null when they may. Used by the UI too. */
export function signOffBlocker(subject: SignOffSubject, actor: Actor): "verdict_required" | "self_signoff" | null {
  const hasFinding =
    subject.verdict !== null || (subject.kind === "SOURCE" && (subject.rationale.trim() !== "" || subject.note.trim() !== ""));
  if (!hasFinding) return "verdict_required";
  // A source checked without a verdict is signed off by someone other than its author.
  const findingBy = subject.verdictById ?? subject.authorId;
  if (findingBy === actor.id) return "self_signoff";
  return null;
}

export function assertSignOffAllowed(subject: SignOffSubject, actor: Actor): void {
  const blocker = signOffBlocker(subject, actor);
  if (blocker === "verdict_required") {
    throw new AppError(
      "verdict_required",
      subject.kind === "SOURCE"
        ? "A source needs a verdict, a rationale or a note before it can be verified"
        : "Set a verdict before marking this verified",
      { fields: { verdict: "required to verify" } },
    );
  }
  if (blocker === "self_signoff") {
    throw new AppError("self_signoff", "Someone other than the person who set the verdict must sign it off");
  }
}
