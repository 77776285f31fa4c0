import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { PageFrame } from "@/components/filters/page-frame";
import { BusinessUnitView } from "@/components/business-units/business-unit-view";
import { db } from "@/lib/db/client";
import { dataAsOf } from "@/lib/queries/freshness";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Teams" };

export default async function Page() {
  await requirePage("PAGE /teams", "/teams");
  return (
    <PageFrame title="Teams" description="One scorecard per business unit: its KPIs against the organization and the targets, and what to fix first" freshness={await dataAsOf(db())}>
      <BusinessUnitView />
    </PageFrame>
  );
}
