import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { AdminFrame } from "@/components/admin/admin-frame";
import { TokensView } from "@/components/admin/tokens-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function Page() {
  await requirePage("PAGE /admin/tokens", "/admin/tokens");
  return (
    <AdminFrame title="API tokens" description="Bearer tokens for automation: each has a role, a business-unit scope (viewers) and an expiry">
      <TokensView />
    </AdminFrame>
  );
}
