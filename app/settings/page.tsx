import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { canAdminister } from "@/lib/auth/principal";
import { PageFrame } from "@/components/filters/page-frame";
import { SettingsView } from "@/components/settings/settings-view";
import { getDataFreshness } from "@/lib/queries/data-freshness";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function Page() {
  const principal = await requirePage("PAGE /settings", "/settings");
  return (
    <PageFrame title="Settings" description="The policy settings every KPI follows; a change recomputes the figures it affects" freshness={await getDataFreshness()}>
      <SettingsView editable={canAdminister(principal)} />
    </PageFrame>
  );
}
