// The three benchmark datasets as demo-generator options. "large" is the organization scale of the
// issue; "small" is the demo preset; "tiny" only keeps the scripts from rotting (smoke test).
import type { DemoOptions } from "@/lib/demo/options";
import type { DatasetName } from "./bench-db";

export const DATASETS: Record<DatasetName, DemoOptions> = {
  large: { scale: "large", seed: 42, resources: 1_000_000, keys: 20_000, days: 400, businessUnits: 40, accounts: 200, keyRequestDays: 14 },
  small: { scale: "small", seed: 42 },
  tiny: { scale: "small", seed: 42, resources: 2_000, keys: 60, days: 30, accounts: 3, businessUnits: 3, keyRequestDays: 14 },
};

/** Smaller iteration counts for --tiny so the whole run stays well under a minute. */
export function iterations(tiny: boolean, full: number, smoke = 3): number {
  return tiny ? smoke : full;
}
