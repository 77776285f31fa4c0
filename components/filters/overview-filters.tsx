import { Suspense } from "react";
import { FilterBar } from "./filter-bar";
import { ParamProblems } from "./param-problems";

/**
 * The overview's filter bar and URL-parameter messages (other pages get them from PageFrame).
 * Its figures follow every dimension they have (a card says which filter it cannot follow);
 * its coverage and non-compliance charts the date range too.
 */
export function OverviewFilters() {
  return (
    <Suspense fallback={null}>
      <div className="space-y-4">
        <ParamProblems />
        <FilterBar />
      </div>
    </Suspense>
  );
}
