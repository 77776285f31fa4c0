import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/page-access";
import { PageFrame } from "@/components/filters/page-frame";
import { KeyDetailView } from "@/components/keys/key-detail-view";
import { db } from "@/lib/db/client";
import { dataAsOf } from "@/lib/queries/freshness";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Key" };

export default async function KeyPage({ params }: { params: Promise<{ arn: string }> }) {
  await requirePage("PAGE /keys/[arn]", "/keys");
  const { arn } = await params;
  let keyArn = arn;
  try {
    keyArn = decodeURIComponent(arn);
  } catch {
    // A malformed escape: pass it on as-is, the API answers 404 and the page says so.
  }
  return (
    <PageFrame title="Key detail" description="Metadata, policy, findings, protected resources, cost and rotation of one KMS key" freshness={await dataAsOf(db())}>
      <Link href="/keys" className="text-sm text-sky-800 hover:underline">← All keys</Link>
      <KeyDetailView arn={keyArn} />
    </PageFrame>
  );
}
