import { describe, expect, it } from "vitest";
import { normalizeUrl, textFingerprint } from "./text-hash";

describe("textFingerprint", () => {
  const text = "Selon les services britanniques, la Russie aurait perdu 280.000 soldats.\n\n87\u00A0% des Ukrainiens veulent continuer.";

  it("is a SHA-256 hex digest", () => {
    expect(textFingerprint(text)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is the same for the same text with other white space, case or Unicode composition", () => {
    const repasted =
      "  SELON les services britanniques,\tla Russie aurait perdu 280.000 soldats.\r\n87 %   des Ukrainiens veulent continuer.\n";
    const decomposed = text.normalize("NFD");
    expect(textFingerprint(repasted)).toBe(textFingerprint(text));
    expect(textFingerprint(decomposed)).toBe(textFingerprint(text));
  });

  it("differs when a word or a figure differs", () => {
    expect(textFingerprint(text.replace("280.000", "280.001"))).not.toBe(textFingerprint(text));
    expect(textFingerprint(text.replace("britanniques", "américains"))).not.toBe(textFingerprint(text));
  });
});

describe("normalizeUrl", () => {
  it.each([
    [
      "HTTPS://WWW.LeMonde.fr:443/international/article/2024/01/01/ukraine_123.html?utm_source=twitter&utm_medium=social&xtor=RSS-3208#xtor=AL-32",
      "https://www.lemonde.fr/international/article/2024/01/01/ukraine_123.html",
    ],
    [
      "https://www.bbc.co.uk/news/world-europe-123/?at_medium=RSS&at_campaign=KARANGA&id=5&q=a%20b+c",
      "https://www.bbc.co.uk/news/world-europe-123?id=5&q=a%20b+c",
    ],
    ["https://edition.cnn.com/2024/01/01/europe/russia-losses/index.html?fbclid=IwAR0&gclid=x", "https://edition.cnn.com/2024/01/01/europe/russia-losses/index.html"],
    ["  http://example.org/a/b/  ", "http://example.org/a/b"],
    ["https://example.org", "https://example.org/"],
    ["https://example.org/?", "https://example.org/"],
    ["https://example.org/Article?ID=7", "https://example.org/Article?ID=7"],
  ])("%s → %s", (url, expected) => {
    expect(normalizeUrl(url)).toBe(expected);
  });

  it("gives the same key to the same article reached from a newsletter or a share", () => {
    const shared = "https://www.francetvinfo.fr/monde/ukraine.html?xtor=CS1-746#xtor=CS1-746";
    const direct = "https://www.francetvinfo.fr/monde/ukraine.html";
    expect(normalizeUrl(shared)).toBe(normalizeUrl(direct));
  });

  it("returns a string that is not an absolute URL trimmed and unchanged", () => {
    expect(normalizeUrl(" pas une URL ")).toBe("pas une URL");
  });
});
