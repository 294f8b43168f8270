import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-stone-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <Link href="/" className="mt-6 inline-block rounded bg-stone-900 px-4 py-2 text-white">
        {t("backHome")}
      </Link>
    </main>
  );
}
