import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { PageFrame } from "@/components/filters/page-frame";
import { RunsView } from "@/components/runs/runs-view";
import { getDataFreshness } from "@/lib/queries/data-freshness";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runs" };

export default async function Page() {
  await requirePage("PAGE /runs", "/runs");
  return (
    <PageFrame title="Runs" description="Ingestion history, data freshness and warnings per account and region" freshness={await getDataFreshness()}>
      <RunsView />
    </PageFrame>
  );
}
