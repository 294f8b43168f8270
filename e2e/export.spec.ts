import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { openArticle } from "./fixtures/workspace";

const FORMATS = [
  { label: "W3C Web Annotation", file: /\.annotations\.jsonld$/, check: (body: string) => expect(JSON.parse(body).type).toBe("AnnotationCollection") },
  { label: "ClaimReview", file: /\.claimreview\.jsonld$/, check: (body: string) => expect(body).toContain("ClaimReview") },
  { label: "Annotated HTML", file: /\.html$/, check: (body: string) => expect(body).toContain("<mark") },
  { label: "Markdown", file: /\.md$/, check: (body: string) => expect(body).toMatch(/\[\^1\]/) },
  { label: "CSV", file: /\.csv$/, check: (body: string) => expect(body.startsWith("\uFEFF")).toBe(true) },
];

async function demoArticleId(request: import("@playwright/test").APIRequestContext): Promise<string> {
  const res = await request.get("/api/v1/articles?q=Moscou%20patrouilles&pageSize=100");
  const { items } = (await res.json()) as { items: { id: string; title: string }[] };
  const article = items.find((a) => a.title.startsWith("Baltique : Moscou affirme"));
  if (!article) throw new Error("the demo article is missing");
  return article.id;
}

test("each format downloads from the article page", async ({ page }) => {
  await signInAs(page, "reviewer");
  await openArticle(page, await demoArticleId(page.request));
  for (const format of FORMATS) {
    await page.getByRole("button", { name: /^export$/i }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: format.label, exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(format.file);
    format.check(await readFile((await download.path())!, "utf8"));
  }
});

test("the HTML export opened in Chromium shows the highlights and runs no script", async ({ page, context }) => {
  await signInAs(page, "reviewer");
  const id = await demoArticleId(page.request);
  const html = await (await page.request.get(`/api/v1/articles/${id}/export?format=html`)).text();
  const errors: string[] = [];
  const offline = await context.newPage();
  offline.on("pageerror", (e) => errors.push(e.message));
  // Opened as a standalone file would be: no network at all.
  await offline.route("**/*", (route) => route.abort());
  await offline.setContent(html);
  await expect(offline.locator("mark").first()).toBeVisible();
  expect(await offline.locator("script").count()).toBe(0);
  expect(await offline.evaluate(() => document.querySelectorAll("[onclick],[onload],[onerror]").length)).toBe(0);
  expect(errors).toEqual([]);
});
