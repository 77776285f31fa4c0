// GET /api/resources: every in-scope resource as of a day, by encryption class (issue 19: the rows
// behind a coverage tile). A hand-made estate, every figure below computed by hand:
//   account A (111…), payments, us-east-1:
//     a-cmk (S3 on a CMK, prod, 100 B), a-cmk-off (EBS on a disabled CMK, prod: KEY_UNUSABLE, 400 B),
//     a-sse (S3 SSE-S3, prod: SSE_S3, 300 B), a-dev-aws (EBS on aws/ebs, dev: compliant, 500 B)
//   account B (222…), analytics, eu-west-1:
//     b-none (RDS unencrypted, prod: UNENCRYPTED, size unknown), b-unknown (S3, key not in the
//     inventory, prod: UNKNOWN_KEY, 50 B), b-sse-dev (S3 SSE-S3, dev: compliant, 200 B)
//   History: b-old (S3 SSE-S3, dev) existed 2026-11-01..2026-11-09 only.
// Ties break by ARN (arn:aws:ec2… before arn:aws:rds… before arn:aws:s3…). Coverage by count on the latest day: 2 on a CMK (a-cmk, a-cmk-off) of 7 → 5 not on a CMK, of
// which 2 compliant (a-dev-aws, b-sse-dev); the non-compliant list has 4 (KEY_UNUSABLE is on a CMK).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as resourcesApi } from "@/app/api/resources/route";
import { GET as noncompliantApi } from "@/app/api/resources/noncompliant/route";
import { GET as overviewApi } from "@/app/api/overview/route";
import { dayToDate } from "@/lib/domain/days";
import { recomputeCoverage } from "@/lib/rollups/coverage";
import { markFresh } from "@/lib/store/freshness";
import { listConditions, readResourcePage, validOn } from "@/lib/queries/kpi/resource-page";
import { SqlParams } from "@/lib/queries/kpi/sql";
import { resetTables, testDb } from "../support/db";
import { call, type Json } from "./call";

const db = testDb();
const A = "111111111111";
const B = "222222222222";
afterAll(() => db.$disconnect());

type Class = "CUSTOMER_KMS" | "AWS_MANAGED_KMS" | "SSE_S3" | "NONE" | "UNKNOWN";
type Reason = "KEY_UNUSABLE" | "SSE_S3" | "UNENCRYPTED" | "UNKNOWN_KEY" | null;
const NOT_ON_A_CMK = "NONE,SSE_S3,AWS_MANAGED_KMS,UNKNOWN";

beforeAll(async () => {
  await resetTables(db);
  // ARNs as AWS writes them: a bucket's has no region or account; a volume is named by its id
  // (its name is the Name tag), a DB instance by its identifier.
  let volumes = 0;
  const arnOf = (service: "S3" | "EBS" | "RDS", name: string, region: string, account: string) =>
    service === "S3" ? `arn:aws:s3:::${name}`
    : service === "EBS" ? `arn:aws:ec2:${region}:${account}:volume/vol-0${(++volumes).toString(16).padStart(16, "0")}`
    : `arn:aws:rds:${region}:${account}:db:${name}`;
  const resource = (
    name: string, account: string, service: "S3" | "EBS" | "RDS", encryptionClass: Class, env: string, reason: Reason, sizeBytes: bigint | null,
    validFrom = "2026-11-01", validTo = "9999-12-31",
  ) => ({
    resourceArn: arnOf(service, name, account === A ? "us-east-1" : "eu-west-1", account), accountId: account, region: account === A ? "us-east-1" : "eu-west-1", service, name,
    businessUnit: account === A ? "payments" : "analytics", environment: env, encryptionClass, sizeBytes, validFrom: dayToDate(validFrom), validTo: dayToDate(validTo),
    contentHash: name, requiresCmk: env === "prod", nonCompliantReason: reason, nonCompliantSince: reason ? dayToDate("2026-11-03") : null,
  });
  await db.storageResourceVersion.createMany({
    data: [
      resource("a-cmk", A, "S3", "CUSTOMER_KMS", "prod", null, 100n),
      resource("a-cmk-off", A, "EBS", "CUSTOMER_KMS", "prod", "KEY_UNUSABLE", 400n),
      resource("a-sse", A, "S3", "SSE_S3", "prod", "SSE_S3", 300n),
      resource("a-dev-aws", A, "EBS", "AWS_MANAGED_KMS", "dev", null, 500n),
      resource("b-none", B, "RDS", "NONE", "prod", "UNENCRYPTED", null),
      resource("b-unknown", B, "S3", "UNKNOWN", "prod", "UNKNOWN_KEY", 50n),
      resource("b-sse-dev", B, "S3", "SSE_S3", "dev", null, 200n),
      resource("b-old", B, "S3", "SSE_S3", "dev", null, 10n, "2026-11-01", "2026-11-10"),
    ],
  });
  await recomputeCoverage(db, "2026-11-01", "2026-12-05");
  await markFresh(db, { source: "inventory", day: "2026-12-05", runId: null, scopes: [{ accountId: A, region: "us-east-1" }] });
});

