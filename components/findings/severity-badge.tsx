const TONE: Record<string, string> = {
  critical: "bg-red-100 text-red-900",
  high: "bg-orange-100 text-orange-900",
  medium: "bg-amber-100 text-amber-900",
  low: "bg-slate-100 text-slate-800",
};

/** A finding's severity, coloured by how urgent it is (the word says it too: colour is never the only cue). */
export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${TONE[severity] ?? TONE.low}`}>{severity}</span>;
}
