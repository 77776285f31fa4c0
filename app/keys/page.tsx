import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { PageFrame } from "@/components/filters/page-frame";
import { KeysView } from "@/components/keys/keys-view";
import { db } from "@/lib/db/client";
import { dataAsOf } from "@/lib/queries/freshness";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Keys" };

export default async function KeysPage() {
  await requirePage("PAGE /keys", "/keys");
  return (
    <PageFrame title="Keys" description="Every KMS key in the latest snapshot: who manages it, its state, its findings and what it costs" freshness={await dataAsOf(db())}>
      <KeysView />
    </PageFrame>
  );
}
