import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/importer/import-form";
import { requirePermission } from "@/lib/auth/page-guards";

export async function generateMetadata() {
  const t = await getTranslations("importer");
  return { title: t("title") };
}

export default async function NewArticlePage() {
  await requirePermission("article.create");
  const t = await getTranslations("importer");
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <ImportForm />
    </main>
  );
}
