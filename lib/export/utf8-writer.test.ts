import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Utf8Writer } from "./utf8-writer";

const encoder = new TextEncoder();

describe("Utf8Writer", () => {
  it("writes JSON.stringify's bytes and TextEncoder's, short and long strings alike (native path included)", () => {
    const samples = [
      "",
      "court",
      "Selon l’agence, 87 % des navires 🇷🇺 sont sortis. Le « chiffre » de 280.000 tonnes 👍🏽",
      `${"x".repeat(40)}"quoted" \\ and \n\t\u0001`,
      `${"é".repeat(30)}\ud800 lone high`,
      `${"a".repeat(30)}\udc00 lone low`,
      "https://www.insee.fr/fr/statistiques/0123456789abcdef",
    ];
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...samples), fc.string({ unit: "binary", maxLength: 80 }), fc.string({ unit: "grapheme", maxLength: 80 })), (value) => {
        const out = new Utf8Writer(16);
        out.jsonString(value);
        out.text(value);
        expect(Buffer.from(out.take()).equals(Buffer.concat([Buffer.from(encoder.encode(JSON.stringify(value))), Buffer.from(encoder.encode(value))]))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
