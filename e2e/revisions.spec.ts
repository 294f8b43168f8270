import { expect, test } from "@playwright/test";
import { signInAs } from "./fixtures/auth";

const BASE_URL = process.env.E2E_BASE_URL ?? "http://localhost:3100";

test("an editor's text edit shows in the revision history as a readable diff", async ({ page }) => {
  await signInAs(page, "editor");
  const headers = { origin: BASE_URL };
  const created = await page.request.post("/api/v1/articles", {
    headers,
    data: { title: `Mobilisation ${Date.now()}`, format: "text", language: "fr", allowDuplicate: true, body: "Le ministère affirme que 230.000 soldats ont été mobilisés." },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Le ministère affirme que 280.000 soldats ont été mobilisés." }] }] };
  const saved = await page.request.put(`/api/v1/articles/${id}/content`, { headers, data: { content: doc, revision: 1 } });
  expect(saved.status()).toBe(200);

  await page.goto(`/articles/${id}/revisions`);
  await expect(page.getByText(/Revision 2|Révision 2/).first()).toBeVisible();
  const diff = page.getByTestId("revision-diff");
  await expect(diff.locator("del")).toHaveText("230.000");
  await expect(diff.locator("ins")).toHaveText("280.000");
  expect((await page.goto(`/articles/not-an-id/revisions`))?.status()).toBe(404);
});
