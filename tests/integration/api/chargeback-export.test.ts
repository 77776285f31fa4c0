// GET /api/export/chargeback against a hand-computed fixture: the exact CSV bytes Postgres writes
// through COPY (FOCUS columns, quoting, empty fields, proportional splits in 1e-10 units, money without padding), the
// 400s, and that the COPY connections go back to their pool when a download is abandoned.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { runWithPrincipal } from "@/lib/auth/context";
import { TEST_ADMIN } from "./call";
import { GET } from "@/app/api/export/chargeback/route";
import { db as appDb } from "@/lib/db/client";
import { resetTables, testDb } from "../support/db";

// Behind the access layer as the AUTH_MODE=none local admin (access is tests/integration/auth).
process.env.AUTH_MODE ??= "none";

const db = testDb();

// Feb: Payments 3 + Retail 1 tagged → 0.75 / 0.25. Mar: A, B, C 1 each → 1/3 each.
// Apr: X 1 + Y 2 → 1/3, 2/3. May: no tagged cost → untagged stays unallocated.
beforeAll(async () => {
  await resetTables(db);
  await db.$executeRawUnsafe(`INSERT INTO account (account_id, name, organizational_unit, first_seen_at, last_seen_at) VALUES
    ('111122223333', 'payments-prod', 'ou', now(), now()), ('444455556666', 'Shop, "EU"', 'ou', now(), now())`);
  await db.$executeRawUnsafe(`INSERT INTO kms_cost_daily (day, account_id, business_unit, cost_center, usage_type, region, category, unblended_cost, usage_quantity) VALUES
    ('2026-02-03', '111122223333', 'Payments', 'cc-1', 'USE1-KMS-Keys', 'us-east-1', 'KEYS', 3, 3),
    ('2026-02-03', '444455556666', 'Retail', '', 'EU-KMS-Keys', 'eu-west-1', 'KEYS', 1, 1),
    ('2026-02-28', '111122223333', '', '', 'USE1-KMS-Requests', 'us-east-1', 'REQUESTS', 1, 300),
    ('2026-03-01', '111122223333', 'A', '', 'u', 'us-east-1', 'KEYS', 1, 1),
    ('2026-03-01', '111122223333', 'B', '', 'u', 'us-east-1', 'KEYS', 1, 1),
    ('2026-03-01', '111122223333', 'C', '', 'u', 'us-east-1', 'KEYS', 1, 1),
    ('2026-03-31', '444455556666', '', '', 'x', 'eu-west-1', 'OTHER', 0.00000001, 1),
    ('2026-04-30', '111122223333', 'X', '', 'u', 'us-east-1', 'KEYS', 1, 1),
    ('2026-04-30', '111122223333', 'Y', '', 'u', 'us-east-1', 'KEYS', 2, 1),
    ('2026-04-30', '444455556666', '', '', 'x', 'eu-west-1', 'REQUESTS', 1, 3),
    ('2026-05-15', '999999999999', '', '', 'z', 'ap-south-1', 'REQUESTS', 0.5, 10)`);
});
afterAll(async () => {
  await appDb().$disconnect(); // the route's client
  await db.$disconnect();
});

const get = (query: string, principal = TEST_ADMIN) =>
  runWithPrincipal(principal, () => GET(new NextRequest(new URL(`/api/export/chargeback?${query}`, "http://127.0.0.1"))));

const HEADER =
  "BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,SubAccountId,SubAccountName,RegionId,ServiceName,ChargeCategory," +
  "ConsumedQuantity,ConsumedUnit,BilledCost,BillingCurrency,x_BusinessUnit,x_UsageType,x_CostCategory,x_AllocationMethod,x_AllocationShare,ChargeClass,ResourceId,x_CostSource";
const KMS = "AWS Key Management Service,Usage";
const SHOP = `444455556666,"Shop, ""EU"""`;
const TAG = "direct:business-unit-tag,1";
const NONE = "direct:untagged-not-reallocated,1";
const PROP = "proportional:untagged-by-tagged-cost-share";

