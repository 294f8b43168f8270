import { Extension } from "@tiptap/core";
import { annotationDecorationsPlugin, type InitialHighlights } from "./annotation-decorations";

/**
 * The annotation decoration plugin as a Tiptap extension (adds nothing to the schema).
 * `initial`: the annotations to draw from the start (see annotationDecorationsPlugin).
 */
export const AnnotationHighlights = Extension.create<{ initial?: InitialHighlights }>({
  name: "annotationHighlights",
  addOptions() {
    return { initial: undefined };
  },
  addProseMirrorPlugins() {
    return [annotationDecorationsPlugin(this.options.initial)];
  },
});
