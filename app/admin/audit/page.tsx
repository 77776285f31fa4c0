import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { AdminFrame } from "@/components/admin/admin-frame";
import { AuditView } from "@/components/admin/audit-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

export default async function Page() {
  await requirePage("PAGE /admin/audit", "/admin/audit");
  return (
    <AdminFrame title="Audit log" description="Who changed settings and role mappings, started runs, created or revoked tokens, and whose sign-in failed">
      <AuditView />
    </AdminFrame>
  );
}
