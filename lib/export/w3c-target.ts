import type { AnnotationDto } from "@/lib/annotations/types";
import type { W3cTarget, W3cTextQuoteSelector } from "./w3c-types";

const CONTEXT = 32;

function quoteSelector(exact: string, prefix: string, suffix: string): W3cTextQuoteSelector {
  return {
    type: "TextQuoteSelector",
    exact,
    ...(prefix ? { prefix } : {}),
    ...(suffix ? { suffix } : {}),
  };
}

/**
 * The target of one annotation in the article. `chars` is the canonical text split into
 * code points, the unit of TextPositionSelector. The stored quote is used when it is the
 * text at the stored position; if the two disagree (a stale row), the quote is re-read
 * from the text, so that the two selectors of one target never contradict each other.
 * An orphan has no position: only its last known quote.
 */
export function w3cTarget(annotation: AnnotationDto, chars: readonly string[], source: string): W3cTarget {
  const { start, end, exact, prefix, suffix } = annotation.target;
  const positioned =
    annotation.anchor !== "orphaned" &&
    start !== null &&
    end !== null &&
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    0 <= start &&
    start <= end &&
    end <= chars.length;
  if (!positioned) return { type: "SpecificResource", source, selector: quoteSelector(exact, prefix, suffix) };

  const atPosition = chars.slice(start, end).join("");
  const quote =
    atPosition === exact
      ? quoteSelector(exact, prefix, suffix)
      : quoteSelector(
          atPosition,
          chars.slice(Math.max(0, start - CONTEXT), start).join(""),
          chars.slice(end, end + CONTEXT).join(""),
        );
  return { type: "SpecificResource", source, selector: [{ type: "TextPositionSelector", start, end }, quote] };
}
