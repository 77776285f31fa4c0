import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { PageFrame } from "@/components/filters/page-frame";
import { CostsView } from "@/components/costs/costs-view";
import { BillUpload } from "@/components/costs/bill-upload";
import { getDataFreshness } from "@/lib/queries/data-freshness";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Costs" };

export default async function Page() {
  await requirePage("PAGE /costs", "/costs");
  return (
    <PageFrame title="Costs" description="KMS showback by business unit and account; billed against modeled; chargeback export" freshness={await getDataFreshness()}>
      <CostsView />
      <BillUpload />
    </PageFrame>
  );
}
