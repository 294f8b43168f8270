import { describe, expect, it } from "vitest";
import { englishInput } from "./__fixtures__/english-article";
import { frenchInput } from "./__fixtures__/french-article";
import { contentDisposition } from "./content-disposition";
import { exportConfigFromEnv } from "./export-config-from-env";
import { exportFileName } from "./export-file-name";
import { EXPORT_FORMATS, isExportFormat, renderExport } from "./index";

describe("renderExport", () => {
  it("offers the five formats", () => {
    expect(EXPORT_FORMATS).toEqual(["w3c", "claimreview", "html", "markdown", "csv"]);
    expect(isExportFormat("csv")).toBe(true);
    expect(isExportFormat("ndjson")).toBe(false);
  });

  it.each([
    ["w3c", 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', "annotations.jsonld"],
    ["claimreview", "application/ld+json", "claimreview.jsonld"],
    ["html", "text/html; charset=utf-8", "html"],
    ["markdown", "text/markdown; charset=utf-8", "md"],
    ["csv", "text/csv; charset=utf-8", "csv"],
  ] as const)("renders %s with its content type and an ASCII file name", (format, contentType, extension) => {
    const out = renderExport(format, frenchInput);
    expect(out.contentType).toBe(contentType);
    expect(out.fileName).toBe(`guerre-en-ukraine-moscou-aurait-perdu-280-000-soldats-selon.${extension}`);
    expect(out.body.length).toBeGreaterThan(100);
  });

  it("parses as JSON where the format is JSON", () => {
    expect(JSON.parse(renderExport("w3c", englishInput).body).type).toBe("AnnotationCollection");
    expect(JSON.parse(renderExport("claimreview", englishInput).body)[0]["@type"]).toBe("ClaimReview");
  });
});

describe("file names and Content-Disposition", () => {
  it("folds accents, drops emoji and punctuation, falls back on the id", () => {
    expect(exportFileName("Vérité : « 87 % » des Français 👍🏽", "x", "md")).toBe("verite-87-des-francais.md");
    expect(exportFileName("🇷🇺🇷🇺", "article-42", "csv")).toBe("article-42.csv");
    expect(exportFileName("Qu’en est-il ?", "x", "html")).toBe("quen-est-il.html");
  });

  it("gives old clients an ASCII name and everyone else the exact UTF-8 name (RFC 6266)", () => {
    expect(contentDisposition("vérité 87%.md")).toBe(`attachment; filename="verite 87_.md"; filename*=UTF-8''v%C3%A9rit%C3%A9%2087%25.md`);
    expect(contentDisposition(`a"b\\c;d.csv`)).toBe(`attachment; filename="a_b_c_d.csv"; filename*=UTF-8''a%22b%5Cc%3Bd.csv`);
    expect(contentDisposition("l'article (1).html")).toBe(`attachment; filename="l'article (1).html"; filename*=UTF-8''l%27article%20%281%29.html`);
  });
});

describe("exportConfigFromEnv", () => {
  it("reads the deployment's settings with sensible defaults", () => {
    expect(exportConfigFromEnv({})).toEqual({
      appUrl: "http://localhost:3000",
      organization: { name: "Factmark", url: "http://localhost:3000" },
    });
    expect(
      exportConfigFromEnv({
        NEXTAUTH_URL: "https://factmark.example.org/",
        FACTMARK_ORG_NAME: "Les Vérificateurs",
        FACTMARK_ORG_URL: "https://verif.example.org",
        FACTMARK_FACTCHECK_BASE_URL: "https://verif.example.org/v/{articleId}",
      }),
    ).toEqual({
      appUrl: "https://factmark.example.org",
      organization: { name: "Les Vérificateurs", url: "https://verif.example.org" },
      factCheckBaseUrl: "https://verif.example.org/v/{articleId}",
    });
  });
});
