// The stored Bucket Key savings (bucket_key_savings, priced in the rollup step) read back as the
// report the API served when it priced the buckets per request: on the small demo organization,
// every filter and page of GET /api/savings/bucket-keys equals the in-memory computation
// (computeBucketKeySavings, the former per-request path) filtered, paged and summed the way the
// former report did (bucketKeySavingsTotals: each saving rounded, summed exactly).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as bucketKeys } from "@/app/api/savings/bucket-keys/route";
import { loadDemo } from "@/lib/demo/load";
import { buLabel } from "@/lib/domain/business-unit";
import { bucketKeySavingsTotals } from "@/lib/kpi/bucket-key-savings";
import { bucketKeySavingsReport } from "@/lib/queries/kpi/bucket-key-savings";
import { computeBucketKeySavings, recomputeBucketKeySavings, type OrganizationBucketKeySavings } from "@/lib/rollups/bucket-key-savings";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { resetTables, testDb } from "../support/db";
import { call } from "../api/call";

const db = testDb();
let inMemory: OrganizationBucketKeySavings;

beforeAll(async () => {
  await resetTables(db);
  // loadDemo runs the rollups, bucket_key_savings included.
  await loadDemo(db, { seed: 42, scale: "small", endDay: "2026-03-31" }, defaultPolicySettings);
  // Two buckets whose key is unknown (unresolved reference): "no data", never a silent $0.
  await db.$executeRawUnsafe(
    `UPDATE storage_resource_version SET key_arn = NULL WHERE resource_arn IN (SELECT resource_arn FROM bucket_key_savings ORDER BY position DESC LIMIT 2) AND valid_to = '9999-12-31'`,
  );
  await recomputeBucketKeySavings(db);
  inMemory = await computeBucketKeySavings(db);
});
afterAll(() => db.$disconnect());

/** The former report: the organization's list filtered in memory, its totals, one page. */
function formerReport(query: { bu?: string[]; account?: string[]; page: number; pageSize: number }) {
  const rows = inMemory.rows.filter((r) => (!query.bu || query.bu.includes(r.businessUnit)) && (!query.account || query.account.includes(r.accountId)));
  const totals = bucketKeySavingsTotals(rows);
  return {
    reduction: inMemory.reduction,
    perKeyRequestData: inMemory.perKeyRequestData,
    totals,
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map((r) => ({ ...r, businessUnit: buLabel(r.businessUnit) })),
  };
}

describe("bucket_key_savings", () => {
  it("holds every candidate bucket with all three bases, the fixture covering shared keys and unknown volumes", async () => {
    const bases = new Set(inMemory.rows.map((r) => r.basis));
    expect(bases).toEqual(new Set(["exact", "estimated-shared", "no-data"]));
    expect(await db.bucketKeySavings.count()).toBe(inMemory.rows.length);
    expect(inMemory.rows.length).toBeGreaterThan(50);
  });

  it("reads back the former report for the whole organization, pages, a BU and an account", async () => {
    const aBu = inMemory.rows.find((r) => r.basis === "estimated-shared")!.businessUnit;
    const anAccount = inMemory.rows.find((r) => r.basis === "exact")!.accountId;
    const queries = [
      { page: 1, pageSize: 500 },
      { page: 3, pageSize: 7 },
      { bu: [aBu], page: 1, pageSize: 500 },
      { bu: [aBu, ""], page: 2, pageSize: 5 },
      { account: [anAccount], page: 1, pageSize: 500 },
      { bu: [aBu], account: [anAccount], page: 1, pageSize: 500 },
    ];
    for (const query of queries) {
      const { caveats, ...stored } = await bucketKeySavingsReport(db, query);
      expect(caveats).toHaveLength(2);
      // Same figures to the last digit, same order, same JSON.
      const former = formerReport(query);
      expect(stored, JSON.stringify(query)).toEqual(former);
      expect(JSON.stringify(stored)).toBe(JSON.stringify(former));
    }
  });

  it("serves the stored list from the API, totals summed exactly", async () => {
    const { body } = await call(bucketKeys, "/api/savings/bucket-keys?pageSize=500");
    const former = formerReport({ page: 1, pageSize: 500 });
    expect(body.totals).toEqual(former.totals);
    expect(body.items).toEqual(former.items);
    expect(body.totals.exact).toBeGreaterThan(0);
  });

  it("is replaced whole by a recompute, and empty when nothing is a candidate any more", async () => {
    await db.$executeRawUnsafe(`UPDATE storage_resource_version SET bucket_key_enabled = true WHERE valid_to = '9999-12-31' AND service = 'S3'`);
    // Still the previous list until the rollup runs: readers never see it half priced.
    expect((await bucketKeySavingsReport(db, { page: 1, pageSize: 10 })).total).toBe(inMemory.rows.length);
    expect(await recomputeBucketKeySavings(db)).toEqual({ buckets: 0 });
    const after = await bucketKeySavingsReport(db, { page: 1, pageSize: 10 });
    expect([after.total, after.items, after.totals]).toEqual([0, [], { exact: 0, estimated: 0, buckets: 0, noData: 0 }]);
  });
});
