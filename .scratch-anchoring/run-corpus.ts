import { loadCorpus, applyCorpusOps } from "/work/main/lib/anchoring/__fixtures__/corpus-article";
import { resolveQuote, buildQuoteSelector, isQuoteFailure } from "/work/main/lib/anchoring/quote-selector";
import { reanchorAnnotations } from "/work/main/lib/anchoring/reanchor";
for (const art of loadCorpus()) {
  const text = art.paragraphs.join("\n\n");
  const anns = art.annotations.map((a) => {
    const r = resolveQuote(text, a);
    if (isQuoteFailure(r)) throw new Error(a.id + " " + r.message);
    return { id: a.id, start: r.start, end: r.end, ...buildQuoteSelector(text, r.start, r.end) };
  });
  for (const edit of art.edits) {
    const newText = applyCorpusOps(art.paragraphs, edit.ops);
    const res = reanchorAnnotations({ oldText: text, newText, annotations: anns });
    for (const r of res) {
      const exp = edit.expect[r.id] ?? "anchored";
      const expAnchor = typeof exp === "string" ? exp : exp.anchor;
      const ok = expAnchor === r.anchor && (typeof exp === "string" || exp.exact === r.exact);
      if (!ok || r.anchor !== "anchored") console.log(ok ? "  ok " : "FAIL", art.file.slice(0, 10), edit.name.slice(0, 40).padEnd(40), r.id, r.anchor, JSON.stringify(r.exact), "expected", JSON.stringify(exp));
    }
  }
}
