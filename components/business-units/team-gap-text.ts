import { formatInteger } from "@/lib/domain/format";

/** What the scorecard's gap line needs of GET /api/teams/scorecard's coverage. */
export interface GapFigures {
  coverage: { resourcesToMove: number | null };
}

/** "To reach 90 %: 412 resources to move" — or that the target is reached, or that there is nothing to measure. */
export function gapText(card: GapFigures, target: number): string {
  const n = card.coverage.resourcesToMove;
  if (n === null) return `To reach ${target} %: no in-scope resources`;
  if (n === 0) return `Coverage target of ${target} % reached`;
  return `To reach ${target} %: ${formatInteger(n)} ${n === 1 ? "resource" : "resources"} to move`;
}
