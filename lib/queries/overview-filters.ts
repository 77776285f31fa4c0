// Which of the global filters each overview figure can follow (issue 19). Coverage and
// non-compliance have every dimension (coverage_interval); keys and their findings have no
// storage service; cost rows have neither an environment nor a service. A filter a figure
// cannot follow is reported with the figure, so the page says so on its card instead of
// showing an unfiltered number under a filtered bar.
import type { DimensionFilters } from "@/lib/domain/dimensions";

/** The global filter bar's dimensions (the bar has no classification). */
export type OverviewFilters = Pick<DimensionFilters, "bu" | "account" | "region" | "env" | "service">;
type Dimension = keyof OverviewFilters;

const KEY_NOT_SPLIT = { service: "a key is not one storage service's: it can encrypt S3, EBS and RDS alike" };
const COST_NOT_SPLIT = {
  env: "cost rows carry no environment: Cost Explorer and the bill are split by the business-unit tag only",
  service: "KMS bills keys and requests, not a storage service",
};

/** Per figure, the filters it cannot follow and why. */
export const NOT_SPLIT_BY = {
  coverage: {},
  keys: KEY_NOT_SPLIT,
  findings: KEY_NOT_SPLIT,
  cost: COST_NOT_SPLIT,
  costByBu: COST_NOT_SPLIT,
  topBuckets: {},
  idleKeys: KEY_NOT_SPLIT,
  mttp: KEY_NOT_SPLIT,
} as const satisfies Record<string, Partial<Record<Dimension, string>>>;

export type OverviewFigure = keyof typeof NOT_SPLIT_BY;
export interface FilterNotApplied {
  filter: Dimension;
  reason: string;
}

/** The figures a set filter does not apply to (only figures with at least one). */
export function filtersNotApplied(filters: OverviewFilters): Partial<Record<OverviewFigure, FilterNotApplied[]>> {
  const out: Partial<Record<OverviewFigure, FilterNotApplied[]>> = {};
  for (const [figure, reasons] of Object.entries(NOT_SPLIT_BY) as [OverviewFigure, Partial<Record<Dimension, string>>][]) {
    const notApplied = (Object.entries(reasons) as [Dimension, string][]).filter(([filter]) => filters[filter]?.length).map(([filter, reason]) => ({ filter, reason }));
    if (notApplied.length) out[figure] = notApplied;
  }
  return out;
}

/**
 * The Teams scorecard's figures under the overview's names (GET /api/teams/scorecard): its gap,
 * coverage and non-compliant count are coverage rows, its key list is `keys`, its cost tile and
 * trend are `cost`. The same reasons as on the overview, so both pages say the same.
 */
export const SCORECARD_FIGURES = ["coverage", "keys", "findings", "cost", "mttp"] as const satisfies readonly OverviewFigure[];
export type ScorecardFigure = (typeof SCORECARD_FIGURES)[number];

export function scorecardFiltersNotApplied(filters: OverviewFilters): Partial<Record<ScorecardFigure, FilterNotApplied[]>> {
  const all = filtersNotApplied(filters);
  return Object.fromEntries(SCORECARD_FIGURES.filter((f) => all[f]).map((f) => [f, all[f]!]));
}
