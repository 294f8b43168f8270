import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "@/lib/editor/schema";
import { toDocument } from "./to-document";

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
const NBSP = "\u00A0";
const NNBSP = "\u202F";

/** Node types in document order, e.g. ["heading", "paragraph", "bulletList", …] at the top level. */
const topLevel = (content: { content?: unknown[] }) =>
  (content.content ?? []).map((node) => (node as { type: string }).type);

/** Every mark of the document as "type:text" (links with their href). */
function marks(json: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    const n = node as { text?: string; marks?: { type: string; attrs?: { href?: string } }[]; content?: unknown[] };
    for (const mark of n.marks ?? []) out.push(`${mark.type}${mark.attrs?.href ? `(${mark.attrs.href})` : ""}:${n.text}`);
    n.content?.forEach(walk);
  };
  walk(json);
  return out;
}

describe("toDocument, plain text", () => {
  it("keeps a French wire story as typed: blank lines part paragraphs, single newlines are hard breaks", () => {
    const body = [
      "Guerre en Ukraine : Moscou aurait perdu 280.000 soldats 🇷🇺",
      "",
      "PARIS, 1er janvier (AFP) - Selon les services britanniques, la Russie aurait perdu près de 280.000 soldats.",
      "Le ministère de la Défense n’a pas commenté.",
      "",
      "",
      "   ",
      `Cité par l'agence TASS, un responsable a évoqué «${NBSP}six millions${NBSP}» de réservistes.   `,
      "",
      `  15${NNBSP}902 civils tués ; 87${NBSP}% des Ukrainiens veulent continuer.`,
      "",
    ].join("\r\n");

    const { content, text } = toDocument({ format: "text", body });

    expect(text).toBe(
      "Guerre en Ukraine : Moscou aurait perdu 280.000 soldats 🇷🇺\n\n" +
        "PARIS, 1er janvier (AFP) - Selon les services britanniques, la Russie aurait perdu près de 280.000 soldats.\n" +
        "Le ministère de la Défense n’a pas commenté.\n\n" +
        `Cité par l'agence TASS, un responsable a évoqué «${NBSP}six millions${NBSP}» de réservistes.\n\n` +
        `15${NNBSP}902 civils tués ; 87${NBSP}% des Ukrainiens veulent continuer.`,
    );
    expect(topLevel(content)).toEqual(["paragraph", "paragraph", "paragraph", "paragraph"]);
    expect(JSON.stringify(content)).toContain('{"type":"hardBreak"}');
    expect(() => parseDocument(content)).not.toThrow();
  });

  it("reads an English paste the same way", () => {
    const body =
      "Russia has lost 280,000 troops, UK says\n\n" +
      "LONDON, Jan. 1 (Reuters) - Russia has lost nearly 280,000 soldiers, according to CNN.\n\n" +
      "Six million reservists could be called up, Moscow’s defence ministry said.";
    expect(toDocument({ format: "text", body }).text).toBe(body);
  });

  it("treats markup characters as text", () => {
    const { content, text } = toDocument({
      format: "text",
      body: "# Pas un titre\n\n- pas une liste\n\n**pas gras** <b>ni ça</b> &amp;",
    });
    expect(text).toBe("# Pas un titre\n\n- pas une liste\n\n**pas gras** <b>ni ça</b> &amp;");
    expect(topLevel(content)).toEqual(["paragraph", "paragraph", "paragraph"]);
    expect(marks(content)).toEqual([]);
  });

  it("makes each line a paragraph when the paste has no blank line (Word, Google Docs, CMS exports)", () => {
    const body = "Inflation : 2,3 % en mars\r\nLes prix ont reculé, selon l’Insee.\r\nLe gouvernement salue « une bonne nouvelle ».\r\n";
    const { content, text } = toDocument({ format: "text", body });
    expect(text).toBe(
      "Inflation : 2,3 % en mars\n\nLes prix ont reculé, selon l’Insee.\n\nLe gouvernement salue « une bonne nouvelle ».",
    );
    expect(topLevel(content)).toEqual(["paragraph", "paragraph", "paragraph"]);
  });

  it("stores NFC, drops control characters and keeps NBSP, narrow NBSP and typographic apostrophes", () => {
    const decomposed = "Le ministe\u0300re a de\u0301menti\u0000 l\u2019information\u0007 : 87\u00A0%.";
    expect(toDocument({ format: "text", body: decomposed }).text).toBe("Le ministère a démenti l’information : 87\u00A0%.");
  });

  it("gives an empty document for blank input", () => {
    const { content, text } = toDocument({ format: "text", body: " \n\u00A0\n\t " });
    expect(text).toBe("");
    expect(content).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});

describe("toDocument, HTML", () => {
  it("keeps the structure of a CMS article and removes everything dangerous or remote", () => {
    const { content, text } = toDocument({ format: "html", body: fixture("cms-article.html") });

    expect(text).toBe(
      [
        "Guerre en Ukraine : Moscou aurait perdu 280.000 soldats 🇷🇺",
        "Par la rédaction",
        "Selon les services britanniques, la Russie aurait perdu près de 280.000 soldats depuis le 1er janvier.",
        `Cité par l’agence TASS, un responsable russe a démenti ces chiffres, évoquant «${NBSP}six millions${NBSP}» de réservistes.`,
        "Des soldats ukrainiens près de Bakhmout.",
        "Un bilan contesté",
        "« Ces chiffres sont faux », a déclaré le porte-parole.",
        `15${NBSP}902 civils tués`,
        `87${NBSP}% des Ukrainiens favorables à la poursuite des combats`,
        "Premier point",
        "Second point",
        "Lire aussi notre analyse, cliquez ici, abonnez-vous ou écrivez à la rédaction.",
        "Fin de l’article.",
      ].join("\n\n"),
    );
    expect(topLevel(content)).toEqual([
      "heading", "paragraph", "paragraph", "paragraph", "paragraph", "heading", "blockquote",
      "bulletList", "orderedList", "paragraph", "paragraph",
    ]);
    const [h1, , , , , h5] = content.content as { attrs?: { level?: number } }[];
    expect([h1.attrs?.level, h5.attrs?.level]).toEqual([1, 4]);
    expect((content.content?.[8] as { attrs: { start: number } }).attrs.start).toBe(3);
    expect(marks(content)).toEqual([
      "bold:Selon les services britanniques",
      "italic:1er janvier",
      "bold:Premier",
      "italic:Second",
      "link(https://www.lemonde.fr/international/article.html?utm_source=x):notre analyse",
      "link(mailto:redaction@example.com):la rédaction",
    ]);
    const json = JSON.stringify(content);
    for (const danger of ["script", "alert", "steal", "onclick", "onmouseover", "javascript:", "tracker", "youtube", "ads.example", "evil", "noscript", "svg", "font-size", "position", "article__", "Envoyer", "/abonnement"]) {
      expect(json).not.toContain(danger);
    }
  });

  it("drops the empty paragraphs and Office markup of a Word paste", () => {
    const { content, text } = toDocument({ format: "html", body: fixture("word-paste.html") });
    expect(text).toBe(
      "UK intelligence: Russia has lost 280,000 troops\n\n" +
        "LONDON, Jan. 1 – Russia has lost nearly 280,000 soldiers since the invasion began, according to CNN, citing British intelligence.\n\n" +
        "Moscow’s defence ministry, quoted by the TASS agency, called the figure “absurd”.",
    );
    expect(topLevel(content)).toEqual(["heading", "paragraph", "paragraph"]);
    expect(marks(content)).toEqual(["bold:280,000", "italic:according to CNN"]);
  });

  it("reads Google Docs formatting, which lives in styles inside a bold wrapper", () => {
    const { content, text } = toDocument({ format: "html", body: fixture("google-docs.html") });
    expect(text).toBe(`Inflation : 2,3 % en mars, selon l’Insee.\n\nLes prix de l’énergie ont reculé de 1,2 % sur un an.`);
    expect(marks(content)).toEqual(["bold:Inflation : 2,3 %", "italic:selon l’Insee", "underline:."]);
    expect(JSON.stringify(content)).not.toContain("font-");
  });

  it("splits paragraphs at double line breaks and trims white space around single ones", () => {
    const { content, text } = toDocument({
      format: "html",
      body: "<p>PARIS (AFP) <br> Premier paragraphe.<br><br><br>Second paragraphe.<br></p><p><br>&nbsp;<br></p>",
    });
    expect(text).toBe("PARIS (AFP)\nPremier paragraphe.\n\nSecond paragraphe.");
    expect(topLevel(content)).toEqual(["paragraph", "paragraph"]);
  });

  it("turns layout boxes and table cells into separate paragraphs", () => {
    const { text } = toDocument({
      format: "html",
      body: "<div><div><span>Bloc un</span></div><div>Bloc deux</div></div><table><tr><td>Cellule 1</td><td>Cellule 2</td></tr></table>",
    });
    expect(text).toBe("Bloc un\n\nBloc deux\n\nCellule 1\n\nCellule 2");
  });

  it("nests stray and indented sub-lists under the item before them and drops empty items", () => {
    const { content, text } = toDocument({
      format: "html",
      body:
        "<ul><li>Bilan</li><ul><li>280.000 soldats</li><li></li></ul><li>&nbsp;</li>" +
        "<li>Pertes</li><li>&nbsp;<ul><li>six millions</li></ul></li></ul>",
    });
    expect(text).toBe("Bilan\n\n280.000 soldats\n\nPertes\n\nsix millions");
    const list = content.content?.[0] as { content: { content: { type: string }[] }[] };
    expect(list.content.map((item) => item.content.map((child) => child.type))).toEqual([
      ["paragraph", "bulletList"],
      ["paragraph", "bulletList"],
    ]);
  });

  it("never leaves an empty paragraph at the head of a list item", () => {
    const { text } = toDocument({
      format: "html",
      body: "<ol><li><p></p><blockquote>« Faux »</blockquote></li><li><p> </p><ul><li>cité par TASS</li></ul></li></ol>",
    });
    expect(text).toBe("« Faux »\n\ncité par TASS");
  });

  it("keeps code blocks with their line breaks, minus blank edges", () => {
    const { content, text } = toDocument({ format: "html", body: "<pre><code>\n\nx = 280000\n  y = x / 2\n\n</code></pre>" });
    expect(text).toBe("x = 280000\n  y = x / 2");
    expect(topLevel(content)).toEqual(["codeBlock"]);
  });

  it("normalizes text coming from entities and from accents split across formatting", () => {
    const { text } = toDocument({ format: "html", body: "<p>De&#x301;menti par <b>l’Elyse</b>&#x301;e</p>" });
    expect(text).toBe("Démenti par l’Elysée");
  });
});

describe("toDocument, Markdown", () => {
  it("keeps headings, emphasis, lists, quotes and safe links; text lines join with spaces", () => {
    const { content, text } = toDocument({ format: "markdown", body: fixture("article.md") });
    expect(text).toBe(
      [
        "Réforme des retraites : ce que dit vraiment le rapport",
        "Publié le 1er janvier",
        "Selon le Conseil d'orientation des retraites, le déficit atteindrait 13,5 milliards d'euros en 2030.",
        "Les chiffres clés",
        "15 902 postes supprimés",
        `87${NBSP}% des sondés opposés, selon l'Ifop`,
        "six millions de retraités concernés",
        "Première étape",
        "Seconde étape",
        "« Nous ne reculerons pas », a déclaré la Première ministre, citée par l'agence TASS.",
        "Voir le rapport et .",
        "#hashtag n'est pas un titre",
      ].join("\n\n"),
    );
    expect(topLevel(content)).toEqual([
      "heading", "paragraph", "paragraph", "heading", "bulletList", "orderedList", "blockquote", "paragraph", "paragraph",
    ]);
    expect(marks(content)).toEqual([
      "italic:Publié le 1er janvier",
      "bold:Conseil d'orientation des retraites",
      "link(https://www.ifop.com/publication/retraites/?utm_campaign=x):selon l'Ifop",
    ]);
    expect(JSON.stringify(content)).not.toMatch(/script|xss|javascript|tracker/);
  });
});

describe("toDocument, hostile nesting", () => {
  it.each(["<div>", "<blockquote>", "<ul><li>", "<b><i>"])("flattens HTML nested 10,000 deep with %s instead of overflowing", (open) => {
    expect(toDocument({ format: "html", body: `${open.repeat(10_000)}280.000 soldats` }).text).toBe("280.000 soldats");
  });

  it.each([
    [">".repeat(5_000) + " x"],
    [Array.from({ length: 300 }, (_, i) => `${" ".repeat(i * 2)}- x`).join("\n")],
  ])("refuses Markdown nested thousands deep as a validation error", (body) => {
    expect(() => toDocument({ format: "markdown", body })).toThrow(
      expect.objectContaining({ code: "validation_failed", options: { fields: { body: expect.any(String) } } }),
    );
  });
});
