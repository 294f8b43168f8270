import { getTranslations } from "next-intl/server";
import { PasswordForm } from "@/components/settings/password-form";
import { TokenManager } from "@/components/settings/token-manager";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { requireUser } from "@/lib/auth/page-guards";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("settingsTitle") };
}

export default async function SettingsPage() {
  const user = await requireUser();
  const tokens = await listApiTokens(user);
  const t = await getTranslations("admin");
  return (
    <main className="mx-auto max-w-4xl space-y-10 px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">{t("settingsTitle")}</h1>
      <TokenManager initialTokens={tokens} />
      <PasswordForm />
    </main>
  );
}
