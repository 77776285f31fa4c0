// Finding codes as badges: own file, so the key detail page does not pull in the keys table.
import { codeLabel, FINDING_LABELS } from "@/lib/domain/labels";

/** Each finding by its label, the code on hover (the CSV and the API keep the codes). */
export function FindingBadges({ codes }: { codes: string }) {
  const list = codes.split(/\s+/).filter(Boolean);
  if (list.length === 0) return <span className="text-slate-500">none</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {list.map((c) => (
        <span key={c} title={c} className={`rounded px-1.5 py-0.5 text-xs font-medium ${c === "PENDING_DELETION_IN_USE" || c === "PUBLIC_POLICY" ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`}>
          {codeLabel(FINDING_LABELS, c)}
        </span>
      ))}
    </span>
  );
}
