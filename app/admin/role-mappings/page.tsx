import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { AdminFrame } from "@/components/admin/admin-frame";
import { RoleMappingsView } from "@/components/admin/role-mappings-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Role mappings" };

export default async function Page() {
  await requirePage("PAGE /admin/role-mappings", "/admin/role-mappings");
  return (
    <AdminFrame title="Role mappings" description="Which IdP group gets which role: AUTH_ROLE_MAP, with the mappings edited here on top">
      <RoleMappingsView />
    </AdminFrame>
  );
}
