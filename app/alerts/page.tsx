import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page-access";
import { ChannelsSection } from "@/components/alerts/channels-section";
import { HistorySection } from "@/components/alerts/history-section";
import { RulesSection } from "@/components/alerts/rules-section";
import { ReportsSection } from "@/components/alerts/reports-section";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alerts" };

/**
 * Admins only (access-rules.ts): channels say where messages go and the history names recipients.
 * Sections, in order: channels, rules (components/alerts/rules-section.tsx), scheduled reports
 * (components/alerts/reports-section.tsx), history of deliveries.
 */
export default async function Page() {
  await requirePage("PAGE /alerts", "/alerts");
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Alerts</h1>
        <p className="mt-1 text-sm text-slate-600">Where alerts, digests and the showback pack are sent, what triggers them, and what was delivered</p>
      </div>
      <ChannelsSection />
      <RulesSection />
      <ReportsSection />
      <HistorySection />
    </div>
  );
}
