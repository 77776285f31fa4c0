// The words of an import's outcome, the same in the CLI and the upload's answer.
import type { ImportSummary, PeriodOutcome } from "./import-bill";

export function periodLine(p: PeriodOutcome): string {
  const month = p.period?.slice(0, 7) ?? "(unknown period)";
  if (p.status === "SKIPPED") return `${month}: skipped, ${p.message}`;
  if (p.status === "FAILED") return `${month}: FAILED, previous lines kept: ${p.message}`;
  return `${month}: replaced (${p.format}, ${p.final ? "final" : "provisional"}): ${p.files} file(s), ${p.linesRead} lines read, ${p.linesKept} KMS lines kept, ${p.rowsWritten} rows written`;
}

export function formatImportSummary(summary: ImportSummary): string {
  const count = (s: PeriodOutcome["status"]) => summary.periods.filter((p) => p.status === s).length;
  return [
    ...summary.periods.map(periodLine),
    `${summary.source}: ${count("REPLACED")} period(s) replaced, ${count("SKIPPED")} skipped, ${count("FAILED")} failed`,
  ].join("\n");
}

export const importFailed = (summary: ImportSummary) => summary.periods.some((p) => p.status === "FAILED");
