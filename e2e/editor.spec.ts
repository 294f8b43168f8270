import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { AnnotationDto, CommentDto } from "@/lib/annotations/types";
import { selectText } from "./fixtures/select-text";
import { annotationsOf, openArticle, signedIn } from "./fixtures/workspace";

/*
 * The reviewer's workspace. Each test imports its own French article (an emoji in the
 * title and at the very start of the text, so code point offsets differ from the
 * browser's UTF-16 ones) and signs its people in, in their own browser contexts.
 */

// Each test walks a whole workflow with several people; a loaded two-core machine needs the time.
test.describe.configure({ timeout: 120_000 });

const NBSP = "\u00a0";
const CLAIM = "La marine russe aurait doublé en un an le nombre de ses patrouilles en mer Baltique";
const FIGURE = "doublé";
const SOURCE = "cité par l’agence TASS";
const BODY = [
  `🇷🇺 ${CLAIM}, a affirmé dimanche le ministère russe de la Défense, ${SOURCE}. Selon ce communiqué, plus de 1${NBSP}200 sorties ont été effectuées depuis janvier.`,
  `Les services britanniques évoquent « une activité en hausse, mais loin d’un doublement ». Le budget atteindrait 6${NBSP}% du PIB.`,
].join("\n\n");

async function importArticle(browser: Browser, title: string): Promise<string> {
  const { context, page } = await signedIn(browser, "editor");
  const res = await page.request.post("/api/v1/articles", {
    data: { title, body: BODY, format: "markdown", language: "fr", outlet: "Le Quotidien du Nord", allowDuplicate: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await context.close();
  return id;
}

const uniqueTitle = (what: string) => `Baltique 🇷🇺 : ${what} ${Math.random().toString(36).slice(2, 8)}`;

async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
}

const card = (page: Page) => page.getByTestId("annotation-card");
const listRow = (page: Page, text: string) => page.getByTestId("annotation-list").getByRole("button").filter({ hasText: text });

test("a reviewer annotates a claim, a figure inside it and a source, fills the card, and finds it all after a reload", async ({ browser }) => {
  const title = uniqueTitle("patrouilles");
  const articleId = await importArticle(browser, title);
  const { context, page } = await signedIn(browser, "reviewer");
  await openArticle(page, articleId);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await selectText(page, CLAIM);
  await page.keyboard.press("c");
  await expect(card(page).getByRole("heading", { name: "Claim", exact: true })).toBeVisible();
  await selectText(page, FIGURE);
  await page.getByTestId("selection-toolbar").getByRole("button", { name: /Figure/ }).click();
  await expect(card(page).getByRole("heading", { name: "Figure", exact: true })).toBeVisible();
  await selectText(page, SOURCE);
  await page.keyboard.press("s");
  await expect(card(page).getByRole("heading", { name: "Source", exact: true })).toBeVisible();
  await expectSaved(page);

  // The figure sits inside the claim: a click there offers both.
  await page.locator(`mark.fm-kind-figure`).first().click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem")).toHaveCount(2);
  await menu.getByRole("menuitem", { name: /Claim/ }).click();
  await expect(card(page).getByRole("heading", { name: "Claim", exact: true })).toBeVisible();

  await card(page).getByRole("radio", { name: "In review", exact: true }).click();
  await card(page).getByLabel("Verdict").selectOption("misleading");
  await card(page).getByLabel("Attributed to (source)").selectOption({ label: SOURCE });
  await card(page).getByLabel("Public rationale").fill("Londres et l’IISS parlent d’une hausse d’environ 30 %.");
  await card(page).getByLabel("Link (http or https)").fill("javascript:alert(1)");
  await card(page).getByRole("button", { name: "Add evidence" }).click();
  await expect(card(page).getByRole("alert")).toContainText("http");
  await card(page).getByLabel("Link (http or https)").fill("https://www.iiss.org/publications/the-military-balance");
  await card(page).getByLabel("Title").fill("IISS – The Military Balance");
  await card(page).getByLabel("Quoted passage (optional)").fill("une hausse d’environ 30 %");
  await card(page).getByRole("button", { name: "Add evidence" }).click();
  await card(page).getByLabel("Add a comment").fill("Je demande le décompte mensuel à Londres.");
  await card(page).getByRole("button", { name: "Comment", exact: true }).click();
  await expectSaved(page);

  const saved = await annotationsOf(page, articleId);
  expect(saved.map((a) => [a.kind, a.target.exact])).toEqual([
    ["claim", CLAIM],
    ["figure", FIGURE],
    ["source", SOURCE],
  ]);
  const [claim, figure, source] = saved;
  // Offsets count code points: "🇷🇺 " is three of them before the claim.
  expect(claim.target.start).toBe(3);
  expect(figure.target.start! >= claim.target.start! && figure.target.end! <= claim.target.end!).toBe(true);
  expect(claim).toMatchObject({ status: "in_review", verdict: "misleading", sourceId: source.id });
  expect(claim.rationale).toContain("30 %");
  expect(claim.evidence).toEqual([
    { url: "https://www.iiss.org/publications/the-military-balance", title: "IISS – The Military Balance", quote: "une hausse d’environ 30 %", note: "" },
  ]);

  await page.reload();
  await expect(page.locator(".ProseMirror mark.fm-hl")).not.toHaveCount(0);
  await expect(page.getByTestId("annotation-list").getByRole("button")).toHaveCount(3);
  await listRow(page, CLAIM).click();
  await expect(card(page).getByRole("radio", { name: "In review", exact: true })).toHaveAttribute("aria-checked", "true");
  await expect(card(page).getByLabel("Verdict")).toHaveValue("misleading");
  const link = card(page).getByRole("link", { name: /IISS – The Military Balance/ });
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(card(page).getByText("Je demande le décompte mensuel à Londres.")).toBeVisible();
  await card(page).getByRole("tab", { name: "History" }).click();
  await expect(card(page).getByText(/Status: Unverified → In review/)).toBeVisible();

  // The link shows from the source's side too.
  await card(page).getByRole("button", { name: "Go to source" }).click();
  await expect(card(page).getByRole("heading", { name: "Source", exact: true })).toBeVisible();
  await expect(card(page).getByRole("button", { name: /Claim: “La marine russe/ })).toBeVisible();

  const comments = (await (await page.request.get(`/api/v1/annotations/${claim.id}/comments`)).json()) as { items: CommentDto[] };
  expect(comments.items.map((c) => c.body)).toEqual(["Je demande le décompte mensuel à Londres."]);
  await context.close();
});

test("a new highlight is drawn in the frame of the click, before the list, the outbox and the request; then it is saved once", async ({ browser }) => {
  const articleId = await importArticle(browser, uniqueTitle("optimiste"));
  const { context, page } = await signedIn(browser, "reviewer");
  await openArticle(page, articleId);
  await selectText(page, FIGURE);
  await expect(page.getByTestId("selection-toolbar")).toBeVisible();

  const requests: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/annotations")) requests.push(request.url());
  });
  const seen = await page.evaluate(async (key) => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="selection-toolbar"] button')].find((b) => b.textContent?.includes("Figure"));
    if (!button) throw new Error("no Figure button");
    const state = () => ({
      marks: document.querySelectorAll(".ProseMirror mark.fm-kind-figure.fm-active").length,
      rows: document.querySelectorAll("[data-annotation-row]").length,
      stored: localStorage.getItem(key),
      toolbar: document.querySelector('[data-testid="selection-toolbar"]') !== null,
    });
    button.click();
    const atClick = state();
    // Frame callbacks run just before the frame that shows the click is painted.
    const inFrame = await new Promise<ReturnType<typeof state>>((resolve) => requestAnimationFrame(() => resolve(state())));
    return { atClick, inFrame };
  }, `factmark:outbox:${articleId}`);
  // Drawn (and selected) by the click itself; nothing listed, stored or sent yet, not even in that frame.
  expect(seen.atClick).toMatchObject({ marks: 1, rows: 0, stored: null });
  expect(seen.inFrame).toEqual({ marks: 1, rows: 0, stored: null, toolbar: false });

  // Then the rest follows as before: card, list, outbox, one request, saved.
  await expect(card(page).getByRole("heading", { name: "Figure", exact: true })).toBeVisible();
  await expect(listRow(page, FIGURE)).toBeVisible();
  await expectSaved(page);
  await expect(page.locator(".ProseMirror mark.fm-kind-figure")).toHaveCount(1);
  expect(requests).toHaveLength(1);
  const saved = await annotationsOf(page, articleId);
  expect(saved.map((a) => [a.kind, a.target.exact])).toEqual([["figure", FIGURE]]);
  await page.reload();
  await expect(page.locator(".ProseMirror mark.fm-kind-figure")).toHaveCount(1);
  await context.close();
});

