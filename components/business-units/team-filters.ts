// Which of the global filter bar's values the Teams page sends where (issue 19 item 2). The bar's
// business unit is the team itself; the other dimensions narrow every figure and list as they do
// on the overview (lib/queries/overview-filters.ts says which figure follows which).
import type { FilterName } from "@/components/filters/filter-params";
import { OVERVIEW_FILTERS } from "@/components/overview/drill-links";

/** The dimensions beside the team: every team figure and list receives them. */
export const TEAM_DIMENSIONS = OVERVIEW_FILTERS.filter((f) => f !== "bu");

/** The bar on the Teams page: the range (its trend chart), the team and the dimensions; none disabled. */
export const TEAM_FILTERS: readonly FilterName[] = ["from", "to", ...OVERVIEW_FILTERS];
