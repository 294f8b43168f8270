import type { UserRef } from "@/lib/annotations/types";
import { safeUrl } from "./safe-url";
import type { ExportInput, ExportItem } from "./types";
import type { W3cIris } from "./w3c-iris";
import type { W3cAgent, W3cBody, W3cPurpose, W3cTextualBody } from "./w3c-types";

const person = (user: UserRef): W3cAgent => ({ type: "Person", name: user.name });

/**
 * The bodies of one annotation, in a fixed order, each with the model's purpose:
 *
 * - classifying: the kind, as a code (claim, figure, source).
 * - assessing: the status and the verdict as codes (their creators are who signed off and
 *   who set the verdict), then the public rationale, which alone carries a language: that
 *   is how a reader tells a rationale that happens to say "false" from a verdict.
 * - commenting: the internal note only with includeNotes (no creator), then the comment
 *   thread (each with its author and date). Comments are the W3C model's own use of
 *   `commenting`; annotation tools that read this file expect the discussion with it.
 * - linking: each evidence URL as a SpecificResource on the external page, its quoted
 *   passage as a TextQuoteSelector and its title as the page's label; then the source
 *   annotation an attribution points to (a source typed Annotation).
 */
export function w3cBodies(item: ExportItem, input: Pick<ExportInput, "article" | "options">, iris: W3cIris): W3cBody[] {
  const { annotation, comments, source } = item;
  const { article, options } = input;
  const language = article.language.trim() || "und";
  const text = (purpose: W3cPurpose, value: string, extra: Partial<W3cTextualBody> = {}): W3cTextualBody => ({
    type: "TextualBody",
    purpose,
    value,
    format: "text/plain",
    ...extra,
  });

  const bodies: W3cBody[] = [text("classifying", annotation.kind)];
  const signer = annotation.status === "verified" ? annotation.signedOffBy : null;
  bodies.push(
    text("assessing", annotation.status, {
      ...(signer ? { creator: person(signer) } : {}),
      ...(signer && annotation.signedOffAt ? { created: annotation.signedOffAt } : {}),
    }),
  );
  if (annotation.verdict) {
    bodies.push(text("assessing", annotation.verdict, annotation.verdictBy ? { creator: person(annotation.verdictBy) } : {}));
  }
  if (annotation.rationale.trim()) bodies.push(text("assessing", annotation.rationale, { language }));
  if (options.includeNotes && annotation.note.trim()) bodies.push(text("commenting", annotation.note, { language }));
  for (const c of comments) bodies.push(text("commenting", c.body, { creator: person(c.author), created: c.createdAt }));
  annotation.evidence.forEach((e, i) => {
    const url = safeUrl(e.url);
    // Evidence that is not an http(s) or mailto URL is left out: it is no web resource,
    // and a consumer might turn it into a link.
    if (!url) return;
    bodies.push({
      id: iris.body(annotation.id, `evidence-${i + 1}`),
      type: "SpecificResource",
      purpose: "linking",
      source: { id: url, ...(e.title.trim() ? { label: e.title } : {}) },
      ...(e.quote.trim() ? { selector: { type: "TextQuoteSelector", exact: e.quote } } : {}),
    });
  });
  if (source) {
    bodies.push({
      id: iris.body(annotation.id, "source"),
      type: "SpecificResource",
      purpose: "linking",
      source: { id: iris.annotation(source.id), type: "Annotation" },
    });
  }
  return bodies;
}
