import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { AdminFrame } from "@/components/admin/admin-frame";
import { UsersView } from "@/components/admin/users-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users & sessions" };

export default async function Page() {
  await requirePage("PAGE /admin/users", "/admin/users");
  return (
    <AdminFrame title="Users & sessions" description="Who signed in, their role and business units, and their live browser sessions">
      <UsersView />
    </AdminFrame>
  );
}
