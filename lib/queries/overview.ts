import { db, type Db } from "@/lib/db/client";
import { addDays, dayToDate, toDay } from "@/lib/domain/days";
import { getCoverageSummary, getOrganizationCoverageOn, type CoverageFigures, type CoverageSummary } from "./coverage-summary";
import { getDataFreshness, type DataFreshness } from "./data-freshness";
import { getKeyCounts, type KeyCounts } from "./key-counts";
import { getKmsCostSummary, type KmsCostSummary } from "./kms-cost-summary";
import { COMPARE_DAYS } from "@/lib/domain/period-change";

export interface Overview {
  freshness: DataFreshness | null;
  coverage: CoverageSummary | null;
  keys: KeyCounts;
  cost: KmsCostSummary | null;
  /** The organization's coverage 30 days before coverage.day (the tiles' comparison); null when not stored. */
  coverageBefore: { day: Date; organization: CoverageFigures } | null;
  /** True when nothing was ever ingested: the page shows how to get data instead of zeros. */
  empty: boolean;
}

/** Everything the home page shows, read in parallel; `bu` (stored form) limits every figure to those BUs. */
export async function getOverview(client: Db = db(), bu?: string[]): Promise<Overview> {
  const [freshness, coverage, keys, cost] = await Promise.all([
    getDataFreshness(client),
    getCoverageSummary(client, bu),
    getKeyCounts(client, bu),
    getKmsCostSummary(client, bu),
  ]);
  const coverageBefore = coverage ? await getOrganizationCoverageOn(client, dayToDate(addDays(toDay(coverage.day), -COMPARE_DAYS)), bu) : null;
  const empty = !freshness && !coverage && !cost && keys.customerManaged + keys.awsManaged === 0;
  return { freshness, coverage, keys, cost, coverageBefore, empty };
}
