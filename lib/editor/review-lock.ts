import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

export const reviewLockKey = new PluginKey("reviewLock");

/**
 * Keeps the article text unchanged while it is being reviewed, yet focusable with a caret:
 * a reviewer selects words with Shift+arrows like in any text. (ProseMirror's own
 * read-only mode drops the caret, and with it keyboard selection.) Lifted when the text
 * is made editable.
 */
export const ReviewLock = Extension.create<{ locked: () => boolean }>({
  name: "reviewLock",
  addOptions() {
    return { locked: () => true };
  },
  addProseMirrorPlugins() {
    const locked = this.options.locked;
    return [
      new Plugin({
        key: reviewLockKey,
        filterTransaction: (tr) => !(locked() && tr.docChanged),
        props: {
          handleTextInput: () => locked(),
          handlePaste: () => locked(),
          handleDrop: () => locked(),
          handleDOMEvents: {
            // Stops typing, deleting, spell-check replacements and drops before the DOM changes.
            beforeinput: (_view, event) => {
              if (!locked()) return false;
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});
