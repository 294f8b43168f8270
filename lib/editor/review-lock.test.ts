import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { reviewLockKey, reviewLockPlugin, setReviewLock } from "./review-lock";
import { editorSchema } from "./schema";

function stateWith(locked: boolean) {
  const schema = editorSchema();
  const doc = schema.node("doc", null, [schema.node("paragraph", null, [schema.text("Baltique")])]);
  return EditorState.create({ doc, plugins: [reviewLockPlugin(locked)] });
}

describe("ReviewLock", () => {
  it("refuses text changes while locked, and lets them through once unlocked", () => {
    let state = stateWith(true);
    expect(reviewLockKey.getState(state)).toBe(true);
    state = state.apply(state.tr.insertText("La ", 1));
    expect(state.doc.textContent).toBe("Baltique");
    state = state.apply(setReviewLock(state.tr, false));
    state = state.apply(state.tr.insertText("La ", 1));
    expect(state.doc.textContent).toBe("La Baltique");
  });
});
