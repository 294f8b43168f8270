import type { ArticleDto } from "@/lib/annotations/types";

export interface ArticleRowWithContent {
  id: string;
  title: string;
  url: string | null;
  outlet: string | null;
  author: string | null;
  language: string;
  publishedAt: Date | null;
  status: "DRAFT" | "IN_REVIEW" | "APPROVED";
  revision: number;
  text: string;
  createdAt: Date;
  updatedAt: Date;
}

export function toArticleDto(row: ArticleRowWithContent, content: unknown): ArticleDto {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    outlet: row.outlet,
    author: row.author,
    language: row.language,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    status: row.status.toLowerCase() as ArticleDto["status"],
    revision: row.revision,
    text: row.text,
    content,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const articleSelect = {
  id: true,
  title: true,
  url: true,
  outlet: true,
  author: true,
  language: true,
  publishedAt: true,
  status: true,
  revision: true,
  text: true,
  createdAt: true,
  updatedAt: true,
} as const;
