// Wording and links the digest's text lines and its HTML share.
import { absoluteUrl } from "@/lib/alerts/links";
import { costChangeText as tileCostChange, pointsChangeText } from "@/lib/domain/change-text";
import type { BuDigest } from "./digest";

export interface DigestLinks {
  team: string;
  resources: string;
  keys: string;
  costs: string;
  key: (keyArn: string) => string;
}

/** The dashboard pages a digest points to, each filtered to the BU (by its label, as the filters take it). */
export function digestLinks(label: string, env: NodeJS.ProcessEnv = process.env): DigestLinks {
  const bu = encodeURIComponent(label);
  return {
    team: absoluteUrl(`/teams?team=${bu}`, env),
    resources: absoluteUrl(`/resources?bu=${bu}`, env),
    keys: absoluteUrl(`/keys?bu=${bu}`, env),
    costs: absoluteUrl(`/costs?bu=${bu}`, env),
    key: (keyArn) => absoluteUrl(`/keys/${encodeURIComponent(keyArn)}`, env),
  };
}

/** "+1.5 pts vs a week before" / "no figure a week before": the overview tiles' wording. */
export const pointsText = (pts: number | null) => pointsChangeText(pts, "a week before").text;

/** "+$1.00 (+5.0%) vs the same days last month". */
export const costChangeText = (change: number | null, pct: number | null) => (change === null ? "" : tileCostChange(change, pct, "the same days last month").text);

export const digestTitle = (d: BuDigest) => `Weekly KMS digest: ${d.label}${d.day ? `, week to ${d.day}` : ""}`;

