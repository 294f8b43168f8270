/**
 * 4. Re-anchoring: the 2,000 annotations of the 20,000-word article after a typical edit (one
 * sentence inserted mid-article) and after an edit that leaves 200 of them not holding their
 * quote where their position maps (one character changed inside each, as a typo fix or a
 * corrected figure does), so those 200 go through the fuzzy search.
 * Baseline: one fast-diff of the same two texts.
 */
import fastDiff from "fast-diff";
import { reanchorAnnotations, type ReanchorInput } from "../../lib/anchoring/reanchor";
import { editorArticleRecords, editorArticleText, SEED } from "../data/dataset";
import { writeSentence } from "../data/news";
import { Random } from "../data/random";
import type { BenchContext } from "../lib/context";
import { measure, type ScenarioResult } from "../lib/report";
import { interleavedMs, summarize } from "../lib/stats";

const FUZZY = 200;

/** The text with one new sentence at the start of the paragraph nearest the middle. */
function insertSentence(text: string): string {
  const middle = text.indexOf("\n\n", Math.floor(text.length / 2)) + 2;
  const sentence = writeSentence(Random.derive(SEED, "inserted-sentence"), "fr").text;
  return `${text.slice(0, middle)}${sentence} ${text.slice(middle)}`;
}

function substitute(char: string): string {
  if (/\d/.test(char)) return String((Number(char) + 1) % 10);
  if (char === "e") return "a";
  if (char === "E") return "A";
  return /[A-Z]/.test(char) ? "E" : "e";
}

/**
 * The text with single characters changed inside chosen annotations, so that exactly `wanted`
 * annotations no longer hold their quote (a change inside nested annotations breaks them all).
 */
function breakQuotes(text: string, annotations: readonly ReanchorInput[], wanted: number): string {
  const rng = Random.derive(SEED, "fuzzy-edit");
  const chars = text.split("");
  const broken = new Set<string>();
  for (const candidate of rng.shuffle([...annotations])) {
    if (broken.size === wanted) break;
    if (candidate.start === null || candidate.end === null || candidate.end - candidate.start < 4) continue;
    // A letter or digit in the middle of the quote.
    let at = Math.floor((candidate.start + candidate.end) / 2);
    while (at < candidate.end && !/[\p{L}\d]/u.test(chars[at])) at++;
    if (at >= candidate.end || /[\uD800-\uDFFF]/.test(chars[at])) continue;
    const hit = annotations.filter((a) => a.start !== null && a.end !== null && a.start <= at && at < a.end && !broken.has(a.id));
    if (broken.size + hit.length > wanted) continue;
    chars[at] = substitute(chars[at]);
    for (const a of hit) broken.add(a.id);
  }
  return chars.join("");
}

function outcome(results: ReturnType<typeof reanchorAnnotations>) {
  const counts = { anchored: 0, drifted: 0, orphaned: 0 };
  for (const r of results) counts[r.anchor]++;
  return counts;
}

export async function reanchorScenario(ctx: BenchContext, result: ScenarioResult): Promise<void> {
  const article = editorArticleText();
  const records = editorArticleRecords(article.body, article.spans, ctx.manifest.people.length, new Date(ctx.manifest.generatedAt));
  const annotations: ReanchorInput[] = records.map((r) => ({ id: r.id, start: r.unitStart, end: r.unitEnd, exact: r.exact, prefix: r.prefix, suffix: r.suffix }));
  const oldText = article.body;

  const cases = [
    { name: "typical edit (one sentence inserted): re-anchor 2,000", newText: insertSentence(oldText), goalMs: 200, runs: ctx.quick ? 5 : 15 },
    { name: `edit forcing the fuzzy search for ${FUZZY}: re-anchor 2,000`, newText: breakQuotes(oldText, annotations, FUZZY), goalMs: 2_000, runs: ctx.quick ? 3 : 9 },
  ];
  for (const c of cases) {
    const needFuzzy = annotations.filter((a) => a.start !== null && a.end !== null && c.newText.length === oldText.length && c.newText.slice(a.start, a.end) !== a.exact).length;
    let last: ReturnType<typeof reanchorAnnotations> = [];
    const samples = await interleavedMs(
      c.runs,
      1,
      () => (last = reanchorAnnotations({ oldText, newText: c.newText, annotations })),
      () => fastDiff(oldText, c.newText),
    );
    const counts = outcome(last);
    const indexOfScan = summarize(
      (await interleavedMs(c.runs, 0, () => annotations.forEach((a) => c.newText.indexOf(a.exact)), () => undefined)).subject,
    );
    const subject = summarize(samples.subject);
    const baseline = summarize(samples.baseline);
    result.measures.push(
      measure(c.name, "ms", subject, { name: "one fast-diff of the two texts", median: baseline.median }, {
        text: `≤ ${c.goalMs.toLocaleString("en-US")} ms`,
        pass: subject.p95 <= c.goalMs,
      }),
    );
    result.notes.push(
      `${c.name}: ${counts.anchored} anchored, ${counts.drifted} drifted, ${counts.orphaned} orphaned` +
        (c.newText.length === oldText.length ? ` (${needFuzzy} no longer held their quote at their mapped position)` : "") +
        `; an indexOf scan of the 2,000 quotes takes ${indexOfScan.median.toFixed(1)} ms.`,
    );
    result.details[c.name] = { samplesMs: samples.subject, baselineMs: samples.baseline, outcome: counts, needFuzzy, indexOfScanMs: indexOfScan.median };
  }
  result.notes.push(`Article: ${article.words.toLocaleString("en-US")} words, ${oldText.length.toLocaleString("en-US")} characters; goals judged on the p95.`);
}
