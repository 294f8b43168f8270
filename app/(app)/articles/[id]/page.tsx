import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { packAnnotations, textQuotes } from "@/components/editor/annotation-payload";
import { ArticleWorkspace } from "@/components/editor/article-workspace";
import { WorkspaceLoading } from "@/components/editor/workspace-loading";
import { AppError } from "@/lib/api/errors";
import type { ArticleDto } from "@/lib/annotations/types";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { currentArticleCursor } from "@/lib/live/article-cursor";
import { formatEventCursor } from "@/lib/live/event-cursor";
import { getArticle } from "@/lib/articles/get-article";
import { requireUser } from "@/lib/auth/page-guards";
import { listTeam } from "@/lib/users/users";
import { isUuid } from "@/lib/ids";

type Props = { params: Promise<{ id: string }> };

/** The browser needs the document, not the canonical text derived from it (128 KB at 20,000 words). */
function withoutText({ text, ...article }: ArticleDto): Omit<ArticleDto, "text"> {
  void text;
  return article;
}

/** Loaded once per request, for the metadata and the page alike. */
const load = cache(async (id: string) => {
  const user = await requireUser();
  // Ids are UUIDs: anything else names no article (and would be a database error).
  if (!isUuid(id)) notFound();
  try {
    // The article and the team do not depend on the live cursor: read meanwhile.
    const article = getArticle(user, id);
    const team = listTeam();
    // Awaited below; until then a failure must not count as unhandled.
    article.catch(() => undefined);
    team.catch(() => undefined);
    // The live cursor before the annotations: every change after it reaches the page through the stream.
    const cursor = formatEventCursor(await currentArticleCursor(id));
    const [loaded, people] = await Promise.all([article, team]);
    // Not awaited: the page (its scripts first) is sent while they load, and they follow in
    // the same response. Read only now, so that decoding thousands of rows does not hold up
    // the page itself. Packed, since an article may carry thousands (annotation-payload.ts);
    // quotes the browser finds in the text itself are left out.
    const annotations = listAnnotations(user, id).then((list) => packAnnotations(list, textQuotes(loaded.text)));
    // A failure surfaces where the workspace reads them, never as an unhandled rejection.
    annotations.catch(() => undefined);
    return { user, article: loaded, annotations, team: people, cursor };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await load((await params).id);
  return { title: article.title };
}

export default async function ArticlePage({ params }: Props) {
  const { user, article, annotations, team, cursor } = await load((await params).id);
  return (
    <Suspense fallback={<WorkspaceLoading title={article.title} />}>
      <ArticleWorkspace
        article={withoutText(article)}
        annotations={annotations}
        team={team.map(({ id, name }) => ({ id, name }))}
        user={{ id: user.id, name: user.name, role: user.role }}
        liveSince={cursor}
      />
    </Suspense>
  );
}
