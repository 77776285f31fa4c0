// Wording and links the digest's text lines and its HTML share.
import { absoluteUrl } from "@/lib/alerts/links";
import { env, type Env } from "@/lib/config/env";
import { costChangeText as tileCostChange, pointsChangeText } from "@/lib/domain/change-text";
import type { BuDigest } from "./digest";

export interface DigestLinks {
  /** The business unit's scorecard (the Teams page, /teams?bu=<BU>). */
  scorecard: string;
  resources: string;
  keys: string;
  costs: string;
  key: (keyArn: string) => string;
}

/** The dashboard pages a digest points to, each filtered to the BU (by its label, as the filters take it). */
export function digestLinks(label: string, config: Env = env()): DigestLinks {
  const bu = encodeURIComponent(label);
  return {
    scorecard: absoluteUrl(`/teams?bu=${bu}`, config),
    resources: absoluteUrl(`/resources?bu=${bu}`, config),
    keys: absoluteUrl(`/keys?bu=${bu}`, config),
    costs: absoluteUrl(`/costs?bu=${bu}`, config),
    key: (keyArn) => absoluteUrl(`/keys/${encodeURIComponent(keyArn)}`, config),
  };
}

/** "+1.5 pts vs a week before" / "no figure a week before": the overview tiles' wording. */
export const pointsText = (pts: number | null) => pointsChangeText(pts, "a week before").text;

/** "+$1.00 (+5.0%) vs the same days last month". */
export const costChangeText = (change: number | null, pct: number | null) => (change === null ? "" : tileCostChange(change, pct, "the same days last month").text);

export const digestTitle = (d: BuDigest) => `Weekly KMS digest: ${d.label}${d.day ? `, week to ${d.day}` : ""}`;

