// GET /api/savings/compliance-cost: the what-if monthly cost of moving today's non-compliant
// resources (DOMAIN.md §6.2) to customer managed keys (§6.6), per business unit, priced two ways:
// - one key per BU × environment: one NEW key per distinct (BU, environment) of the non-compliant
//   resources. Existing CMKs are not reused: whether one fits (its BU, its policy, its grants) is
//   not something the inventory can tell, so the figure is the cost of a clean set of keys.
// - one key per application (the resource's application tag, setting applicationTagKey, the same
//   notion as SHARED_MASTER_KEY): one new key per distinct (BU, application). Resources without
//   the tag are not one "(no application)" key mixing environments: they fall back to one key per
//   (BU, environment), as in the first pricing.
// A key costs what the model prices a CMK at (lib/kpi/modeled-cost.ts, with the price overrides):
// the key-month plus the rotation surcharge. Compliance wants yearly automatic rotation, so a new
// key pays no surcharge in its first year, and the capped one (after rotationSurchargeMaxRotations
// rotations, i.e. from the third year at list prices) afterwards: both are given.
// Requests: a resource already on KMS (AWS managed key, unusable or unresolved key) makes the same
// calls at the same symmetric price on a CMK, so its request cost is unchanged; one moving from
// SSE-S3 or no encryption to SSE-KMS starts calling KMS at a volume nothing measures, so a BU with
// any such resource has no request figure (null), never $0.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dimensionParams } from "@/lib/api/params";
import type { Db } from "@/lib/db/client";
import { buLabel } from "@/lib/domain/business-unit";
import { OPEN_END } from "@/lib/domain/days";
import { type DimensionFilters } from "@/lib/domain/dimensions";
import { roundMoney } from "@/lib/domain/money";
import { applyPriceOverrides, type KmsPrices } from "@/lib/domain/prices";
import { modeledMonthlyKeyCost } from "@/lib/kpi/modeled-cost";
import { latestSnapshotDay } from "@/lib/queries/kpi/as-of";
import { SqlParams, dimensionConditions } from "@/lib/queries/kpi/sql";
import { loadPolicySettings } from "@/lib/settings/load";

interface Counts {
  /** Non-compliant resources today. */
  resources: number;
  /** Of which UNENCRYPTED or SSE_S3: they would start calling KMS. */
  resourcesNewToKms: number;
  keysPerBuEnv: number;
  keysPerApplication: number;
}

interface Row {
  business_unit: string;
  resources: number;
  new_to_kms: number;
  keys_per_bu_env: number;
  keys_per_application: number;
}

// The partial indexes on current non-compliant versions (migration 20261123090000) match only
// the literal open end, hence interpolated rather than bound.
const NON_COMPLIANT_PER_BU = `
SELECT business_unit,
  count(*)::int AS resources,
  count(*) FILTER (WHERE non_compliant_reason IN ('UNENCRYPTED', 'SSE_S3'))::int AS new_to_kms,
  count(DISTINCT environment)::int AS keys_per_bu_env,
  count(DISTINCT (application, CASE WHEN application = '' THEN environment ELSE '' END))::int AS keys_per_application
FROM storage_resource_version
WHERE valid_to = '${OPEN_END}'::date AND non_compliant_reason IS NOT NULL`;

async function countsPerBu(db: Db, filters: DimensionFilters): Promise<Row[]> {
  const params = new SqlParams();
  const conditions = dimensionConditions(filters, params).map((c) => ` AND ${c}`).join("");
  return db.$queryRawUnsafe<Row[]>(`${NON_COMPLIANT_PER_BU}${conditions} GROUP BY business_unit ORDER BY business_unit`, ...params.values);
}

/** Monthly storage + rotation cost of one new CMK, in its first year and once the surcharge is capped. */
function newKeyMonth(prices: KmsPrices) {
  const key = (rotationCount: number) => modeledMonthlyKeyCost({ keyManager: "CUSTOMER", keyState: "Enabled", rotationCount }, prices).total;
  return { firstYear: key(0), capped: key(prices.rotationSurchargeMaxRotations), cappedAfterRotations: prices.rotationSurchargeMaxRotations };
}

function priced(counts: Counts, perKey: ReturnType<typeof newKeyMonth>) {
  return {
    ...counts,
    monthlyPerBuEnv: roundMoney(counts.keysPerBuEnv * perKey.firstYear),
    monthlyPerBuEnvCapped: roundMoney(counts.keysPerBuEnv * perKey.capped),
    monthlyPerApplication: roundMoney(counts.keysPerApplication * perKey.firstYear),
    monthlyPerApplicationCapped: roundMoney(counts.keysPerApplication * perKey.capped),
    /** "unchanged" when every resource is already on KMS; null (no data) when any starts calling it. */
    requestCost: counts.resourcesNewToKms > 0 ? null : ("unchanged" as const),
  };
}

export const complianceCostEndpoint = defineEndpoint({
  route: "GET /api/savings/compliance-cost",
  access: "read",
  // Counts every current non-compliant resource (0.6 s at a million resources): computed once per
  // data generation and scope, as everyone opening the Savings page between two ingestions asks the same.
  cache: "generation",
  params: z.strictObject({ bu: dimensionParams.bu, account: dimensionParams.account, env: dimensionParams.env }),
  query: async (db, params) => {
    const [settings, rows, day] = await Promise.all([loadPolicySettings(db), countsPerBu(db, params), latestSnapshotDay(db)]);
    const perKey = newKeyMonth(applyPriceOverrides(settings.priceOverrides));
    const counts: Counts[] = rows.map((r) => ({ resources: r.resources, resourcesNewToKms: r.new_to_kms, keysPerBuEnv: r.keys_per_bu_env, keysPerApplication: r.keys_per_application }));
    // Keys are per (BU, ...) pair, so the organization's keys are the sum of the BUs'.
    const sum = (field: keyof Counts) => counts.reduce((a, c) => a + c[field], 0);
    return {
      day,
      perKeyMonth: perKey,
      businessUnits: rows.map((r, i) => ({ businessUnit: buLabel(r.business_unit), ...priced(counts[i]!, perKey) })),
      total: priced({ resources: sum("resources"), resourcesNewToKms: sum("resourcesNewToKms"), keysPerBuEnv: sum("keysPerBuEnv"), keysPerApplication: sum("keysPerApplication") }, perKey),
    };
  },
});
