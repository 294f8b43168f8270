import { safeUrl } from "./safe-url";
import type { ExportArticle, ExportOptions } from "./types";
import { isUuid } from "@/lib/ids";

/** The IRIs a W3C export uses, all derived from the app URL and the ids. */
export interface W3cIris {
  /** The app URL without a trailing slash. */
  app: string;
  collection: string;
  page: string;
  /** Where the annotations point: the article's own URL if it has one, else its page here. */
  articleSource: string;
  annotation(id: string): string;
  /** The location-independent name of an annotation (its UUID), for `canonical`. */
  canonical(id: string): string | undefined;
  /** Ids of linking bodies (#evidence-1, #source): fragments of their annotation's IRI. */
  body(annotationId: string, role: string): string;
}

export function w3cIris(input: { article: Pick<ExportArticle, "id" | "url">; options: Pick<ExportOptions, "appUrl"> }): W3cIris {
  const app = (safeUrl(input.options.appUrl) ?? "http://localhost:3000/").replace(/\/+$/, "");
  const articleId = encodeURIComponent(input.article.id);
  const collection = `${app}/api/v1/articles/${articleId}/export?format=w3c`;
  const annotation = (id: string) => `${app}/api/v1/annotations/${encodeURIComponent(id)}`;
  return {
    app,
    collection,
    page: `${collection}#page-1`,
    articleSource: safeUrl(input.article.url) ?? `${app}/articles/${articleId}`,
    annotation,
    canonical: (id) => (isUuid(id) ? `urn:uuid:${id.toLowerCase()}` : undefined),
    body: (annotationId, role) => `${annotation(annotationId)}#${role}`,
  };
}
