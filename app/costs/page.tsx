import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { PageFrame } from "@/components/filters/page-frame";
import { CostsView } from "@/components/costs/costs-view";
import { BillUpload } from "@/components/costs/bill-upload";
import { getDataFreshness } from "@/lib/queries/data-freshness";
import { mayCall } from "@/lib/auth/access-rules";
import { ShowbackDownload } from "@/components/reports/showback-download";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Costs" };

export default async function Page() {
  const principal = await requirePage("PAGE /costs", "/costs");
  return (
    <PageFrame title="Costs" description="KMS showback by business unit and account; billed against modeled; chargeback export" freshness={await getDataFreshness()}>
      <CostsView />
      <BillUpload />
      {/* Organization-wide: finops and admin only, like its route. */}
      {mayCall(principal, "GET /api/reports/showback") ? <ShowbackDownload /> : null}
    </PageFrame>
  );
}
