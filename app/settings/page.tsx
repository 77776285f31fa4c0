import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { canAdminister } from "@/lib/auth/principal";
import { PageFrame } from "@/components/filters/page-frame";
import { SettingsView } from "@/components/settings/settings-view";
import { db } from "@/lib/db/client";
import { dataAsOf } from "@/lib/queries/freshness";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function Page() {
  const principal = await requirePage("PAGE /settings", "/settings");
  return (
    <PageFrame title="Settings" description="The policy settings every KPI follows; a change recomputes the figures it affects" freshness={await dataAsOf(db())}>
      <SettingsView editable={canAdminister(principal)} />
    </PageFrame>
  );
}
