import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as annotationsRoute from "@/app/api/v1/articles/[id]/annotations/route";
import * as importRoute from "@/app/api/v1/articles/[id]/annotations/import/route";
import * as exportRoute from "@/app/api/v1/articles/[id]/export/route";
import * as bulkExportRoute from "@/app/api/v1/export/route";
import * as annotationRoute from "@/app/api/v1/annotations/[id]/route";
import type { AnnotationDto, ArticleDto } from "@/lib/annotations/types";
import { callRoute } from "./support/call-route";
import { FRENCH_BODY, makeArticle, makeUser, type TestUser } from "./support/factories";

let editor: TestUser;
let reviewer: TestUser;
let article: ArticleDto;
let claim: AnnotationDto;

const VALIDATOR = path.resolve(process.cwd(), "../shared/tools/validate-w3c.mjs");
const exportAs = (format: string, token = reviewer.token, extra: Record<string, string> = {}) =>
  callRoute(exportRoute.GET, { token, params: { id: article.id }, query: { format, ...extra } });

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeUser("EDITOR"), makeUser("REVIEWER")]);
  article = await makeArticle(editor, { body: FRENCH_BODY });
  const post = (body: unknown) => callRoute(annotationsRoute.POST, { method: "POST", token: reviewer.token, params: { id: article.id }, body });
  const source = (await post({ kind: "source", target: { exact: "cité par l’agence TASS" } })).json as unknown as AnnotationDto;
  claim = (await post({
    kind: "claim",
    target: { exact: "La marine russe aurait doublé ses patrouilles 🇷🇺 en mer Baltique" },
    verdict: "misleading",
    rationale: "Hausse d’environ 30 %, pas un doublement.",
    note: "=HYPERLINK(\"http://evil.example\") note interne",
    sourceId: source.id,
    evidence: [{ url: "https://www.iiss.org/", title: "IISS" }],
  })).json as unknown as AnnotationDto;
  await post({ kind: "figure", target: { exact: "280.000 tonnes" }, verdict: "false", rationale: "Le tonnage réel est de 230.000 tonnes." });
});

describe("exports", () => {
  it("exports W3C Web Annotation that the W3C validator accepts, code point exact", async () => {
    const res = await exportAs("w3c");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
    const dir = mkdtempSync(path.join(tmpdir(), "w3c-"));
    writeFileSync(path.join(dir, "text.txt"), article.text);
    writeFileSync(path.join(dir, "export.json"), JSON.stringify(res.json));
    const out = execFileSync("node", [VALIDATOR, "--text", path.join(dir, "text.txt"), path.join(dir, "export.json")], { encoding: "utf8" });
    expect(out).not.toMatch(/FAIL/i);
    expect(JSON.stringify(res.json)).not.toContain("note interne");
  });

  it("gives notes only to editors who ask, and refuses unknown formats with the list", async () => {
    expect((await exportAs("csv", reviewer.token, { includeNotes: "true" })).status).toBe(403);
    const withNotes = await exportAs("csv", editor.token, { includeNotes: "true" });
    expect(String(withNotes.json)).toContain("'=HYPERLINK");
    const bad = await exportAs("pdf");
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toContain("w3c, claimreview, html, markdown, csv");
  });

  it("exports CSV with a BOM and ClaimReview with the verdicts", async () => {
    const csv = await exportAs("csv");
    expect(String(csv.json).startsWith("\uFEFF")).toBe(true);
    expect(String(csv.json)).not.toContain("note interne");
    const cr = await exportAs("claimreview");
    const text = JSON.stringify(cr.json);
    expect(text).toContain("ClaimReview");
    expect(text).toContain("Trompeur");
    const html = await exportAs("html");
    expect(String(html.json)).toContain("<mark");
    expect(html.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("imports its own W3C export back into an article with the same annotations", async () => {
    const exported = (await exportAs("w3c")).json;
    const copy = await makeArticle(editor, { body: FRENCH_BODY });
    const res = await callRoute(importRoute.POST, { method: "POST", token: reviewer.token, params: { id: copy.id }, body: exported });
    expect(res.status).toBe(201);
    const originals = (await callRoute(annotationsRoute.GET, { token: reviewer.token, params: { id: article.id } })).json.items as AnnotationDto[];
    const copies = (await callRoute(annotationsRoute.GET, { token: reviewer.token, params: { id: copy.id } })).json.items as AnnotationDto[];
    const shape = (a: AnnotationDto, all: AnnotationDto[]) => ({
      kind: a.kind,
      status: a.status,
      verdict: a.verdict,
      rationale: a.rationale,
      target: a.target,
      evidence: a.evidence.map((e) => e.url),
      source: all.find((s) => s.id === a.sourceId)?.target.exact ?? null,
    });
    expect(copies.map((a) => shape(a, copies))).toEqual(originals.map((a) => shape(a, originals)));
    expect(res.json.orphaned).toEqual([]);

    // A copy whose text lost a passage: that annotation is kept as an orphan and reported.
    const edited = await makeArticle(editor, { body: FRENCH_BODY.replace("280.000 tonnes de tonnage", "un tonnage inconnu") });
    const partial = await callRoute(importRoute.POST, { method: "POST", token: reviewer.token, params: { id: edited.id }, body: exported });
    expect(partial.status).toBe(201);
    expect((partial.json.orphaned as { exact: string }[]).map((o) => o.exact)).toEqual(["280.000 tonnes"]);
    const kept = (await callRoute(annotationsRoute.GET, { token: reviewer.token, params: { id: edited.id } })).json.items as AnnotationDto[];
    expect(kept).toHaveLength(originals.length);
    expect(kept.find((a) => a.target.exact === "280.000 tonnes")).toMatchObject({ anchor: "orphaned", target: { start: null } });

    const garbage = await callRoute(importRoute.POST, { method: "POST", token: reviewer.token, params: { id: copy.id }, body: { type: "Nope" } });
    expect(garbage.status).toBe(422);
  });

  it("streams many articles as NDJSON, one collection per line", async () => {
    const res = await callRoute(bulkExportRoute.GET, { token: reviewer.token, query: { format: "ndjson", q: "patrouilles" } });
    expect(res.status).toBe(200);
    const lines = String(typeof res.json === "string" ? res.json : JSON.stringify(res.json)).trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.parse(line).type).toBe("AnnotationCollection");
  });

  it("keeps exports free of deleted annotations", async () => {
    await callRoute(annotationRoute.DELETE, { method: "DELETE", token: reviewer.token, params: { id: claim.id } });
    expect(JSON.stringify((await exportAs("w3c")).json)).not.toContain(claim.id);
  });
});
