import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import type { AnnotationDto } from "@/lib/annotations/types";
import { selectText } from "./fixtures/select-text";
import { annotationsOf, openArticle, signedIn } from "./fixtures/workspace";

/*
 * An editor edits the article text after it was annotated: highlights follow the words,
 * a changed passage is marked drifted for a reviewer to confirm, a deleted one is detached
 * and re-attached by selecting new text; the export carries the annotations.
 */

test.describe.configure({ timeout: 150_000 });

const FIRST = "The navy doubled its patrols in the Baltic";
const SECOND = "more than 1200 sorties";
const THIRD = "far from a doubling";
const INSERTED = "Officials spoke in Moscow. ";
const BODY = [
  `${FIRST}, the ministry said on Sunday.`,
  `According to the statement, ${SECOND} were flown since January.`,
  `British services describe a rise in activity, but ${THIRD}.`,
].join("\n\n");

/** The words a highlight covers (badges drawn beside it are not text). */
async function highlighted(page: Page, id: string): Promise<string> {
  return page.evaluate((annotationId) => {
    const marks = [...document.querySelectorAll(`.ProseMirror mark[data-annotation-id="${CSS.escape(annotationId)}"]`)];
    return marks
      .filter((m) => !m.parentElement?.closest(`mark[data-annotation-id="${CSS.escape(annotationId)}"]`))
      .map((m) => {
        const copy = m.cloneNode(true) as Element;
        copy.querySelectorAll(".fm-badge").forEach((b) => b.remove());
        return copy.textContent ?? "";
      })
      .join("");
  }, id);
}

const card = (page: Page) => page.getByTestId("annotation-card");
const listRow = (page: Page, text: string) => page.getByTestId("annotation-list").getByRole("button").filter({ hasText: text });

async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
}

test("an editor edits the text; highlights follow, a changed passage drifts, a deleted one is re-attached, the export has them", async ({ browser }) => {
  const { context: editorContext, page: editor } = await signedIn(browser, "editor");
  const created = await editor.request.post("/api/v1/articles", {
    data: { title: `Baltic patrols ${Math.random().toString(36).slice(2, 8)}`, body: BODY, format: "markdown", language: "en", allowDuplicate: true },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: articleId } = (await created.json()) as { id: string };
  const ids: string[] = [];
  for (const [kind, exact] of [["claim", FIRST], ["figure", SECOND], ["claim", THIRD]] as const) {
    const res = await editor.request.post(`/api/v1/articles/${articleId}/annotations`, { data: { kind, target: { exact } } });
    expect(res.status(), await res.text()).toBe(201);
    ids.push(((await res.json()) as AnnotationDto).id);
  }
  const [firstId, secondId, thirdId] = ids;

  await openArticle(editor, articleId);
  await editor.getByRole("button", { name: "Edit text" }).click();
  await expect(editor.getByRole("button", { name: "Save text" })).toBeVisible();

  // A sentence before the first passage (letters type: no reviewer shortcut takes them).
  await selectText(editor, FIRST, true);
  await editor.keyboard.type(INSERTED);
  // A figure changed inside the second.
  await selectText(editor, "1200");
  await editor.keyboard.type("1500");
  // The third one's paragraph deleted.
  await selectText(editor, `British services describe a rise in activity, but ${THIRD}.`);
  await editor.keyboard.press("Backspace");
  await editor.keyboard.press("Backspace");
  await expect(editor.locator(".ProseMirror")).toContainText(`${INSERTED}${FIRST}`);
  await expect(editor.locator(".ProseMirror")).not.toContainText("British services");

  await editor.getByRole("button", { name: "Save text" }).click();
  await expect(editor.getByTestId("text-notice")).toContainText("Saved revision 2: 1 anchored, 1 drifted, 1 orphaned", { timeout: 15_000 });
  await expect(editor.getByRole("button", { name: "Edit text" })).toBeVisible();
  await expect.poll(() => highlighted(editor, firstId)).toBe(FIRST);
  await expect(editor.locator(`mark[data-annotation-id="${secondId}"]`).first()).toBeVisible();

  const afterEdit = await annotationsOf(editor, articleId);
  const byId = new Map(afterEdit.map((a) => [a.id, a]));
  expect(byId.get(firstId)?.anchor).toBe("anchored");
  expect(byId.get(secondId)?.anchor).toBe("drifted");
  expect(byId.get(thirdId)?.anchor).toBe("orphaned");

  // A reviewer confirms the drifted one and re-attaches the detached one.
  const { context: reviewerContext, page: reviewer } = await signedIn(browser, "reviewer");
  await openArticle(reviewer, articleId);
  await expect(reviewer.getByRole("button", { name: "Edit text" })).toHaveCount(0);
  await listRow(reviewer, "1500").first().click();
  await expect(card(reviewer)).toContainText("Moved after a text edit — confirm it still covers the right words");
  await card(reviewer).getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(card(reviewer)).not.toContainText("Moved after a text edit");
  await expectSaved(reviewer);

  await listRow(reviewer, THIRD).first().click();
  await expect(card(reviewer).getByRole("button", { name: "Re-attach to selection" })).toBeDisabled();
  await selectText(reviewer, "since January");
  await card(reviewer).getByRole("button", { name: "Re-attach to selection" }).click();
  await expectSaved(reviewer);
  await expect.poll(() => highlighted(reviewer, thirdId)).toBe("since January");

  const final = new Map((await annotationsOf(reviewer, articleId)).map((a) => [a.id, a]));
  expect(final.get(secondId)?.anchor).toBe("anchored");
  expect(final.get(thirdId)?.anchor).toBe("anchored");
  expect(final.get(thirdId)?.target.exact).toBe("since January");

  // The export menu's W3C link downloads the annotations.
  await reviewer.getByRole("button", { name: "Export" }).click();
  const download = reviewer.waitForEvent("download");
  await reviewer.getByRole("menuitem", { name: "W3C Web Annotation" }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, "utf8")) as unknown;
  const json = JSON.stringify(exported);
  for (const quote of [FIRST, "more than 1500 sorties", "since January"]) expect(json).toContain(quote);
  // Internal notes are an editor's choice only.
  await expect(reviewer.getByRole("menuitem", { name: /with internal notes/ })).toHaveCount(0);

  await reviewerContext.close();
  await editorContext.close();
});

