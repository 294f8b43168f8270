import { buildQuoteSelector, resolveQuote } from "@/lib/anchoring/quote-selector";
import { codePointIndex } from "@/lib/anchoring/code-points";
import { AppError, validationFailed } from "@/lib/api/errors";
import type { TargetInput } from "./schemas";

export interface ResolvedTarget {
  /** Code point offsets. */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Turns a client's target (code point positions, or a quote with optional context) into
 * a position plus quote selector on the article's current text.
 */
export function resolveTarget(article: { text: string; revision: number }, target: TargetInput): ResolvedTarget {
  const index = codePointIndex(article.text);
  let startUnit: number;
  let endUnit: number;
  if ("start" in target) {
    if (target.revision !== undefined && target.revision !== article.revision) {
      throw new AppError(
        "revision_changed",
        `The positions were computed on revision ${target.revision}, but the article is at revision ${article.revision}`,
        { details: { revision: article.revision } },
      );
    }
    if (target.end > index.length) {
      throw validationFailed({ "target.end": `must be ≤ ${index.length}, the length of the text` });
    }
    startUnit = index.toCodeUnit(target.start);
    endUnit = index.toCodeUnit(target.end);
  } else {
    const found = resolveQuote(article.text, target);
    if ("error" in found) throw new AppError(found.error, found.message);
    startUnit = found.start;
    endUnit = found.end;
  }
  if (!article.text.slice(startUnit, endUnit).trim()) {
    throw validationFailed({ target: "must cover some text, not only white space" });
  }
  const selector = buildQuoteSelector(article.text, startUnit, endUnit);
  return { start: index.toCodePoint(startUnit), end: index.toCodePoint(endUnit), ...selector };
}
