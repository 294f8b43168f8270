import { describe, expect, it } from "vitest";
import { englishInput } from "./__fixtures__/english-article";
import { claimKremlin, claimLosses, figurePoll, frenchInput, orphanClaim } from "./__fixtures__/french-article";
import { annotationCsvRows } from "./annotation-csv-rows";
import { csvCell } from "./csv-cell";
import { csvHeader } from "./csv-header";
import { toCsv } from "./to-csv";

/** A strict RFC 4180 reader, as a spreadsheet would read the file. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else if (c === "\n" || c === "\r") throw new Error(`bare line break at ${i}`);
    else cell += c;
  }
  if (cell !== "" || row.length) throw new Error("last record has no CRLF");
  return rows;
}

const withNotes = { ...frenchInput, options: { ...frenchInput.options, includeNotes: true } };

describe("csvCell", () => {
  it.each([
    ["=HYPERLINK(\"http://evil\")", `"'=HYPERLINK(""http://evil"")"`],
    ["+33 6 00 00 00 00", "'+33 6 00 00 00 00"],
    ["-5 %", "'-5 %"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcaché", "'\tcaché"],
    ["\rcaché", `"'\rcaché"`],
    ["280.000, selon Londres", '"280.000, selon Londres"'],
    ["ligne 1\nligne 2", '"ligne 1\nligne 2"'],
    ["87\u00a0%", "87\u00a0%"],
  ])("writes %j as %j", (value, written) => {
    expect(csvCell(value)).toBe(written);
  });
});

describe("CSV export", () => {
  const csv = toCsv(frenchInput);

  it("starts with a byte-order mark, ends every record with CRLF and reads back cell for cell", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = readCsv(csv.slice(1));
    expect(rows[0]).toEqual(csvHeader(false));
    expect(rows).toHaveLength(frenchInput.annotations.length + 1);
    for (const row of rows) expect(row).toHaveLength(rows[0].length);
  });

  it("has one row per annotation in document order with the public columns", () => {
    const [header, ...rows] = readCsv(csv.slice(1));
    const record = (id: string) => {
      const row = rows.find((r) => r[header.indexOf("annotation_id")] === id);
      if (!row) throw new Error(`no row for ${id}`);
      return Object.fromEntries(header.map((h, i) => [h, row[i]]));
    };
    expect(record(claimLosses.id)).toEqual({
      article_id: frenchInput.article.id,
      article_title: frenchInput.article.title,
      annotation_id: claimLosses.id,
      kind: "claim",
      quote: claimLosses.target.exact,
      start: "3",
      end: String(claimLosses.target.end),
      anchor: "anchored",
      status: "verified",
      verdict: "mostly_accurate",
      rationale: claimLosses.rationale,
      evidence_urls: "https://www.gov.uk/government/news/defence-intelligence-update",
      attributed_source: "selon les services britanniques",
      author: "Marie Dubois",
      verdict_by: "Marie Dubois",
      signed_off_by: "Karim Benali",
      created: claimLosses.createdAt,
      updated: claimLosses.updatedAt,
    });
    expect(record(figurePoll.id).quote).toBe("87\u00a0%");
    expect(record(orphanClaim.id)).toMatchObject({ start: "", end: "", anchor: "orphaned" });
    expect(rows[rows.length - 1][header.indexOf("annotation_id")]).toBe(orphanClaim.id);
  });

  it("has no note column, and no note, unless asked", () => {
    expect(csv).not.toContain("ne pas publier");
    expect(csv).not.toContain("HYPERLINK");
    const [header, ...rows] = readCsv(toCsv(withNotes).slice(1));
    expect(header).toContain("note");
    const kremlin = rows.find((r) => r[header.indexOf("annotation_id")] === claimKremlin.id) ?? [];
    // The formula is shown, not run: it starts with an apostrophe.
    expect(kremlin[header.indexOf("note")]).toBe(`'${claimKremlin.note}`);
    expect(kremlin[header.indexOf("evidence_urls")]).toBe(
      "javascript:alert(document.cookie) https://kremlin.example.ru/events/president/transcripts/12345",
    );
  });

  it("guards every cell that a spreadsheet would run", () => {
    const rows = readCsv(toCsv(withNotes).slice(1));
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("gives a bulk export rows it can stream under one header", () => {
    const rows = [...annotationCsvRows(frenchInput), ...annotationCsvRows(englishInput)];
    expect(rows).toHaveLength(frenchInput.annotations.length + englishInput.annotations.length);
    for (const row of rows) expect(row).toHaveLength(csvHeader(false).length);
    expect(annotationCsvRows(withNotes)[0]).toHaveLength(csvHeader(true).length);
  });
});
