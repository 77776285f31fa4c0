// The digest's HTML body. Rendered with React to static markup (it escapes tag values, names and
// aliases); inline styles only, as mail clients ignore <style> and external CSS.
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { formatInteger, formatPercent, formatUsd } from "@/lib/domain/format";
import type { BuDigest } from "./digest";
import { costChangeText, digestTitle, pointsText, type DigestLinks } from "./digest-text";

const cell = { padding: "4px 8px", borderBottom: "1px solid #e2e8f0", textAlign: "left" as const };
const link = { color: "#075985" };

function Section({ title, href, linkText, children }: { title: string; href: string; linkText: string; children: ReactNode }) {
  return (
    <section style={{ marginTop: "20px" }}>
      <h2 style={{ fontSize: "16px", margin: "0 0 6px" }}>{title}</h2>
      {children}
      <p style={{ margin: "6px 0 0" }}>
        <a href={href} style={link}>{linkText}</a>
      </p>
    </section>
  );
}

function Coverage({ d, links }: { d: BuDigest; links: DigestLinks }) {
  const { now } = d.coverage;
  return (
    <Section title="CMK coverage" href={links.scorecard} linkText={`Scorecard of ${d.label}`}>
      {now ? (
        <table style={{ borderCollapse: "collapse" }}>
          <tbody>
            <tr>
              <th style={cell}>By count ({now.day})</th>
              <td style={cell}>{formatPercent(now.coverageByCountPct)} ({formatInteger(now.cmkResources)} of {formatInteger(now.resources)} resources)</td>
              <td style={cell}>{pointsText(d.coverage.countPts)}</td>
            </tr>
            <tr>
              <th style={cell}>By storage ({now.day})</th>
              <td style={cell}>{formatPercent(now.coverageByStoragePct)}</td>
              <td style={cell}>{pointsText(d.coverage.storagePts)}</td>
            </tr>
          </tbody>
        </table>
      ) : (
        <p>No coverage data for {d.label}.</p>
      )}
    </Section>
  );
}

function NonCompliant({ d, links }: { d: BuDigest; links: DigestLinks }) {
  const { total, items } = d.nonCompliant;
  return (
    <Section title={`Non-compliant resources: ${formatInteger(total)}`} href={links.resources} linkText={`All non-compliant resources of ${d.label}`}>
      {items.length ? (
        <table style={{ borderCollapse: "collapse" }}>
          <thead>
            <tr><th style={cell}>Resource</th><th style={cell}>Service</th><th style={cell}>Reason</th><th style={cell}>Non-compliant since</th><th style={cell}>Age (days)</th></tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.resourceArn}>
                <td style={cell}>{r.name}</td><td style={cell}>{r.service}</td><td style={cell}>{r.reason}</td><td style={cell}>{r.since}</td><td style={cell}>{formatInteger(r.ageDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {total > items.length ? <p>The {items.length} oldest of {formatInteger(total)}.</p> : null}
    </Section>
  );
}

function Findings({ d, links }: { d: BuDigest; links: DigestLinks }) {
  const { total, items, from } = d.newFindings;
  return (
    <Section title={`New key findings since ${from ?? "—"}: ${formatInteger(total)}`} href={links.keys} linkText={`Keys of ${d.label}`}>
      {items.length ? (
        <ul style={{ margin: 0, paddingLeft: "20px" }}>
          {items.map((f) => (
            <li key={`${f.keyArn}|${f.code}`}>
              {f.severity} · {f.code} on <a href={links.key(f.keyArn)} style={link}>{f.alias ?? f.keyArn}</a> (first seen {f.firstSeen})
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function Cost({ d, links }: { d: BuDigest; links: DigestLinks }) {
  if (!d.cost) return <Section title="KMS cost" href={links.costs} linkText={`Costs of ${d.label}`}><p>No cost data yet.</p></Section>;
  const { monthToDate: mtd, sameDaysLastMonth: before } = d.cost;
  return (
    <Section title="KMS cost month to date" href={links.costs} linkText={`Costs of ${d.label}`}>
      <p style={{ margin: 0 }}>
        {formatUsd(mtd.total)} from {mtd.from} to {mtd.to}, against {formatUsd(before.total)} on the same days last month ({before.from} to {before.to})
        {d.cost.change === null ? "" : `: ${costChangeText(d.cost.change, d.cost.changePct)}`}.
      </p>
    </Section>
  );
}

export function renderDigestEmail(d: BuDigest, links: DigestLinks, summary: string): string {
  const body = (
    <div style={{ fontFamily: "Arial, Helvetica, sans-serif", fontSize: "14px", color: "#0f172a" }}>
      <h1 style={{ fontSize: "20px", margin: "0 0 8px" }}>{digestTitle(d)}</h1>
      <p style={{ margin: 0 }}>{summary}</p>
      <Coverage d={d} links={links} />
      <NonCompliant d={d} links={links} />
      <Findings d={d} links={links} />
      <Cost d={d} links={links} />
      <p style={{ marginTop: "24px", color: "#475569", fontSize: "12px" }}>Links open the dashboard filtered to this business unit; sign in to see them.</p>
    </div>
  );
  return `<!doctype html><html><body>${renderToStaticMarkup(body)}</body></html>`;
}
