import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";

export async function AppHeader({ user, links }: { user: { name: string; role: string }; links: { import: boolean; admin: boolean } }) {
  const t = await getTranslations("common");
  const locale = await getLocale();
  return (
    <header className="border-b border-stone-200 bg-white">
      <nav aria-label={t("mainNav")} className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3 text-sm">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Factmark
        </Link>
        <Link href="/" className="text-stone-700 hover:text-stone-950">
          {t("articles")}
        </Link>
        <Link href="/activity" className="text-stone-700 hover:text-stone-950">
          {t("activity")}
        </Link>
        {links.import && (
          <Link href="/articles/new" className="text-stone-700 hover:text-stone-950">
            {t("import")}
          </Link>
        )}
        {links.admin && (
          <Link href="/admin/users" className="text-stone-700 hover:text-stone-950">
            {t("admin")}
          </Link>
        )}
        <div className="ml-auto flex items-center gap-4">
          <LanguageSwitch current={locale} />
          <Link href="/settings" className="text-stone-700 hover:text-stone-950">
            {user.name} <span className="text-stone-500">· {t(`roles.${user.role}`)}</span>
          </Link>
          <Link href="/signout" className="text-stone-700 hover:text-stone-950">
            {t("signOut")}
          </Link>
        </div>
      </nav>
    </header>
  );
}
