// KEY_FINDING: every current key finding of the chosen codes and/or at least the chosen severity
// (default: high and critical) on a key of the rule's business units. The subject is the key and
// the code, so a key that gets a second finding raises a second line, not a repeat of the first.
import { z } from "zod";
import { FINDING_SEVERITY, type KeyFindingCode, type Severity } from "@/lib/kpi/key-findings";
import { buLabel, defineRuleKind, inScope, type RuleHit } from "./types";
import { OPEN_END_DATE, toDay } from "@/lib/domain/days";

const CODES = Object.keys(FINDING_SEVERITY) as [KeyFindingCode, ...KeyFindingCode[]];
const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export const keyFindingParams = z.strictObject({
  /** Only these finding codes; empty = any code at or above minSeverity. */
  codes: z.array(z.enum(CODES)).default([]),
  /** Only findings at least this severe; defaults to "high" when no codes are chosen. */
  minSeverity: z.enum(["critical", "high", "medium", "low"]).optional(),
});

export type KeyFindingParams = z.output<typeof keyFindingParams>;

export function findingMatches(params: KeyFindingParams, code: string, severity: string): boolean {
  if (params.codes.length > 0 && !params.codes.includes(code as KeyFindingCode)) return false;
  const min = params.minSeverity ?? (params.codes.length > 0 ? "low" : "high");
  return (SEVERITY_RANK[severity as Severity] ?? 0) >= SEVERITY_RANK[min];
}

/** "5 days left" for a key in use while pending deletion, as of the snapshot the finding came from. */
function daysLeft(evidence: Record<string, unknown>): number | null {
  return typeof evidence.daysLeft === "number" ? evidence.daysLeft : null;
}

export const keyFindingRule = defineRuleKind({
  kind: "KEY_FINDING",
  label: "New key findings",
  scoped: true,
  params: keyFindingParams,
  async evaluate(db, params, scope) {
    const findings = await db.keyFinding.findMany({ orderBy: [{ keyArn: "asc" }, { code: "asc" }] });
    const wanted = findings.filter((f) => findingMatches(params, f.code, f.severity));
    if (wanted.length === 0) return [];
    const keys = await db.kmsKeyVersion.findMany({
      where: { validTo: OPEN_END_DATE, keyArn: { in: [...new Set(wanted.map((f) => f.keyArn))] } },
      select: { keyArn: true, keyId: true, accountId: true, region: true, aliases: true, businessUnit: true },
    });
    const byArn = new Map(keys.map((k) => [k.keyArn, k]));
    const hits: RuleHit[] = [];
    for (const finding of wanted) {
      const key = byArn.get(finding.keyArn);
      const bu = key?.businessUnit ?? "";
      if (!inScope(scope, bu)) continue;
      const name = key?.aliases[0] ?? key?.keyId ?? finding.keyArn;
      const evidence = (finding.evidence ?? {}) as Record<string, unknown>;
      const left = finding.code === "PENDING_DELETION_IN_USE" ? daysLeft(evidence) : null;
      const where = key ? `account ${key.accountId}, ${key.region}` : finding.keyArn;
      const text = [
        `${finding.severity.toUpperCase()} ${finding.code}: ${name}`,
        `BU ${buLabel(bu)}`,
        where,
        ...(left === null ? [] : [`${left} day${left === 1 ? "" : "s"} left before deletion`]),
        `since ${toDay(finding.firstSeen)}`,
      ].join(" · ");
      hits.push({
        subject: `${finding.keyArn}|${finding.code}`,
        line: { text, url: `/keys/${encodeURIComponent(finding.keyArn)}`, severity: finding.severity as Severity },
        figures: { keyArn: finding.keyArn, key: name, code: finding.code, severity: finding.severity, businessUnit: bu, ...(left === null ? {} : { daysLeft: left }) },
      });
    }
    return hits;
  },
});