test("a second reviewer signs off; the first cannot sign off their own verdict and is told why", async ({ browser }) => {
  const articleId = await importArticle(browser, uniqueTitle("validation"));
  const first = await signedIn(browser, "reviewer");
  const created = await first.page.request.post(`/api/v1/articles/${articleId}/annotations`, {
    data: { kind: "claim", target: { exact: CLAIM }, status: "in_review", verdict: "false", rationale: "Pas de doublement." },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as AnnotationDto;

  await openArticle(first.page, articleId);
  await listRow(first.page, CLAIM).click();
  const verified = card(first.page).getByRole("radio", { name: "Verified", exact: true });
  await expect(verified).toHaveAccessibleDescription(/you set this verdict/);
  await verified.click();
  await expect(card(first.page).getByRole("alert")).toContainText("you set this verdict, so someone else must sign it off");
  await expect(verified).toHaveAttribute("aria-checked", "false");

  const second = await signedIn(browser, "reviewer2");
  await openArticle(second.page, articleId);
  await listRow(second.page, CLAIM).click();
  await card(second.page).getByRole("radio", { name: "Verified", exact: true }).click();
  await expectSaved(second.page);
  await expect(card(second.page).getByText("Signed off by Rita Second")).toBeVisible();

  const after = (await (await second.page.request.get(`/api/v1/annotations/${id}`)).json()) as AnnotationDto;
  expect(after).toMatchObject({ status: "verified", signedOffBy: { name: "Rita Second" }, verdictBy: { name: "Rémi Reviewer" } });
  await first.context.close();
  await second.context.close();
});

test("offline, an annotation waits in the outbox; back online it is saved exactly once", async ({ browser }) => {
  const articleId = await importArticle(browser, uniqueTitle("hors ligne"));
  const { context, page } = await signedIn(browser, "reviewer");
  const observer = await signedIn(browser, "reviewer2");
  await openArticle(page, articleId);

  await context.setOffline(true);
  await selectText(page, SOURCE);
  await page.keyboard.press("s");
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "failed");
  await expect(page.getByTestId("save-state")).toContainText("Failed (1 pending) — retrying");
  await expect(listRow(page, SOURCE)).toContainText("Not saved yet");
  expect(await annotationsOf(observer.page, articleId)).toHaveLength(0);

  await context.setOffline(false);
  await expectSaved(page);
  await expect(listRow(page, SOURCE)).not.toContainText("Not saved yet");
  const saved = await annotationsOf(observer.page, articleId);
  expect(saved.map((a) => [a.kind, a.target.exact])).toEqual([["source", SOURCE]]);

  await page.reload();
  await expectSaved(page);
  expect(await annotationsOf(observer.page, articleId)).toHaveLength(1);
  await context.close();
  await observer.context.close();
});

test("a change made offline in a tab that is then closed is sent, once, when the article is opened again", async ({ browser }) => {
  const articleId = await importArticle(browser, uniqueTitle("onglet fermé"));
  const { context, page } = await signedIn(browser, "reviewer");
  await openArticle(page, articleId);
  await context.setOffline(true);
  await selectText(page, CLAIM);
  await page.keyboard.press("c");
  await card(page).getByLabel("Verdict").selectOption("false");
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "failed");
  const queued = await page.evaluate((key) => localStorage.getItem(key), `factmark:outbox:${articleId}`);
  expect(queued).toContain('"type":"create"');
  await page.close();

  await context.setOffline(false);
  const again = await context.newPage();
  await openArticle(again, articleId);
  await expectSaved(again);
  await expect(listRow(again, CLAIM)).toContainText("False");
  const saved = await annotationsOf(again, articleId);
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ kind: "claim", verdict: "false", target: { exact: CLAIM } });
  expect(await again.evaluate((key) => localStorage.getItem(key), `factmark:outbox:${articleId}`)).toBeNull();
  await context.close();
});

