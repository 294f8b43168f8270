import { describe, expect, it } from "vitest";
import { applyCorpusOps, loadCorpus, type CorpusArticle } from "./__fixtures__/corpus-article";
import { BLOCK_SEPARATOR } from "./canonical-text";
import { buildQuoteSelector, isQuoteFailure, resolveQuote } from "./quote-selector";
import { reanchorAnnotations, type ReanchorInput } from "./reanchor";

/**
 * Regression corpus: team-written articles, their annotations and realistic edits, with
 * the anchor state each annotation must end in. A change to the scoring that moves any of
 * these is a change of behaviour to look at, not noise.
 */

function annotationsOf(article: CorpusArticle, text: string): ReanchorInput[] {
  return article.annotations.map((annotation) => {
    const range = resolveQuote(text, annotation);
    if (isQuoteFailure(range)) throw new Error(`${article.file} ${annotation.id}: ${range.message}`);
    return { id: annotation.id, ...range, ...buildQuoteSelector(text, range.start, range.end) };
  });
}

const corpus = loadCorpus();

describe("re-anchoring regression corpus", () => {
  it("has the articles the team wrote", () => {
    expect(corpus.map((article) => article.language).sort()).toEqual(["en", "fr", "fr"]);
  });

  for (const article of corpus) {
    describe(article.file, () => {
      const text = article.paragraphs.join(BLOCK_SEPARATOR);
      const annotations = annotationsOf(article, text);

      for (const edit of article.edits) {
        it(edit.name, () => {
          const newText = applyCorpusOps(article.paragraphs, edit.ops);
          const results = reanchorAnnotations({ oldText: text, newText, annotations });
          expect(results.map((r) => r.id)).toEqual(annotations.map((a) => a.id));
          const got = Object.fromEntries(results.map((r) => [r.id, r.anchor === "drifted" ? { anchor: r.anchor, exact: r.exact } : r.anchor]));
          const wanted = Object.fromEntries(annotations.map((a) => [a.id, edit.expect[a.id] ?? "anchored"]));
          expect(got).toEqual(wanted);
          for (const result of results) {
            if (result.anchor !== "orphaned") expect(newText.slice(result.start ?? 0, result.end ?? 0)).toBe(result.exact);
          }
        });
      }

      it("keeps every annotation through all the edits made one after another", () => {
        let paragraphs = article.paragraphs;
        let current = annotations;
        for (const edit of article.edits) {
          let newText: string;
          try {
            newText = applyCorpusOps(paragraphs, edit.ops);
          } catch {
            continue; // an earlier edit removed what this one changes
          }
          const oldText = paragraphs.join(BLOCK_SEPARATOR);
          const results = reanchorAnnotations({ oldText, newText, annotations: current });
          expect(results.map((r) => r.id)).toEqual(annotations.map((a) => a.id));
          current = results;
          paragraphs = newText.split(BLOCK_SEPARATOR);
        }
      });
    });
  }
});
