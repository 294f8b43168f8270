import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect-language";

const frenchArticle = `PARIS, 1er janvier (AFP) - Selon les services britanniques, la Russie aurait perdu près de 280.000 soldats depuis le début de l'invasion de l'Ukraine, un chiffre que Moscou conteste. Cité par l'agence TASS, un responsable du ministère de la Défense a qualifié ces estimations de « propagande », assurant que six millions de réservistes pourraient encore être mobilisés. Au total, 15 902 civils ont été tués selon l'ONU, et 87\u00A0% des Ukrainiens se disent favorables à la poursuite des combats, according to CNN.`;

const englishArticle = `LONDON, Jan. 1 (Reuters) - Russia has lost nearly 280,000 soldiers since the start of its invasion of Ukraine, according to British intelligence, a figure Moscow disputes. Quoted by the TASS agency, a defence ministry official called the estimates "propaganda" and said six million reservists could still be mobilised. In all, 15,902 civilians have been killed, the UN says, and 87% of Ukrainians back continuing the fight, selon les services britanniques.`;

describe("detectLanguage", () => {
  it("recognizes article-length French and English, quotes in the other language notwithstanding", () => {
    expect(detectLanguage(frenchArticle)).toBe("fr");
    expect(detectLanguage(englishArticle)).toBe("en");
  });

  it.each([
    ["Guerre en Ukraine : la Russie dément 🇷🇺", "fr"],
    ["Macron à Berlin", "fr"],
    ["L’Élysée dément", "fr"],
    ["Inflation : 2,3 % en mars", "fr"],
    ["Grève SNCF", "fr"],
    ["Selon les services britanniques, 280.000 soldats", "fr"],
    ["Russia denies the report", "en"],
    ["According to CNN, the minister resigned", "en"],
    ["Trump’s tariffs hit Europe", "en"],
    ["Café prices soar in Paris", "en"],
  ])("reads the headline %j as %s", (headline, language) => {
    expect(detectLanguage(headline)).toBe(language);
  });

  it.each(["", "   ", "🇷🇺 280.000", "Ukraine", "Nvidia stock surges", "https://www.lemonde.fr/"])(
    "falls back to English with nothing to go on: %j",
    (text) => {
      expect(detectLanguage(text)).toBe("en");
    },
  );
});