test("two people edit the same annotation: changes arrive live, and a stale change shows both versions to choose from", async ({ browser }) => {
  const articleId = await importArticle(browser, uniqueTitle("conflit"));
  const alice = await signedIn(browser, "reviewer");
  const created = await alice.page.request.post(`/api/v1/articles/${articleId}/annotations`, { data: { kind: "figure", target: { exact: `1${NBSP}200 sorties` } } });
  const { id } = (await created.json()) as AnnotationDto;
  const bob = await signedIn(browser, "reviewer2");
  await openArticle(alice.page, articleId);
  await openArticle(bob.page, articleId);
  await expect(alice.page.getByTestId("presence")).toContainText("Rita Second");
  await listRow(alice.page, "sorties").click();
  await listRow(bob.page, "sorties").click();

  await card(alice.page).getByLabel("Verdict").selectOption("accurate");
  await expectSaved(alice.page);
  // Bob sees Alice's verdict without reloading.
  await expect(card(bob.page).getByLabel("Verdict")).toHaveValue("accurate");

  // Bob's next change is made on a version that Alice then replaces while he is offline.
  await bob.context.setOffline(true);
  await card(bob.page).getByRole("radio", { name: "In progress", exact: true }).click();
  await card(alice.page).getByRole("radio", { name: "In review", exact: true }).click();
  await expectSaved(alice.page);
  await bob.context.setOffline(false);

  const conflict = bob.page.getByTestId("conflict");
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict.getByTestId("conflict-mine-status")).toHaveText("In progress");
  await expect(conflict.getByTestId("conflict-theirs-status")).toHaveText("In review");
  await expect(bob.page.getByRole("button", { name: "1 conflict to resolve" })).toBeVisible();
  await bob.page.screenshot({ path: test.info().outputPath("conflict.png") });
  await conflict.getByRole("button", { name: "Keep mine" }).click();
  await expect(conflict).toBeHidden();
  await expectSaved(bob.page);

  const after = (await (await bob.page.request.get(`/api/v1/annotations/${id}`)).json()) as AnnotationDto;
  // Bob's status on top of Alice's verdict: nothing of either was lost or overwritten unasked.
  expect(after).toMatchObject({ status: "in_progress", verdict: "accurate", version: 4 });
  await expect(card(alice.page).getByRole("radio", { name: "In progress", exact: true })).toHaveAttribute("aria-checked", "true");
  await alice.context.close();
  await bob.context.close();
});

