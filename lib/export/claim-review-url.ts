import { annotationAnchor } from "./html-anchors";
import { safeUrl } from "./safe-url";
import type { ExportOptions } from "./types";

/**
 * Where the fact-check of one annotation is read: the configured public page (with
 * `{articleId}` filled in) or else the article's verification page in Factmark, with the
 * annotation's fragment — the same anchor as its footnote in the HTML export.
 */
export function claimReviewUrl(options: ExportOptions, articleId: string, annotationId: string): string {
  const configured = options.factCheckBaseUrl?.replace(/\{articleId\}/g, encodeURIComponent(articleId));
  const app = (safeUrl(options.appUrl) ?? "http://localhost:3000/").replace(/\/+$/, "");
  const base = safeUrl(configured) ?? `${app}/articles/${encodeURIComponent(articleId)}/verification`;
  return `${base.replace(/#.*$/, "")}#${encodeURIComponent(annotationAnchor(annotationId))}`;
}
