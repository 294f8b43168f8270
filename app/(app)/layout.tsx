import { AppHeader } from "@/components/layout/app-header";
import { requireUser } from "@/lib/auth/page-guards";
import { can } from "@/lib/auth/policy";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-screen">
      <AppHeader
        user={{ name: user.name, role: user.role }}
        links={{ import: can(user, "article.create"), admin: can(user, "user.manage") }}
      />
      {children}
    </div>
  );
}