test("the keyboard moves through annotations, adjusts a range and shows the shortcuts", async ({ browser }) => {
  const articleId = await importArticle(browser, uniqueTitle("clavier"));
  const { context, page } = await signedIn(browser, "reviewer");
  for (const [kind, exact] of [["claim", CLAIM], ["figure", FIGURE], ["source", SOURCE]]) {
    const res = await page.request.post(`/api/v1/articles/${articleId}/annotations`, { data: { kind, target: { exact }, ...(kind === "claim" ? { status: "in_progress" } : {}) } });
    expect(res.status()).toBe(201);
  }
  await openArticle(page, articleId);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  await expect(card(page).getByRole("heading", { name: "Claim", exact: true })).toBeVisible();
  await page.keyboard.press("j");
  await expect(card(page).getByRole("heading", { name: "Figure", exact: true })).toBeVisible();
  await page.keyboard.press("k");
  await expect(card(page).getByRole("heading", { name: "Claim", exact: true })).toBeVisible();
  // The claim is in progress: the next unverified one is the figure inside it.
  await page.keyboard.press("n");
  await expect(card(page).getByRole("heading", { name: "Figure", exact: true })).toBeVisible();
  await page.keyboard.press("k");

  // Two characters more at the end, one less at the start: the claim now reads "a marine … Baltique, ".
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await expect(card(page).locator("blockquote")).toHaveText(`${CLAIM.slice(1)}, `);
  await expectSaved(page);
  const [claim] = await annotationsOf(page, articleId);
  expect(claim.target).toMatchObject({ exact: `${CLAIM.slice(1)}, `, start: 4, end: 3 + CLAIM.length + 2 });

  // Enter takes the keyboard into the card; Esc closes it from there too.
  await page.keyboard.press("Enter");
  await expect(card(page)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(card(page)).toBeHidden();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Next unverified annotation");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await context.close();
});

test("deleting needs no confirmation and can be undone", async ({ browser }) => {
  const articleId = await importArticle(browser, uniqueTitle("annuler"));
  const { context, page } = await signedIn(browser, "reviewer");
  await openArticle(page, articleId);
  await selectText(page, SOURCE);
  await page.keyboard.press("3");
  await expectSaved(page);
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("annotation-list").getByRole("button")).toHaveCount(0);
  await expectSaved(page);
  expect(await annotationsOf(page, articleId)).toHaveLength(0);
  await page.getByTestId("undo-toast").getByRole("button", { name: "Undo" }).click();
  await expectSaved(page);
  await expect(listRow(page, SOURCE)).toBeVisible();
  expect(await annotationsOf(page, articleId)).toHaveLength(1);
  await context.close();
});

