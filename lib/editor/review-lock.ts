import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";

export const reviewLockKey = new PluginKey<boolean>("reviewLock");

const isLocked = (state: EditorState) => reviewLockKey.getState(state) ?? true;

/** Locks (true) or unlocks (false) the article text. */
export const setReviewLock = (tr: Transaction, locked: boolean) => tr.setMeta(reviewLockKey, locked);

/**
 * Keeps the article text unchanged while it is being reviewed, yet focusable with a caret:
 * a reviewer selects words with Shift+arrows like in any text. (ProseMirror's own
 * read-only mode drops the caret, and with it keyboard selection.) Lifted with
 * `setReviewLock(tr, false)` when the text is to be edited.
 */
export function reviewLockPlugin(initiallyLocked: boolean): Plugin<boolean> {
  return new Plugin<boolean>({
    key: reviewLockKey,
    state: {
      init: () => initiallyLocked,
      apply: (tr, locked) => (tr.getMeta(reviewLockKey) as boolean | undefined) ?? locked,
    },
    filterTransaction: (tr, state) => !(isLocked(state) && tr.docChanged),
    props: {
      handleTextInput: (view) => isLocked(view.state),
      handlePaste: (view) => isLocked(view.state),
      handleDrop: (view) => isLocked(view.state),
      handleDOMEvents: {
        // Stops typing, deleting, spell-check replacements and drops before the DOM changes.
        beforeinput: (view, event) => {
          if (!isLocked(view.state)) return false;
          event.preventDefault();
          return true;
        },
      },
    },
  });
}

/** The lock as a Tiptap extension (adds nothing to the schema). */
export const ReviewLock = Extension.create<{ locked: boolean }>({
  name: "reviewLock",
  addOptions() {
    return { locked: true };
  },
  addProseMirrorPlugins() {
    return [reviewLockPlugin(this.options.locked)];
  },
});
