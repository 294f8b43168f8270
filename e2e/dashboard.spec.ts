import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { signInAs, type DemoRole } from "./fixtures/auth";

// Written against the demo seed (prisma/seed.ts) on the production build; each test that
// changes data makes its own article, tagged with a unique word it can search for.

const tag = () => `zq${Math.random().toString(36).slice(2, 10)}`;

async function createArticle(request: APIRequestContext, word: string): Promise<{ id: string; title: string }> {
  const res = await request.post("/api/v1/articles", {
    data: {
      title: `Flotte ${word}`,
      format: "text",
      language: "fr",
      body: `Selon les services britanniques, la flotte compterait environ 45 bâtiments (${word}).\n\nLe budget atteindrait 6 % du PIB.`,
      allowDuplicate: true,
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; title: string };
}

async function signedInPage(browser: Browser, who: DemoRole) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, who);
  return { context, page };
}

test.describe("editors' dashboard", () => {
  test("an editor sees the seeded articles, and the status filter lives in the URL", async ({ page }) => {
    await signInAs(page, "editor");
    const draft = await createArticle(page.request, tag());
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
    const table = page.getByTestId("article-table");
    await expect(table.getByRole("link", { name: /Baltique : Moscou affirme/ })).toBeVisible();
    await expect(table.getByRole("link", { name: /Council says 87% of city buses/ })).toBeVisible();
    await expect(table.getByRole("link", { name: /Industrie : six millions/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /Annotations by status/ }).first()).toBeVisible();

    // A shared link opens with its filter applied…
    await page.goto("/?status=draft");
    const filters = page.getByRole("region", { name: "Filters" });
    await expect(filters.getByLabel("Workflow status")).toHaveValue("draft");
    await expect(table.getByRole("link", { name: draft.title })).toBeVisible();
    const statuses = await table.locator("tbody tr td:nth-child(4)").allInnerTexts();
    expect(new Set(statuses.map((s) => s.trim()))).toEqual(new Set(["Draft"]));

    // …and choosing a filter writes it to the URL.
    await filters.getByLabel("Workflow status").selectOption("in_review");
    await expect(page).toHaveURL(/[?&]status=in_review/);
    await expect(table.getByRole("link", { name: draft.title })).toHaveCount(0);
    await filters.getByLabel("Article language").selectOption("en");
    await expect(page).toHaveURL(/[?&]language=en/);
    await expect(page).toHaveURL(/[?&]status=in_review/);
  });

  test("search finds a French article by another form of the word", async ({ page }) => {
    await signInAs(page, "editor");
    // The text says "recruter": French stemming finds it from "recrutements".
    await page.goto("/?q=recrutements");
    await expect(page.getByTestId("article-table").getByRole("link", { name: /Industrie : six millions/ })).toBeVisible();
  });

  test("a reviewer lands on their queue, with what awaits their sign-off", async ({ browser }) => {
    const word = tag();
    const editor = await signedInPage(browser, "editor");
    const author = await signedInPage(browser, "reviewer");
    const article = await createArticle(editor.page.request, word);
    const created = await author.page.request.post(`/api/v1/articles/${article.id}/annotations`, {
      data: { kind: "figure", target: { exact: "45 bâtiments" }, status: "in_review", verdict: "misleading", rationale: "Le chiffre date de 2023." },
    });
    expect(created.status()).toBe(201);
    const reviewer2Id = await userId(editor.page.request, "Rita Second");
    const assigned = await editor.page.request.post(`/api/v1/articles/${article.id}/assignments`, { data: { userId: reviewer2Id } });
    expect(assigned.status()).toBe(201);

    const second = await signedInPage(browser, "reviewer2");
    await second.page.goto("/");
    await expect(second.page.getByRole("heading", { level: 1, name: "Your queue" })).toBeVisible();
    await expect(second.page.getByTestId("queue-articles").getByRole("link", { name: article.title })).toBeVisible();
    const awaiting = second.page.getByTestId("awaiting-sign-off");
    await expect(awaiting.locator(`a[href^="/articles/${article.id}?annotation="]`)).toContainText("45 bâtiments");

    // The author of the verdict does not see it as awaiting their own sign-off.
    await author.page.goto("/?scope=all");
    await expect(author.page.getByRole("heading", { level: 1, name: "Your queue" })).toBeVisible();
    await expect(author.page.locator(`a[href^="/articles/${article.id}?annotation="]`)).toHaveCount(0);
    await Promise.all([editor.context.close(), author.context.close(), second.context.close()]);
  });

  test("a change made by someone else shows in the dashboard, the activity feed and the presence list without reloading", async ({ browser }) => {
    const word = tag();
    const editor = await signedInPage(browser, "editor");
    const reviewer = await signedInPage(browser, "reviewer");
    const article = await createArticle(editor.page.request, word);

    await editor.page.goto(`/?q=${word}`);
    const row = editor.page.locator(`tr[data-article-id="${article.id}"]`);
    await expect(row.getByTestId("annotation-count")).toContainText("0");
    const activity = await editor.context.newPage();
    await activity.goto("/activity");
    await expect(activity.getByTestId("live-indicator")).toBeVisible();

    // Both open the verification view: each sees the other.
    const watching = await editor.context.newPage();
    await watching.goto(`/articles/${article.id}/verification`);
    await reviewer.page.goto(`/articles/${article.id}/verification`);
    await expect(watching.getByTestId("presence")).toContainText("Rémi Reviewer", { timeout: 10_000 });
    await expect(reviewer.page.getByTestId("presence")).toContainText("Elise Éditrice", { timeout: 10_000 });

    const res = await reviewer.page.request.post(`/api/v1/articles/${article.id}/annotations`, {
      data: { kind: "claim", target: { exact: "Selon les services britanniques" } },
    });
    expect(res.status()).toBe(201);

    // The stream itself delivers within a second (tests/integration/dashboard-live-stream.test.ts);
    // the margin here is for re-rendering the pages on a busy CI machine.
    await expect(row.getByTestId("annotation-count")).toContainText("1", { timeout: 10_000 });
    await expect(activity.getByTestId("activity-list").getByText("Selon les services britanniques").first()).toBeVisible({ timeout: 10_000 });
    await expect(watching.getByTestId("findings-table")).toContainText("Selon les services britanniques", { timeout: 10_000 });
    await Promise.all([editor.context.close(), reviewer.context.close()]);
  });

  test("the dashboard, queue, activity and verification pages pass an accessibility scan", async ({ browser }) => {
    const editor = await signedInPage(browser, "editor");
    const list = await editor.page.request.get("/api/v1/articles?q=Baltique");
    const { items } = (await list.json()) as { items: { id: string }[] };
    for (const path of ["/", "/activity", `/articles/${items[0].id}/verification`]) {
      await editor.page.goto(path);
      await expect(editor.page.getByTestId("live-indicator").or(editor.page.getByTestId("article-live"))).toBeVisible();
      await expectNoSeriousAxeViolations(editor.page);
    }
    const reviewer = await signedInPage(browser, "reviewer");
    await reviewer.page.goto("/");
    await expectNoSeriousAxeViolations(reviewer.page);
    await Promise.all([editor.context.close(), reviewer.context.close()]);
  });

  test("a reviewer can neither assign nor approve", async ({ page }) => {
    await signInAs(page, "reviewer");
    const list = await page.request.get("/api/v1/articles?pageSize=1");
    const { items } = (await list.json()) as { items: { id: string }[] };
    const me = await page.request.get("/api/auth/session");
    expect(me.ok()).toBe(true);
    const assign = await page.request.post(`/api/v1/articles/${items[0].id}/assignments`, { data: { userId: await userId(page.request, "Rita Second") } });
    expect(assign.status()).toBe(403);
    const approve = await page.request.patch(`/api/v1/articles/${items[0].id}`, { data: { status: "approved", reason: "Je valide tout." } });
    expect(approve.status()).toBe(403);
  });
});

async function expectNoSeriousAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function userId(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.get("/api/v1/team");
  const { items } = (await res.json()) as { items: { id: string; name: string }[] };
  const user = items.find((u) => u.name === name);
  if (!user) throw new Error(`${name} is not in the demo team`);
  return user.id;
}
