// The weekly digest as a message (AlertPayload): plain lines with their links for the text part
// and chat channels, and the same content as the email's HTML (./digest-email.tsx). Links are
// plain dashboard URLs filtered to the business unit: the dashboard asks the reader to sign in
// and shows them only what their role may see.
import type { AlertLine, AlertPayload } from "@/lib/alerts/payload";
import { env, type Env } from "@/lib/config/env";
import { formatInteger, formatPercent, formatUsd } from "@/lib/domain/format";
import type { BuDigest } from "./digest";
import { renderDigestEmail } from "./digest-email";
import { costChangeText, digestLinks, pointsText, type DigestLinks } from "./digest-text";

export { digestTitle } from "./digest-text";

/** The digest's content as lines: the text part of the email, in the order of the HTML. */
export function digestLines(d: BuDigest, links: DigestLinks): AlertLine[] {
  const lines: AlertLine[] = [];
  const { now } = d.coverage;
  if (!now) lines.push({ text: `CMK coverage: no coverage data for ${d.label}${d.day ? ` on ${d.day}` : ""}`, url: links.scorecard });
  else {
    lines.push({ text: `CMK coverage by count on ${now.day}: ${formatPercent(now.coverageByCountPct)} (${formatInteger(now.cmkResources)} of ${formatInteger(now.resources)} resources), ${pointsText(d.coverage.countPts)}`, url: links.scorecard });
    lines.push({ text: `CMK coverage by storage on ${now.day}: ${formatPercent(now.coverageByStoragePct)}, ${pointsText(d.coverage.storagePts)}`, url: links.scorecard });
  }
  lines.push({ text: `Non-compliant resources: ${formatInteger(d.nonCompliant.total)}${d.nonCompliant.total > d.nonCompliant.items.length ? ` (the ${d.nonCompliant.items.length} oldest below)` : ""}`, url: links.resources });
  for (const r of d.nonCompliant.items) {
    lines.push({ text: `  ${r.name} (${r.service}, ${r.reason}): non-compliant since ${r.since}, ${formatInteger(r.ageDays)} days`, url: links.resources, severity: "medium" });
  }
  lines.push({ text: `New key findings since ${d.newFindings.from ?? "—"}: ${formatInteger(d.newFindings.total)}`, url: links.keys });
  for (const f of d.newFindings.items) {
    lines.push({ text: `  ${f.code} on ${f.alias ?? f.keyArn} (first seen ${f.firstSeen})`, url: links.key(f.keyArn), severity: f.severity as AlertLine["severity"] });
  }
  if (!d.cost) lines.push({ text: "KMS cost: no cost data yet", url: links.costs });
  else {
    const { monthToDate: mtd, sameDaysLastMonth: before } = d.cost;
    const change = costChangeText(d.cost.change, d.cost.changePct);
    lines.push({
      text: `KMS cost month to date (${mtd.from} to ${mtd.to}): ${formatUsd(mtd.total)} vs ${formatUsd(before.total)} on the same days last month (${before.from} to ${before.to})${change ? `: ${change}` : ""}`,
      url: links.costs,
    });
  }
  return lines;
}

export function digestPayload(d: BuDigest, config: Env = env()): AlertPayload {
  const links = digestLinks(d.label, config);
  const now = d.coverage.now;
  const summary = `${d.label}: CMK coverage ${formatPercent(now?.coverageByCountPct ?? null)} by count, ${formatInteger(d.nonCompliant.total)} non-compliant resources, ${formatInteger(d.newFindings.total)} new key findings this week`;
  return {
    summary,
    lines: digestLines(d, links),
    footer: "Links open the dashboard filtered to this business unit; sign in to see them.",
    html: renderDigestEmail(d, links, summary),
  };
}
