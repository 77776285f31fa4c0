import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { PageFrame } from "@/components/filters/page-frame";
import { CostsView } from "@/components/costs/costs-view";
import { BillUpload } from "@/components/costs/bill-upload";
import { db } from "@/lib/db/client";
import { dataAsOf } from "@/lib/queries/freshness";
import { mayCall } from "@/lib/auth/access-rules";
import { ShowbackDownload } from "@/components/reports/showback-download";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Costs" };

export default async function Page() {
  const principal = await requirePage("PAGE /costs", "/costs");
  return (
    <PageFrame title="Costs" description="KMS showback by business unit and account; billed against modeled; chargeback export" freshness={await dataAsOf(db())}>
      <CostsView />
      <BillUpload />
      {/* Organization-wide: finops and admin only, like its route. */}
      {mayCall(principal, "GET /api/reports/showback") ? <ShowbackDownload /> : null}
    </PageFrame>
  );
}
