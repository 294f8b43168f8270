import { DOMParser, type Node as PmNode } from "@tiptap/pm/model";
import { Window } from "happy-dom";
import { editorSchema } from "@/lib/editor/schema";
import { cleanText } from "./clean-text";
import { sanitizeArticleHtml } from "./sanitize-article-html";

/**
 * Parses imported HTML into a document of the editor schema on the server: sanitized first,
 * then read by ProseMirror's own DOM parser (the same parse rules as a paste in the
 * browser editor) from a happy-dom document. The window loads nothing and runs nothing.
 */
export function htmlToDocument(html: string): PmNode {
  const window = new Window({
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  try {
    const body = window.document.body;
    body.innerHTML = sanitizeArticleHtml(cleanText(html));
    // happy-dom implements the DOM that ProseMirror reads but ships its own class types.
    return DOMParser.fromSchema(editorSchema()).parse(body as unknown as Node);
  } finally {
    window.close();
  }
}
