import search from "/work/main/node_modules/approx-string-match/build/src/index.js";
import { loadCorpus } from "/work/main/lib/anchoring/__fixtures__/corpus-article";
import { buildQuoteSelector } from "/work/main/lib/anchoring/quote-selector";
import { scoreQuoteCandidate } from "/work/main/lib/anchoring/score-quote-candidate";
import { widenToWords } from "/work/main/lib/anchoring/word-boundaries";
import { prefixSimilarity, suffixSimilarity } from "/work/main/lib/anchoring/context-similarity";

const arts = loadCorpus();
function rnd(seed: number) { let s = seed; return () => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s / 0x7fffffff; }; }
const r = rnd(42);
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

// (a) unrelated context similarity
const ctxs: number[] = [];
for (const a of arts) {
  const text = a.paragraphs.join("\n\n");
  const starts = [...text.matchAll(/(?<=\s)\S/g)].map((m) => m.index!);
  for (let k = 0; k < 2000; k++) {
    const i = starts[Math.floor(r() * starts.length)], j = starts[Math.floor(r() * starts.length)];
    if (Math.abs(i - j) < 64) continue;
    const sel = buildQuoteSelector(text, i, i + 10);
    ctxs.push(prefixSimilarity(text, j, sel.prefix), suffixSimilarity(text, j + 10, sel.suffix));
  }
}
console.log("unrelated context sim: mean", (ctxs.reduce((x, y) => x + y, 0) / ctxs.length).toFixed(3), "p90", pct(ctxs, 0.9).toFixed(3), "p99", pct(ctxs, 0.99).toFixed(3), "max", pct(ctxs, 1).toFixed(3));

// (b) quote gone: remove its paragraph, best candidate score in all three articles joined
const all = arts.flatMap((a) => a.paragraphs);
const byLen: Record<string, number[]> = {};
for (let k = 0; k < 3000; k++) {
  const pi = Math.floor(r() * all.length);
  const para = all[pi];
  const words = [...para.matchAll(/\S+/g)];
  const w0 = Math.floor(r() * words.length), n = 1 + Math.floor(r() * 8);
  const w1 = Math.min(words.length - 1, w0 + n - 1);
  const full = all.join("\n\n");
  const off = all.slice(0, pi).reduce((s, p) => s + p.length + 2, 0);
  const start = off + words[w0].index!, end = off + words[w1].index! + words[w1][0].length;
  const sel = buildQuoteSelector(full, start, end);
  const rest = all.filter((_, i) => i !== pi).join("\n\n");
  const maxErr = Math.floor(sel.exact.length / 4);
  let best = 0;
  for (const m of search(rest, sel.exact, maxErr)) {
    const c = widenToWords(rest, { start: m.start, end: m.end, errors: m.errors }, sel);
    const sc = scoreQuoteCandidate(rest, c, sel, null).textScore;
    if (sc >= 0.7) console.log(sc.toFixed(3), JSON.stringify(sel), "->", JSON.stringify(rest.slice(c.start - 20, c.start)), JSON.stringify(rest.slice(c.start, c.end)), JSON.stringify(rest.slice(c.end, c.end + 20)), c.errors);
    best = Math.max(best, sc);
  }
  const b = sel.exact.length < 12 ? "<12" : sel.exact.length < 32 ? "12-31" : sel.exact.length < 96 ? "32-95" : "96+";
  (byLen[b] ??= []).push(best);
}
for (const [b, xs] of Object.entries(byLen)) console.log("gone", b, "n", xs.length, "found", xs.filter((x) => x > 0).length, "p99", pct(xs, 0.99).toFixed(3), "max", pct(xs, 1).toFixed(3), ">=0.75:", xs.filter((x) => x >= 0.75).length, ">=0.7:", xs.filter((x) => x >= 0.7).length);
// show high-scoring "gone" cases
const r2 = rnd(42);
