import type { ImportedAnnotation } from "./imported-annotation";
import { jsonLdValues } from "./json-ld-values";
import type { ImportProblems, JsonPath } from "./w3c-import-problems";
import { selectorTypeSchema, textPositionSelectorSchema, textQuoteSelectorSchema } from "./w3c-import-schemas";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The text target of an imported annotation: its TextQuoteSelector (required: the quote
 * is what re-anchors an annotation in any text) and its TextPositionSelector if any,
 * which must span as many code points as the quote has.
 */
export function readW3cTarget(raw: unknown, path: JsonPath, problems: ImportProblems): ImportedAnnotation["target"] | null {
  const target = jsonLdValues(raw, path).find((t) => isObject(t.value) && "selector" in t.value);
  if (!target || !isObject(target.value)) {
    problems.fail(path, "must be a SpecificResource with a TextQuoteSelector");
    return null;
  }
  const selectors = jsonLdValues(target.value.selector, [...target.path, "selector"]).map((s) => ({
    ...s,
    type: selectorTypeSchema.safeParse(s.value).data?.type,
  }));
  const quoteAt = selectors.find((s) => s.type === "TextQuoteSelector");
  const positionAt = selectors.find((s) => s.type === "TextPositionSelector");
  if (!quoteAt) {
    problems.fail([...target.path, "selector"], "has no TextQuoteSelector (the quote is what anchors an annotation)");
    return null;
  }
  const quote = problems.check(textQuoteSelectorSchema, quoteAt.value, quoteAt.path);
  const position = positionAt ? problems.check(textPositionSelectorSchema, positionAt.value, positionAt.path) : null;
  if (!quote || (positionAt && !position)) return null;
  const text = { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" };
  if (!position || !positionAt) return text;
  const length = Array.from(quote.exact).length;
  if (position.end - position.start !== length) {
    problems.fail(positionAt.path, `covers ${position.end - position.start} code points but the quote has ${length}`);
    return null;
  }
  return { start: position.start, end: position.end, ...text };
}
