import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { PageFrame } from "@/components/filters/page-frame";
import { SavingsView } from "@/components/savings/savings-view";
import { db } from "@/lib/db/client";
import { dataAsOf } from "@/lib/queries/freshness";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Savings" };

export default async function Page() {
  await requirePage("PAGE /savings", "/savings");
  return (
    <PageFrame title="Savings" description="S3 Bucket Key candidates with their assumptions, and keys billed for nothing" freshness={await dataAsOf(db())}>
      <SavingsView />
    </PageFrame>
  );
}
