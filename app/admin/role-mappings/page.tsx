import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { PageFrame } from "@/components/filters/page-frame";
import { RoleMappingsView } from "@/components/admin/role-mappings-view";
import { getDataFreshness } from "@/lib/queries/data-freshness";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Role mappings" };

export default async function Page() {
  await requirePage("PAGE /admin/role-mappings", "/admin/role-mappings");
  return (
    <PageFrame title="Role mappings" description="Which IdP group gets which role: AUTH_ROLE_MAP, with the mappings edited here on top" freshness={await getDataFreshness()}>
      <RoleMappingsView />
    </PageFrame>
  );
}
