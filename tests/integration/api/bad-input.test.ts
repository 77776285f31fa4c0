// Input problems are 400s naming the parameter, in the one error shape; never 500s.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as chargeback } from "@/app/api/costs/chargeback/route";
import { GET as costsByBu } from "@/app/api/costs/by-bu/route";
import { GET as modeled } from "@/app/api/costs/modeled/route";
import { GET as coverage } from "@/app/api/coverage/route";
import { GET as findings } from "@/app/api/findings/route";
import { GET as keyDetail } from "@/app/api/keys/[arn]/route";
import { GET as keys } from "@/app/api/keys/route";
import { GET as mttp } from "@/app/api/mttp/route";
import { GET as noncompliantResources } from "@/app/api/resources/noncompliant/route";
import { GET as runs } from "@/app/api/runs/route";
import { PUT as putSettings } from "@/app/api/settings/route";
import { resetTables, testDb } from "../support/db";
import { call } from "./call";

const db = testDb();
beforeAll(() => resetTables(db));
afterAll(() => db.$disconnect());

const cases: [string, Parameters<typeof call>[0], string, string][] = [
  ["a malformed day", coverage, "/api/coverage?from=2026-13-01", "from: must be a day YYYY-MM-DD"],
  ["an impossible day", coverage, "/api/coverage?to=2026-02-30", "to: must be a day YYYY-MM-DD"],
  ["a reversed range", coverage, "/api/coverage?from=2026-03-02&to=2026-03-01", "from: must not be after to"],
  ["an unknown service", coverage, "/api/coverage?service=EBS,S4", "service."],
  ["a bad account id", coverage, "/api/coverage?account=12345", "account."],
  ["an unknown groupBy", coverage, "/api/coverage?groupBy=colour", "groupBy:"],
  ["an unknown parameter", coverage, "/api/coverage?form=2026-01-01", "form: is not a known parameter"],
  ["a repeated parameter", coverage, "/api/coverage?bu=a&bu=b", "bu: is given more than once"],
  ["a page size over 500", keys, "/api/keys?pageSize=501", "pageSize:"],
  ["a page of 0", keys, "/api/keys?page=0", "page:"],
  ["a non-numeric page", noncompliantResources, "/api/resources/noncompliant?page=two", "page:"],
  ["an unknown sort", keys, "/api/keys?sort=colour", "sort: must be one of"],
  ["an unknown manager", keys, "/api/keys?manager=SOMEONE", "manager."],
  ["an unknown reason", noncompliantResources, "/api/resources/noncompliant?reason=SSE_S3,LAZY", "reason."],
  ["an unknown finding code", findings, "/api/findings?code=NOPE", "code."],
  ["an unknown granularity", costsByBu, "/api/costs/by-bu?granularity=week", "granularity: must be day or month"],
  ["an unknown reallocation", chargeback, "/api/costs/chargeback?allocation=even", "allocation: must be direct or proportional"],
  ["a malformed month", modeled, "/api/costs/modeled?month=2026-3", "month: must be a month YYYY-MM"],
  ["a malformed mttp range", mttp, "/api/mttp?from=yesterday", "from: must be a day YYYY-MM-DD"],
  ["an unknown run status", runs, "/api/runs?status=DONE", "status."],
];

describe("bad parameters", () => {
  it.each(cases)("%s → 400 naming it", async (_name, handler, path, message) => {
    const { status, body } = await call(handler, path);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain(message);
  });

  it("refuses a key ARN that is not one, and 404s a well-formed unknown key", async () => {
    const bad = await call(keyDetail, "/api/keys/x", { params: { arn: "not-an-arn" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^arn:/);
    const unknown = await call(keyDetail, "/api/keys/x", { params: { arn: encodeURIComponent("arn:aws:kms:eu-west-1:111122223333:key/abc") } });
    expect(unknown.status).toBe(404);
  });

  it("refuses a settings body that is not a JSON object, or a wrong type, naming it", async () => {
    const notObject = await call(putSettings, "/api/settings", { method: "PUT", body: [1, 2] });
    expect(notObject.status).toBe(400);
    expect(notObject.body.error.message).toContain("body:");
    const wrongType = await call(putSettings, "/api/settings", { method: "PUT", body: { targets: { coverageByCount: 140 } } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toContain("targets.coverageByCount");
  });
});

describe("an empty database", () => {
  it("answers with empty results, not errors", async () => {
    expect((await call(coverage, "/api/coverage")).body).toMatchObject({ from: null, to: null, points: [] });
    expect((await call(keys, "/api/keys")).body).toMatchObject({ total: 0, items: [] });
    expect((await call(costsByBu, "/api/costs/by-bu")).body.rows).toEqual([]);
    expect((await call(mttp, "/api/mttp")).body.summary).toMatchObject({ keys: 0, meanDays: null });
  });
});
