import type { AnnotationDto, ArticleDto, CommentDto } from "@/lib/annotations/types";

/** Who publishes the fact-checks (ClaimReview `author`). */
export interface ExportOrganization {
  name: string;
  url: string;
}

export interface ExportOptions {
  /** Base URL of this Factmark instance, e.g. http://localhost:3000 (no trailing slash needed). */
  appUrl: string;
  /** Include the team's internal notes (and comments); editors only. */
  includeNotes: boolean;
  organization: ExportOrganization;
  /**
   * Public page where the fact-check is published; ClaimReview URLs point at
   * `${factCheckBaseUrl}#annotation-<id>`. `{articleId}` in it is replaced by the article id.
   */
  factCheckBaseUrl?: string;
  generatedAt: Date;
}

/** Everything one export of one article needs; the exporters never touch the database. */
export interface ExportInput {
  article: ArticleDto;
  /** Non-deleted annotations of the article, in any anchor state. */
  annotations: AnnotationDto[];
  /** Comments by annotation id. */
  comments: Record<string, CommentDto[]>;
  options: ExportOptions;
}

/** What the W3C and CSV exports read of the article (no editor document). */
export type ExportArticle = Pick<ArticleDto, "id" | "title" | "url" | "language" | "text">;

/**
 * One annotation with what its W3C and CSV records need from elsewhere, so that a record
 * can be written without the article's other annotations: read from the database a page at
 * a time (streamed exports) or from an ExportInput (see exportItems).
 */
export interface ExportItem {
  annotation: AnnotationDto;
  /** Its comments, oldest first. */
  comments: readonly CommentDto[];
  /** The annotation its sourceId points to, when that is a live source of the same article. */
  source: { id: string; exact: string } | null;
}
