import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { PageFrame } from "@/components/filters/page-frame";
import { RunsView } from "@/components/runs/runs-view";
import { db } from "@/lib/db/client";
import { dataAsOf } from "@/lib/queries/freshness";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runs" };

export default async function Page() {
  await requirePage("PAGE /runs", "/runs");
  return (
    <PageFrame title="Runs" description="Ingestion history, data freshness and warnings per account and region" freshness={await dataAsOf(db())}>
      <RunsView />
    </PageFrame>
  );
}
