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
