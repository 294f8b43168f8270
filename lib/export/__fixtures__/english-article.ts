import { OPTIONS, JANE, KARIM, annotate, buildArticle, h, link, ol, p, quote, t } from "./build-fixture";
import type { ExportInput } from "../types";

/** An English story with an ordered list, italics, a link and an attribution to CNN. */
export const englishArticle = buildArticle({
  id: "0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a",
  title: "Britain says Russia has lost 280,000 troops 👍🏽",
  url: null,
  outlet: "The Example Times",
  author: null,
  language: "en",
  publishedAt: null,
  blocks: [
    h(1, "What the numbers say"),
    p(
      t("Russia has lost 280,000 troops since February 2022, "),
      t("according to CNN", "italic"),
      t(", citing British intelligence."),
    ),
    ol(
      3,
      [p(t("Six million Ukrainians have fled abroad."))],
      [p(t("87% of respondents back the war, a poll found."))],
    ),
    quote(p(t("“We will not publish our losses,” a Kremlin spokesman said."))),
    p(t("Read the "), link("full briefing", "https://www.gov.uk/government/news/briefing"), t(" and the "), link("leaked memo", "javascript:alert(1)"), t(".")),
  ],
});

export const sourceCnn = annotate(englishArticle, {
  id: "b2000000-0000-4000-8000-000000000001",
  kind: "source",
  quote: "according to CNN",
  status: "in_progress",
  author: JANE,
});

export const claimTroops = annotate(englishArticle, {
  id: "b2000000-0000-4000-8000-000000000002",
  kind: "claim",
  quote: "Russia has lost 280,000 troops since February 2022",
  status: "verified",
  verdict: "misleading",
  rationale: "The 280,000 figure counts killed and wounded together.",
  note: "Call the MoD press office again.",
  sourceId: sourceCnn.id,
  author: JANE,
  verdictBy: JANE,
  signedOffBy: KARIM,
  signedOffAt: "2025-03-04T08:00:00.000Z",
});

export const figureMillion = annotate(englishArticle, {
  id: "b2000000-0000-4000-8000-000000000003",
  kind: "figure",
  quote: "Six million",
  status: "in_review",
  verdict: "accurate",
  author: JANE,
  verdictBy: JANE,
});

export const englishInput: ExportInput = {
  article: englishArticle,
  annotations: [claimTroops, sourceCnn, figureMillion],
  comments: {},
  options: { ...OPTIONS, organization: { name: "Example Fact Check", url: "https://factcheck.example.com" } },
};
