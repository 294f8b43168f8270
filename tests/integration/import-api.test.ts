import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as bulkRoute from "@/app/api/v1/articles/bulk/route";
import * as uploadRoute from "@/app/api/v1/articles/upload/route";
import { db } from "@/lib/db";
import { callRoute } from "./support/call-route";
import { makeUser, type TestUser } from "./support/factories";

let editor: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeUser("EDITOR"), makeUser("REVIEWER")]);
});

function upload(name: string, content: string, type: string, fields: Record<string, string> = {}, token = editor.token) {
  const form = new FormData();
  form.set("file", new File([content], name, { type }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return callRoute(uploadRoute.POST, { method: "POST", token, form });
}

describe("importing files", () => {
  it("imports an HTML file, sanitized, titled from the file name", async () => {
    const tag = randomUUID();
    const html = `<h2>Emploi</h2><p onclick="x()">Selon l’Insee, <b>87&nbsp;%</b> des entreprises <script>alert(1)</script>peinent (${tag}).</p><iframe src="https://evil.example"></iframe>`;
    const res = await upload("emploi-industrie.html", html, "text/html");
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ title: "emploi industrie", language: "fr" });
    expect(res.json.text).toBe(`Emploi\n\nSelon l’Insee, 87\u00a0% des entreprises peinent (${tag}).`);
    expect(JSON.stringify(res.json.content)).not.toMatch(/script|onclick|iframe/);
  });

  it("answers 415 to an unsupported file and 422 to an empty one", async () => {
    const pdf = await upload("rapport.pdf", "%PDF-1.7", "application/pdf");
    expect(pdf.status).toBe(415);
    expect(pdf.json.error?.message).toContain(".docx");
    const empty = await upload("vide.txt", "", "text/plain");
    expect(empty.status).toBe(422);
    const notDocx = await upload("faux.docx", "pas un zip", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(notDocx.status).toBe(415);
    expect((await upload("a.txt", "Texte", "text/plain", {}, reviewer.token)).status).toBe(403);
  });
});

describe("bulk import", () => {
  it("answers each item on its own and writes nothing for the bad ones", async () => {
    const tag = randomUUID();
    const before = await db.article.count({ where: { createdById: editor.id } });
    const res = await callRoute(bulkRoute.POST, {
      method: "POST",
      token: editor.token,
      body: [
        { title: "Un", format: "text", body: `Premier article ${tag}.` },
        { title: "Deux", format: "text", body: `Premier article ${tag}.` },
        { title: "", format: "text", body: "x" },
        { title: "Vide", format: "text", body: "   " },
        { title: "Trois", format: "markdown", body: `# Titre\n\nTroisième ${tag}` },
      ],
    });
    expect(res.status).toBe(200);
    const items = res.json.items as { index: number; status: string; id?: string; existingId?: string; fields?: Record<string, string> }[];
    expect(items.map((i) => i.status)).toEqual(["created", "duplicate", "error", "error", "created"]);
    expect(items[1].existingId).toBe(items[0].id);
    expect(items[2].fields).toHaveProperty("title");
    expect(await db.article.count({ where: { createdById: editor.id } })).toBe(before + 2);
  });
});
