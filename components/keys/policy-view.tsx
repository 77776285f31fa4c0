import { codeLabels, FINDING_LABELS } from "@/lib/domain/labels";

/** A finding as the key detail answers it: its evidence names the policy statements behind it. */
interface PolicyFinding {
  code: string;
  evidence: unknown;
}

/** Statement index → finding codes, from each finding's evidence.matches[].statements[]. */
function statementsBehindFindings(findings: readonly PolicyFinding[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const f of findings) {
    const evidence = (f.evidence ?? {}) as { matches?: { statements?: { statementIndex?: number }[] }[] };
    for (const match of evidence.matches ?? []) {
      for (const s of match.statements ?? []) {
        if (typeof s.statementIndex !== "number") continue;
        const codes = out.get(s.statementIndex) ?? [];
        if (!codes.includes(f.code)) codes.push(f.code);
        out.set(s.statementIndex, codes);
      }
    }
  }
  return out;
}

/** The key policy, one block per statement; statements behind a finding are marked and named. */
export function PolicyView({ policy, findings }: { policy: unknown; findings: readonly PolicyFinding[] }) {
  if (!policy || typeof policy !== "object") return <p className="text-sm text-slate-600">The key policy could not be read (see the run warnings).</p>;
  const raw = (policy as { Statement?: unknown }).Statement;
  const statements = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const flagged = statementsBehindFindings(findings);
  return (
    <ol className="space-y-2" data-testid="key-policy">
      {statements.map((s, i) => {
        const codes = flagged.get(i);
        return (
          <li key={i} data-flagged={codes ? "true" : "false"} className={`rounded-md border p-2 ${codes ? "border-red-300 bg-red-50" : "border-slate-200 bg-slate-50"}`}>
            <p className="mb-1 text-xs font-medium text-slate-700">
              Statement {i + 1}
              {(s as { Sid?: unknown }).Sid ? ` · ${String((s as { Sid: unknown }).Sid)}` : ""}
              {codes ? <span title={codes.join(" ")} className="ml-2 rounded bg-red-700 px-1.5 py-0.5 text-white">{codeLabels(FINDING_LABELS, codes)}</span> : null}
            </p>
            <pre className="overflow-x-auto text-xs leading-relaxed text-slate-800">{JSON.stringify(s, null, 2)}</pre>
          </li>
        );
      })}
    </ol>
  );
}
