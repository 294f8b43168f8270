import { getTranslations } from "next-intl/server";
import { ArticleTable } from "@/components/articles/article-table";
import { listArticles } from "@/lib/articles/list-articles";
import { listArticlesQuery } from "@/lib/articles/schemas";
import { requireUser } from "@/lib/auth/page-guards";

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requireUser();
  const t = await getTranslations("articles");
  const parsed = listArticlesQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : listArticlesQuery.parse({});
  const { items, total } = await listArticles(user, query);
  return (
    <main className="mx-auto max-w-7xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">{user.role === "REVIEWER" ? t("reviewerHome") : t("editorHome")}</h1>
      <p className="mt-1 text-sm text-stone-600">{t("count", { count: total })}</p>
      <ArticleTable items={items} />
    </main>
  );
}
