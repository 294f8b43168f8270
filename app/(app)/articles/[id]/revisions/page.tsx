import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppError } from "@/lib/api/errors";
import { getArticle } from "@/lib/articles/get-article";
import { diffRevisions, listRevisions } from "@/lib/articles/revisions";
import { requireUser } from "@/lib/auth/page-guards";
import { isUuid } from "@/lib/ids";

type Search = { from?: string; to?: string };

/** Who changed the text when, and a readable word diff between any two revisions. */
export default async function RevisionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const search = await searchParams;
  const article = await getArticle(user, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const revisions = await listRevisions(user, id);
  const t = await getTranslations("articles.revisions");
  const format = await getFormatter();
  const latest = revisions[0].number;
  const pick = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return revisions.some((r) => r.number === n) ? n : fallback;
  };
  const to = pick(search.to, latest);
  const from = pick(search.from, Math.max(1, to - 1));
  const diff = revisions.length > 1 ? await diffRevisions(user, id, from, to) : null;
  const select = "mt-1 block rounded border border-stone-300 bg-white px-2 py-1";

  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <Link href={`/articles/${id}`} className="text-sm text-stone-700 underline underline-offset-2">
        {t("back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("title", { title: article.title })}</h1>
      <ol className="mt-4 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm">
        {revisions.map((r) => (
          <li key={r.number} className="flex flex-wrap gap-x-3 px-4 py-2">
            <span className="font-medium">{t("revision", { number: r.number })}</span>
            <span>{t("by", { name: r.author.name })}</span>
            <time dateTime={r.createdAt} className="text-stone-600">
              {format.dateTime(new Date(r.createdAt), { dateStyle: "medium", timeStyle: "short" })}
            </time>
            <span className="text-stone-500">{t("length", { count: r.length })}</span>
          </li>
        ))}
      </ol>
      {!diff ? (
        <p className="mt-6 text-stone-600">{t("onlyOne")}</p>
      ) : (
        <section className="mt-6 space-y-3">
          <form className="flex flex-wrap items-end gap-3 text-sm" method="get">
            {(["from", "to"] as const).map((name) => (
              <label key={name}>
                {t(name)}
                <select name={name} defaultValue={name === "from" ? from : to} className={select}>
                  {revisions.map((r) => (
                    <option key={r.number} value={r.number}>
                      {t("revision", { number: r.number })}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 font-medium text-white hover:bg-stone-700">
              {t("compare")}
            </button>
          </form>
          <p className="text-xs text-stone-600">{t("legend")}</p>
          {diff.parts.every((p) => p.op === "equal") ? (
            <p className="text-stone-600">{t("same")}</p>
          ) : (
            <div data-testid="revision-diff" className="whitespace-pre-wrap rounded-lg border border-stone-200 bg-white p-5 font-serif leading-relaxed">
              {diff.parts.map((part, i) =>
                part.op === "insert" ? (
                  <ins key={i} className="bg-green-50 text-green-900 underline decoration-green-700" title={t("inserted")}>
                    {part.text}
                  </ins>
                ) : part.op === "delete" ? (
                  <del key={i} className="bg-red-50 text-red-900 line-through decoration-red-700" title={t("deleted")}>
                    {part.text}
                  </del>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </div>
          )}
        </section>
      )}
    </main>
  );
}
