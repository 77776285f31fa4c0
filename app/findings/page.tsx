import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { PageFrame } from "@/components/filters/page-frame";
import { FindingsView } from "@/components/findings/findings-view";
import { db } from "@/lib/db/client";
import { dataAsOf } from "@/lib/queries/freshness";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Findings" };

export default async function FindingsPage() {
  await requirePage("PAGE /findings", "/findings");
  return (
    <PageFrame title="Findings" description="Every finding on a customer managed key: how severe, the evidence in words, the fix and since when" freshness={await dataAsOf(db())}>
      <FindingsView />
    </PageFrame>
  );
}
