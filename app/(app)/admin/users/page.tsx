import { getTranslations } from "next-intl/server";
import { UserAdmin } from "@/components/admin/user-admin";
import { requirePermission } from "@/lib/auth/page-guards";
import { listUsers } from "@/lib/users/users";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("usersTitle") };
}

export default async function AdminUsersPage() {
  const user = await requirePermission("user.manage");
  const users = await listUsers(user);
  const t = await getTranslations("admin");
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">{t("usersTitle")}</h1>
      <UserAdmin initialUsers={users} selfId={user.id} />
    </main>
  );
}
