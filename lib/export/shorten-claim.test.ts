import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shortenClaim } from "./shorten-claim";

const codePoints = (s: string) => Array.from(s).length;
const words = fc.array(
  fc.constantFrom("280.000", "15\u202f902", "87\u00a0%", "six", "millions", "soldats", "🇷🇺", "👍🏽", "l’armée", "selon", "TASS", "«", "»", ",", "anticonstitutionnellement"),
  { maxLength: 40 },
);

describe("shortenClaim", () => {
  it("leaves a short claim alone, line breaks folded", () => {
    expect(shortenClaim("  Six millions\nde réfugiés ")).toBe("Six millions de réfugiés");
  });

  it("cuts a long claim at the last word that fits, ellipsis included in the 75", () => {
    const claim = "Le ministère russe de la Défense affirme avoir « neutralisé » 15\u202f902 soldats ukrainiens en un mois";
    const short = shortenClaim(claim);
    expect(short).toBe("Le ministère russe de la Défense affirme avoir « neutralisé » 15\u202f902…");
    expect(codePoints(short)).toBeLessThanOrEqual(75);
  });

  it("never separates what a no-break space holds together", () => {
    const claim = `${"a".repeat(70)} 87\u00a0% des Russes`;
    expect(shortenClaim(claim)).toBe(`${"a".repeat(70)}…`);
  });

  it("cuts a single overlong word between graphemes, not inside a flag", () => {
    const short = shortenClaim("🇷🇺".repeat(50));
    expect(short).toBe(`${"🇷🇺".repeat(37)}…`);
  });

  it("always fits, always ends with an ellipsis when cut, and keeps only the claim's own words", () => {
    fc.assert(
      fc.property(words, (list) => {
        const claim = list.join(" ");
        const short = shortenClaim(claim);
        expect(codePoints(short)).toBeLessThanOrEqual(75);
        if (codePoints(claim) <= 75) expect(short).toBe(claim.trim());
        else {
          expect(short.endsWith("…")).toBe(true);
          expect(claim.startsWith(short.slice(0, -1))).toBe(true);
          const next = claim.slice(short.length - 1);
          // The cut is at a space, or inside one word longer than the whole budget.
          expect(/^[\s,;:.«"'-]/.test(next) || !short.includes(" ")).toBe(true);
        }
      }),
    );
  });
});
