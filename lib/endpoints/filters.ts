// GET /api/filters: the values the global filter bar offers (business unit, account, region,
// environment, service): the ones that exist in the current inventory, keys and in-scope
// resources alike, so a dropdown never offers a value that returns nothing ("Marketing" typed
// into a free-text box did). A viewer gets the values of their own business units only: `bu` is
// not a parameter, serve() sets it to the caller's scope.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import type { Db } from "@/lib/db/client";
import { buLabel } from "@/lib/domain/business-unit";
import { OPEN_END_DATE } from "@/lib/domain/days";

type Row = { dimension: "bu" | "account" | "region" | "env" | "service"; value: string };

async function filterValues(db: Db, bu: string[] | undefined) {
  // Current rows only: a BU renamed a year ago is not a value to pick today. Keys: the open
  // versions; coverage: the intervals reaching the last rollup day (they end the day after it).
  // Environment "" (no tag) is not offered: the filter selects a tag value.
  const rows = await db.$queryRaw<Row[]>`
    WITH current AS (
      SELECT account_id, region, business_unit, environment, service::text AS service FROM coverage_interval
       WHERE valid_to = (SELECT max(valid_to) FROM coverage_interval) AND (${bu ?? null}::text[] IS NULL OR business_unit = ANY(${bu ?? null}::text[]))
      UNION ALL
      SELECT account_id, region, business_unit, environment, NULL FROM kms_key_version
       WHERE valid_to = ${OPEN_END_DATE} AND (${bu ?? null}::text[] IS NULL OR business_unit = ANY(${bu ?? null}::text[]))
    )
    SELECT DISTINCT 'bu' AS dimension, business_unit AS value FROM current
    UNION SELECT DISTINCT 'account', account_id FROM current
    UNION SELECT DISTINCT 'region', region FROM current
    UNION SELECT DISTINCT 'env', environment FROM current WHERE environment <> ''
    UNION SELECT DISTINCT 'service', service FROM current WHERE service IS NOT NULL`;
  const of = (dimension: Row["dimension"]) => rows.filter((r) => r.dimension === dimension).map((r) => r.value).sort();
  return {
    // Shown as the API shows BUs everywhere: "(untagged)" for the untagged one, sorted as labels.
    businessUnits: of("bu").map(buLabel).sort(),
    accounts: of("account"),
    regions: of("region"),
    environments: of("env"),
    services: of("service"),
  };
}

export const filtersEndpoint = defineEndpoint({
  route: "GET /api/filters",
  access: "read",
  params: z.strictObject({}),
  query: (db, { bu }: { bu?: string[] }) => filterValues(db, bu),
  cache: "generation",
});