const FEB_TAGGED = [
  `2026-02-01T00:00:00Z,2026-03-01T00:00:00Z,2026-02-03T00:00:00Z,2026-02-04T00:00:00Z,111122223333,payments-prod,us-east-1,${KMS},3.0000,Keys,3,USD,Payments,USE1-KMS-Keys,KEYS,${TAG}`,
  `2026-02-01T00:00:00Z,2026-03-01T00:00:00Z,2026-02-03T00:00:00Z,2026-02-04T00:00:00Z,${SHOP},eu-west-1,${KMS},1.0000,Keys,1,USD,Retail,EU-KMS-Keys,KEYS,${TAG}`,
];
const FEB_UNTAGGED = "2026-02-01T00:00:00Z,2026-03-01T00:00:00Z,2026-02-28T00:00:00Z,2026-03-01T00:00:00Z,111122223333,payments-prod,us-east-1";
const MAR_TAGGED = ["A", "B", "C"].map((bu) => `2026-03-01T00:00:00Z,2026-04-01T00:00:00Z,2026-03-01T00:00:00Z,2026-03-02T00:00:00Z,111122223333,payments-prod,us-east-1,${KMS},1.0000,Keys,1,USD,${bu},u,KEYS,${TAG}`);
const MAR_UNTAGGED = `2026-03-01T00:00:00Z,2026-04-01T00:00:00Z,2026-03-31T00:00:00Z,2026-04-01T00:00:00Z,${SHOP},eu-west-1,${KMS}`;
const APR_TAGGED = [
  `2026-04-01T00:00:00Z,2026-05-01T00:00:00Z,2026-04-30T00:00:00Z,2026-05-01T00:00:00Z,111122223333,payments-prod,us-east-1,${KMS},1.0000,Keys,1,USD,X,u,KEYS,${TAG}`,
  `2026-04-01T00:00:00Z,2026-05-01T00:00:00Z,2026-04-30T00:00:00Z,2026-05-01T00:00:00Z,111122223333,payments-prod,us-east-1,${KMS},1.0000,Keys,2,USD,Y,u,KEYS,${TAG}`,
];
const APR_UNTAGGED = `2026-04-01T00:00:00Z,2026-05-01T00:00:00Z,2026-04-30T00:00:00Z,2026-05-01T00:00:00Z,${SHOP},eu-west-1,${KMS}`;
// No account row: the name is empty, unquoted.
const MAY = `2026-05-01T00:00:00Z,2026-06-01T00:00:00Z,2026-05-15T00:00:00Z,2026-05-16T00:00:00Z,999999999999,,ap-south-1,${KMS},10.0000,Requests,0.5,USD,(untagged),z,REQUESTS,${NONE}`;

// Cost Explorer rows: no ChargeClass, no ResourceId, source CostExplorer (no bill imported here).
const csv = (lines: string[]) => `${[HEADER, ...lines.map((l) => `${l},,,CostExplorer`)].join("\n")}\n`;