test("a save on a stale revision keeps the edited text and offers a reload; Cancel restores the saved text", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "editor");
  const created = await page.request.post("/api/v1/articles", {
    data: { title: `Stale text ${Math.random().toString(36).slice(2, 8)}`, body: BODY, format: "markdown", language: "en", allowDuplicate: true },
  });
  expect(created.status(), await created.text()).toBe(201);
  const article = (await created.json()) as { id: string; revision: number; content: unknown };
  await openArticle(page, article.id);

  await page.getByRole("button", { name: "Edit text" }).click();
  await selectText(page, "1200");
  await page.keyboard.type("900");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator(".ProseMirror")).toContainText(SECOND);
  await expect(page.getByRole("button", { name: "Edit text" })).toBeVisible();

  await page.getByRole("button", { name: "Edit text" }).click();
  await selectText(page, "1200");
  await page.keyboard.type("900");
  // Someone else saves a newer revision meanwhile.
  const other = await page.request.put(`/api/v1/articles/${article.id}/content`, { data: { content: article.content, revision: article.revision } });
  expect(other.status(), await other.text()).toBe(200);
  await page.getByRole("button", { name: "Save text" }).click();
  await expect(page.getByTestId("text-notice")).toContainText("Someone else saved a newer revision");
  await expect(page.getByTestId("text-notice").getByRole("button", { name: "Reload" })).toBeVisible();
  await expect(page.locator(".ProseMirror")).toContainText("more than 900 sorties");
  await expect(page.getByRole("button", { name: "Save text" })).toBeVisible();
  // Leaving with unsaved text asks first.
  // Accepting lets the page close, so closing the context afterwards meets no second prompt.
  const asked = new Promise<string>((resolve) => page.once("dialog", (dialog) => (resolve(dialog.type()), void dialog.accept())));
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe("beforeunload");
  await context.close();
});
