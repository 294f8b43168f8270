import { describe, expect, it } from "vitest";
import { annotationCsvRows } from "./annotation-csv-rows";
import { csvLine } from "./csv-line";
import { writeCsvRecord } from "./csv-record";
import { Utf8Writer } from "./utf8-writer";
import { englishInput } from "./__fixtures__/english-article";
import { frenchInput } from "./__fixtures__/french-article";

describe("writeCsvRecord", () => {
  it("writes the bytes of csvLine, guard and quoting included", () => {
    const rows = [
      ...annotationCsvRows({ ...frenchInput, options: { ...frenchInput.options, includeNotes: true } }),
      ...annotationCsvRows(englishInput),
      ["=HYPERLINK(\"http://evil.example\")", "+1", "-2", "@x", "\tx", "\rx", 'a "b", c', "line\nbreak", "🇷🇺 é", "\ud800 lone", ""],
    ];
    for (const row of rows) {
      const out = new Utf8Writer(8);
      writeCsvRecord(out, row);
      expect(Buffer.from(out.take()).equals(Buffer.from(new TextEncoder().encode(csvLine(row))))).toBe(true);
    }
  });
});
