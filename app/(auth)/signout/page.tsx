import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signOut") };
}

export default async function SignOutPage() {
  const t = await getTranslations("auth");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-4 rounded-lg border border-stone-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">{t("signOutTitle")}</h1>
        <p className="text-sm text-stone-600">{t("signOutBody")}</p>
        <SignOutButton label={t("signOut")} />
      </div>
    </main>
  );
}
