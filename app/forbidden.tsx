import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-stone-600">{t("forbiddenBody")}</p>
      <Link href="/" className="mt-6 inline-block rounded bg-stone-900 px-4 py-2 text-white">
        {t("backHome")}
      </Link>
    </main>
  );
}