async function list(query: string): Promise<{ day: string; total: number; items: Json[] }> {
  const { status, body } = await call(resourcesApi, `/api/resources${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}
const names = (body: { items: Json[] }) => body.items.map((r) => r.name);

describe("GET /api/resources", () => {
  it("lists every in-scope resource of the latest day by name, compliant or not, with its class and reason", async () => {
    const body = await list("");
    expect(body.day).toBe("2026-12-05");
    expect(body.total).toBe(7);
    expect(names(body)).toEqual(["a-cmk", "a-cmk-off", "a-dev-aws", "a-sse", "b-none", "b-sse-dev", "b-unknown"]);
    const devAws = body.items.find((r) => r.name === "a-dev-aws")!;
    expect(devAws).toMatchObject({ encryptionClass: "AWS_MANAGED_KMS", reason: null, since: null, requiresCmk: false, sizeBytes: "500", businessUnit: "payments" });
    expect(body.items.find((r) => r.name === "a-sse")).toMatchObject({ reason: "SSE_S3", since: "2026-11-03", requiresCmk: true });
  });

  it("not on a CMK: the coverage tile's complement, more than the non-compliant list", async () => {
    const body = await list(`?encryption=${NOT_ON_A_CMK}`);
    expect(names(body)).toEqual(["a-dev-aws", "a-sse", "b-none", "b-sse-dev", "b-unknown"]);
    const overview = await call(overviewApi, "/api/overview");
    const org = overview.body.tiles.coverage;
    expect([org.cmkResources, org.resources]).toEqual([2, 7]);
    expect(body.total).toBe(org.resources - org.cmkResources);
    // The non-compliant list holds a-cmk-off (on a CMK, unusable) and not the two dev resources.
    const noncompliant = await call(noncompliantApi, "/api/resources/noncompliant?sort=name");
    expect(noncompliant.body.items.map((r: Json) => r.name)).toEqual(["a-cmk-off", "a-sse", "b-none", "b-unknown"]);
    expect(names(await list(`?encryption=${NOT_ON_A_CMK}&compliance=compliant`))).toEqual(["a-dev-aws", "b-sse-dev"]);
    expect(names(await list("?compliance=noncompliant"))).toEqual(["a-cmk-off", "a-sse", "b-none", "b-unknown"]);
  });

  it("follows the filter bar's dimensions and the search", async () => {
    expect(names(await list(`?encryption=${NOT_ON_A_CMK}&account=${A}`))).toEqual(["a-dev-aws", "a-sse"]);
    expect(names(await list(`?encryption=${NOT_ON_A_CMK}&region=eu-west-1&service=S3`))).toEqual(["b-sse-dev", "b-unknown"]);
    expect(names(await list("?env=dev"))).toEqual(["a-dev-aws", "b-sse-dev"]);
    expect(names(await list("?bu=analytics&search=SSE"))).toEqual(["b-sse-dev"]);
    expect(names(await list("?encryption=CUSTOMER_KMS"))).toEqual(["a-cmk", "a-cmk-off"]);
  });

  it("sorts by size largest first with unknown sizes last, by class weakest first, and pages", async () => {
    expect(names(await list(`?encryption=${NOT_ON_A_CMK}&sort=-size`))).toEqual(["a-dev-aws", "a-sse", "b-sse-dev", "b-unknown", "b-none"]);
    expect(names(await list("?sort=encryption"))).toEqual(["b-none", "a-sse", "b-sse-dev", "a-dev-aws", "a-cmk-off", "a-cmk", "b-unknown"]);
    // One since for all four non-compliant (ARN order among them), the compliant three after them.
    expect(names(await list("?sort=-since")).slice(0, 4)).toEqual(["a-cmk-off", "b-none", "a-sse", "b-unknown"]);
    const second = await list("?pageSize=3&page=2");
    expect([second.total, names(second)]).toEqual([7, ["a-sse", "b-none", "b-sse-dev"]]);
  });

  it("as of an earlier day, lists the resources of that day", async () => {
    const body = await list("?day=2026-11-05&encryption=SSE_S3");
    expect([body.day, names(body)]).toEqual(["2026-11-05", ["a-sse", "b-old", "b-sse-dev"]]);
  });
});

describe("a page read filter-first or in index order", () => {
  // Narrow filters are read filter-first, wide ones by walking the sort's index (resource-page.ts):
  // the two must give the same rows, whichever the total picks.
  it.each(["v.name ASC", "v.size_bytes DESC NULLS LAST", "v.encryption_class ASC", "v.non_compliant_since DESC NULLS LAST"])("gives the same pages ordered by %s", async (orderBy) => {
    const read = async (page: number, filterFirstBelow: number) => {
      const params = new SqlParams();
      const conditions = [...(await validOn(db, "2026-12-05", params)), ...listConditions({ account: [A, B] }, undefined, params)];
      return readResourcePage(db, { day: "2026-12-05", conditions, params, orderBy, page, pageSize: 3 }, filterFirstBelow);
    };
    for (const page of [1, 2, 3]) {
      const [filterFirst, indexOrder] = [await read(page, Number.MAX_SAFE_INTEGER), await read(page, 0)];
      expect(filterFirst).toEqual(indexOrder);
      expect(filterFirst.total).toBe(7);
    }
  });
});