test("an annotation whose text was removed is not drawn but listed apart as detached, with its last quote", async ({ browser }) => {
  const articleId = await importArticle(browser, uniqueTitle("détachée"));
  const { context, page } = await signedIn(browser, "reviewer");
  const removed = "une activité en hausse, mais loin d’un doublement";
  for (const [kind, exact] of [["source", SOURCE], ["claim", removed]]) {
    expect((await page.request.post(`/api/v1/articles/${articleId}/annotations`, { data: { kind, target: { exact } } })).status()).toBe(201);
  }
  const editor = await signedIn(browser, "editor");
  const article = (await (await editor.page.request.get(`/api/v1/articles/${articleId}`)).json()) as { content: { type: string; content: unknown[] }; revision: number };
  const shorter = { ...article.content, content: article.content.content.slice(0, 1) };
  const put = await editor.page.request.put(`/api/v1/articles/${articleId}/content`, { data: { content: shorter, revision: article.revision } });
  expect(put.ok(), await put.text()).toBe(true);
  await editor.context.close();

  await openArticle(page, articleId);
  await expect(page.locator(".ProseMirror mark.fm-hl")).toHaveCount(1);
  await expect(page.getByRole("heading", { name: /Detached \(1\)/ })).toBeVisible();
  await listRow(page, removed).click();
  await expect(card(page)).toContainText("Detached: its text was not found");
  await expect(card(page).locator("blockquote")).toHaveText(removed);
  await page.getByRole("button", { name: "Detached 1" }).click();
  await expect(page.getByTestId("annotation-list").getByRole("button")).toHaveCount(1);
  await context.close();
});

test("the article page has no serious or critical accessibility violations", async ({ browser }) => {
  const articleId = await importArticle(browser, uniqueTitle("accessibilité"));
  const { context, page } = await signedIn(browser, "reviewer");
  for (const [kind, exact] of [["claim", CLAIM], ["figure", FIGURE], ["source", SOURCE]]) {
    const res = await page.request.post(`/api/v1/articles/${articleId}/annotations`, { data: { kind, target: { exact } } });
    expect(res.status()).toBe(201);
  }
  await openArticle(page, articleId);
  await listRow(page, CLAIM).click();
  await expect(card(page)).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  await context.close();
});
