import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requirePage } from "@/lib/auth/page-access";
import { PageFrame } from "@/components/filters/page-frame";
import { BusinessUnitView } from "@/components/business-units/business-unit-view";
import { db } from "@/lib/db/client";
import { dataAsOf } from "@/lib/queries/freshness";
import { legacyTeamRedirect } from "@/components/filters/legacy-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Teams" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("PAGE /teams", "/teams");
  // Links from before the one parameter name (digests already sent): ?team=X → ?bu=X.
  const target = legacyTeamRedirect("/teams", await searchParams);
  if (target) redirect(target);
  return (
    <PageFrame title="Teams" description="One scorecard per business unit: its KPIs against the organization and the targets, and what to fix first" freshness={await dataAsOf(db())}>
      <BusinessUnitView />
    </PageFrame>
  );
}
