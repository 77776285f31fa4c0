import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { PageFrame } from "@/components/filters/page-frame";
import { ResourcesView } from "@/components/resources/resources-view";
import { db } from "@/lib/db/client";
import { dataAsOf } from "@/lib/queries/freshness";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Resources" };

export default async function Page() {
  await requirePage("PAGE /resources", "/resources");
  return (
    <PageFrame title="Resources" description="In-scope storage resources: those that should be on a customer managed key and are not, with the reason and since when, or every one by encryption class" freshness={await dataAsOf(db())}>
      <ResourcesView />
    </PageFrame>
  );
}
