import { dayIndex, todayUtc } from "./days";

export type DemoScale = "small" | "large";

export interface DemoOptions {
  seed?: number;
  /** Last day of history, YYYY-MM-DD; default today (UTC). */
  endDay?: string;
  scale?: DemoScale;
  /** Overrides of the preset. */
  accounts?: number;
  businessUnits?: number;
  /** Customer managed keys across the organization; AWS managed keys come on top. */
  keys?: number;
  /** Storage resources alive on endDay. */
  resources?: number;
  days?: number;
  /** Days (ending at endDay) with per-key request volume; Cost Explorer gives only 14. */
  keyRequestDays?: number;
  regions?: string[];
}

export interface ResolvedDemoOptions {
  seed: number;
  scale: DemoScale;
  endDay: string;
  accounts: number;
  businessUnits: number;
  keys: number;
  resources: number;
  days: number;
  keyRequestDays: number;
  regions: string[];
}

const DEFAULT_REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"];

const PRESETS: Record<DemoScale, Omit<ResolvedDemoOptions, "seed" | "scale" | "endDay" | "regions">> = {
  // 13 months of daily history: what Cost Explorer keeps at daily granularity.
  small: { accounts: 12, businessUnits: 6, keys: 190, resources: 3_000, days: 396, keyRequestDays: 396 },
  large: { accounts: 200, businessUnits: 40, keys: 20_000, resources: 1_000_000, days: 400, keyRequestDays: 14 },
};

function positive(name: string, value: number, min = 1): number {
  if (!Number.isInteger(value) || value < min) throw new Error(`demo option ${name} must be an integer ≥ ${min}, got ${value}`);
  return value;
}

export function resolveDemoOptions(options: DemoOptions = {}, now: () => Date = () => new Date()): ResolvedDemoOptions {
  const scale = options.scale ?? "small";
  const preset = PRESETS[scale];
  if (!preset) throw new Error(`unknown demo scale: ${String(scale)}`);
  const endDay = options.endDay ?? todayUtc(now());
  dayIndex(endDay); // validates the format
  const days = positive("days", options.days ?? preset.days, 2);
  return {
    seed: positive("seed", options.seed ?? 42, 0),
    scale,
    endDay,
    accounts: positive("accounts", options.accounts ?? preset.accounts),
    businessUnits: positive("businessUnits", options.businessUnits ?? preset.businessUnits),
    keys: positive("keys", options.keys ?? preset.keys, 0),
    resources: positive("resources", options.resources ?? preset.resources, 0),
    days,
    keyRequestDays: Math.min(days, positive("keyRequestDays", options.keyRequestDays ?? preset.keyRequestDays, 0)),
    regions: options.regions?.length ? options.regions : DEFAULT_REGIONS,
  };
}
