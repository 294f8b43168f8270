import { Extension } from "@tiptap/core";
import { annotationDecorationsPlugin } from "./annotation-decorations";

/** The annotation decoration plugin as a Tiptap extension (adds nothing to the schema). */
export const AnnotationHighlights = Extension.create({
  name: "annotationHighlights",
  addProseMirrorPlugins() {
    return [annotationDecorationsPlugin()];
  },
});
