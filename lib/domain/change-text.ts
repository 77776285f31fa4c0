// The change line under a tile and in the digests ("+2.3 pts vs 30 days ago"). A missing
// earlier figure says so rather than showing a zero change; the tone says whether the move is
// good news.
import { formatUsd } from "./format";

export type ChangeTone = "better" | "worse" | "neutral";
export interface TileChange {
  text: string;
  tone: ChangeTone;
}

const signed = (n: number, digits: number) => `${n > 0 ? "+" : n < 0 ? "-" : "±"}${Math.abs(n).toFixed(digits)}`;
const toneOf = (change: number, higherIsBetter: boolean): ChangeTone => (change === 0 ? "neutral" : change > 0 === higherIsBetter ? "better" : "worse");

/** Coverage in percentage points: up is better. */
export function pointsChangeText(change: number | null, against: string): TileChange {
  if (change === null) return { text: `no figure ${against}`, tone: "neutral" };
  return { text: `${signed(change, 1)} pts vs ${against}`, tone: toneOf(change, true) };
}

/** A count of problems (non-compliant resources): down is better. */
export function countChangeText(change: number | null, against: string): TileChange {
  if (change === null) return { text: `no figure ${against}`, tone: "neutral" };
  return { text: `${signed(change, 0)} vs ${against}`, tone: toneOf(change, false) };
}

/** Cost: shown, not judged (more keys can be the point). */
export function costChangeText(change: number | null, pct: number | null, against: string): TileChange {
  if (change === null) return { text: `no cost data for ${against}`, tone: "neutral" };
  const amount = `${change > 0 ? "+" : change < 0 ? "-" : "±"}${formatUsd(Math.abs(change))}`;
  return { text: `${amount}${pct === null ? "" : ` (${signed(pct, 1)}%)`} vs ${against}`, tone: "neutral" };
}