describe("chargeback CSV export", () => {
  it("writes one FOCUS row per cost row under direct allocation, with the file's headers", async () => {
    const res = await get("");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="kms-chargeback-2026-02-to-2026-05-direct.csv"');
    expect(res.headers.get("x-allocation-method")).toBe("direct");
    expect(await res.text()).toBe(
      csv([
        ...FEB_TAGGED,
        `${FEB_UNTAGGED},${KMS},300.0000,Requests,1,USD,(untagged),USE1-KMS-Requests,REQUESTS,${NONE}`,
        ...MAR_TAGGED,
        `${MAR_UNTAGGED},1.0000,,0.00000001,USD,(untagged),x,OTHER,${NONE}`,
        ...APR_TAGGED,
        `${APR_UNTAGGED},3.0000,Requests,1,USD,(untagged),x,REQUESTS,${NONE}`,
        MAY,
      ]),
    );
  });

  it("spreads untagged cost by the month's tagged shares, the last part taking the remainder", async () => {
    const res = await get("allocation=proportional&from=2026-02&to=2026-05");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="kms-chargeback-2026-02-to-2026-05-proportional.csv"');
    expect(await res.text()).toBe(
      csv([
        ...FEB_TAGGED,
        `${FEB_UNTAGGED},${KMS},225.0000,Requests,0.75,USD,Payments,USE1-KMS-Requests,REQUESTS,${PROP},0.750000`,
        `${FEB_UNTAGGED},${KMS},75.0000,Requests,0.25,USD,Retail,USE1-KMS-Requests,REQUESTS,${PROP},0.250000`,
        ...MAR_TAGGED,
        // 1e-8 = 100 units of 1e-10 over three equal shares: 33, 33, and the remainder (34) on the last.
        `${MAR_UNTAGGED},0.3333,,0.0000000033,USD,A,x,OTHER,${PROP},0.333333`,
        `${MAR_UNTAGGED},0.3333,,0.0000000033,USD,B,x,OTHER,${PROP},0.333333`,
        `${MAR_UNTAGGED},0.3333,,0.0000000034,USD,C,x,OTHER,${PROP},0.333333`,
        ...APR_TAGGED,
        `${APR_UNTAGGED},1.0000,Requests,0.3333333333,USD,X,x,REQUESTS,${PROP},0.333333`,
        `${APR_UNTAGGED},2.0000,Requests,0.6666666667,USD,Y,x,REQUESTS,${PROP},0.666667`,
        MAY,
      ]),
    );
  });

  it("filters by business unit after reallocation, and by account, region and period", async () => {
    expect(await (await get("allocation=proportional&bu=Retail")).text()).toBe(
      csv([FEB_TAGGED[1]!, `${FEB_UNTAGGED},${KMS},75.0000,Requests,0.25,USD,Retail,USE1-KMS-Requests,REQUESTS,${PROP},0.250000`]),
    );
    expect(await (await get("allocation=proportional&bu=(untagged)")).text()).toBe(csv([MAY]));
    expect(await (await get("account=444455556666&from=2026-03-31&to=2026-04")).text()).toBe(
      csv([`${MAR_UNTAGGED},1.0000,,0.00000001,USD,(untagged),x,OTHER,${NONE}`, `${APR_UNTAGGED},3.0000,Requests,1,USD,(untagged),x,REQUESTS,${NONE}`]),
    );
    // A value that would break out of a SQL literal is just a region nobody has.
    expect(await (await get(`region=${encodeURIComponent("x' OR '1'='1")}&allocation=proportional`)).text()).toBe(csv([]));
    expect(await (await get("from=2027-01&to=2027-02")).text()).toBe(csv([]));
    // Months touching the range are whole, as in /api/costs/chargeback: the 20th reads all of May.
    expect(await (await get("from=2026-05-20&to=2026-05-20")).text()).toBe(csv([MAY]));
  });

  it("answers 400 with the parameter's name before streaming anything", async () => {
    const cases: [string, string][] = [
      ["allocation=sideways", "Parameter allocation must be direct or proportional"],
      ["from=2026-02-30", "Parameter from is not a calendar month or day: 2026-02-30"],
      ["from=2026-05&to=2026-02", "Parameter from (2026-05) is after to (2026-02)"],
      ["format=xlsx", "Unknown parameter format"],
      ["reallocate=none", "Parameter reallocate was renamed allocation (direct or proportional)"],
    ];
    for (const [query, message] of cases) {
      const res = await get(query);
      expect(res.status).toBe(400);
      expect((await res.json()) as unknown).toEqual({ error: { code: "bad_request", message } });
    }
  });

  it("neutralises spreadsheet formulas in text cells, numbers (negative too) stay numbers", async () => {
    await db.$executeRawUnsafe(`INSERT INTO account (account_id, name, organizational_unit, first_seen_at, last_seen_at) VALUES
      ('777788889999', '=HYPERLINK("http://x")', 'ou', now(), now())`);
    await db.$executeRawUnsafe(`INSERT INTO kms_cost_daily (day, account_id, business_unit, cost_center, usage_type, region, category, unblended_cost, usage_quantity) VALUES
      ('2026-07-01', '777788889999', '+cmd', '', '@x', 'us-east-1', 'KEYS', -1.5, 1),
      ('2026-07-02', '777788889999', E'\\tTab', '', '-y', 'us-east-1', 'KEYS', 1, 1)`);
    expect(await (await get("from=2026-07&to=2026-07")).text()).toBe(
      csv([
        `2026-07-01T00:00:00Z,2026-08-01T00:00:00Z,2026-07-01T00:00:00Z,2026-07-02T00:00:00Z,777788889999,"'=HYPERLINK(""http://x"")",us-east-1,${KMS},1.0000,Keys,-1.5,USD,'+cmd,'@x,KEYS,${TAG}`,
        `2026-07-01T00:00:00Z,2026-08-01T00:00:00Z,2026-07-02T00:00:00Z,2026-07-03T00:00:00Z,777788889999,"'=HYPERLINK(""http://x"")",us-east-1,${KMS},1.0000,Keys,1,USD,'\tTab,'-y,KEYS,${TAG}`,
      ]),
    );
    // The filter takes the BU as tagged; only the cell is neutralised.
    expect(await (await get(`from=2026-07&to=2026-07&allocation=proportional&bu=${encodeURIComponent("+cmd")}`)).text()).toBe(
      csv([
        `2026-07-01T00:00:00Z,2026-08-01T00:00:00Z,2026-07-01T00:00:00Z,2026-07-02T00:00:00Z,777788889999,"'=HYPERLINK(""http://x"")",us-east-1,${KMS},1.0000,Keys,-1.5,USD,'+cmd,'@x,KEYS,${TAG}`,
      ]),
    );
  });

  it("gives the connection back when a download is abandoned half-way", async () => {
    // ~6 MB of CSV: far more than one chunk, so cancelling interrupts a running COPY.
    await db.$executeRawUnsafe(`INSERT INTO kms_cost_daily (day, account_id, business_unit, cost_center, usage_type, region, category, unblended_cost, usage_quantity)
      SELECT '2026-06-01'::date + (i % 28), '111122223333', 'bu-' || (i / 28), '', 'u', 'us-east-1', 'KEYS', 1, 1 FROM generate_series(0, 29999) i`);
    // More abandoned downloads than the pool has connections (4): a leak would hang the next one.
    for (let i = 0; i < 6; i++) {
      const reader = (await get("from=2026-06&to=2026-06")).body!.getReader();
      expect((await reader.read()).done).toBe(false);
      await reader.cancel();
    }
    const text = await (await get("from=2026-06&to=2026-06")).text();
    expect(text.split("\n")).toHaveLength(30_000 + 2); // header, rows, trailing newline
    // Postgres is not left running the abandoned COPYs.
    await new Promise((r) => setTimeout(r, 200));
    const [active] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'COPY%'`,
    );
    expect(active?.n).toBe(0);
  });
});
