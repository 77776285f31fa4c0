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
import { GET as resources } from "@/app/api/resources/route";
import { GET as runs } from "@/app/api/runs/route";
import { GET as runDetail } from "@/app/api/runs/[id]/route";
import { GET as getSettings, PUT as putSettings } from "@/app/api/settings/route";
import { GET as overview } from "@/app/api/overview/route";
import { GET as freshness } from "@/app/api/freshness/route";
import { GET as noncompliant } from "@/app/api/noncompliant/route";
import { GET as bucketKeys } from "@/app/api/savings/bucket-keys/route";
import { GET as idleKeys } from "@/app/api/savings/idle-keys/route";
import { GET as unknownApi, POST as unknownApiPost } from "@/app/api/[...unknown]/route";
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
  ["an unknown encryption class", resources, "/api/resources?encryption=SSE_S3,SSE_C", "encryption."],
  ["an unknown compliance", resources, "/api/resources?compliance=mostly", "compliance: must be one of compliant, noncompliant"],
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

/** Every JSON GET route with a path it answers; each is sent the hostile parameters below. */
const routes: [string, Parameters<typeof call>[0], string, Record<string, string>?][] = [
  ["overview", overview, "/api/overview"],
  ["coverage", coverage, "/api/coverage"],
  ["noncompliant", noncompliant, "/api/noncompliant"],
  ["resources/noncompliant", noncompliantResources, "/api/resources/noncompliant"],
  ["resources", resources, "/api/resources"],
  ["keys", keys, "/api/keys"],
  ["key detail", keyDetail, "/api/keys/x", { arn: encodeURIComponent("arn:aws:kms:eu-west-1:111122223333:key/abc") }],
  ["findings", findings, "/api/findings"],
  ["costs/by-bu", costsByBu, "/api/costs/by-bu"],
  ["costs/chargeback", chargeback, "/api/costs/chargeback"],
  ["costs/modeled", modeled, "/api/costs/modeled"],
  ["savings/bucket-keys", bucketKeys, "/api/savings/bucket-keys"],
  ["savings/idle-keys", idleKeys, "/api/savings/idle-keys"],
  ["mttp", mttp, "/api/mttp"],
  ["runs", runs, "/api/runs"],
  ["run detail", runDetail, "/api/runs/x", { id: "00000000-0000-4000-8000-000000000000" }],
  ["freshness", freshness, "/api/freshness"],
  ["settings", getSettings, "/api/settings"],
];

/** Parameters no route accepts, each with the start of the 400 message that names it. */
const hostile: [string, string, string][] = [
  ["a NUL byte in a value", "search=a%00b", "search: must not contain NUL bytes"],
  ["a NUL byte in a name", "a%00b=1", "a\u0000b: must not contain NUL bytes"],
  ["__proto__", "__proto__=x", "__proto__: is not a known parameter"],
  ["constructor", "constructor=x", "constructor: is not a known parameter"],
  ["an over-long value", `search=${"a".repeat(3000)}`, "search: must be at most 2048 characters"],
];

describe("hostile parameters on every route", () => {
  const table = routes.flatMap(([name, handler, path, params]) => hostile.map(([what, query, message]) => [name, what, handler, `${path}?${query}`, params, message] as const));
  it.each(table)("%s: %s → 400 naming it", async (_route, _what, handler, path, params, message) => {
    const { status, body } = await call(handler, path, { params });
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: "bad_request", message: expect.stringContaining(message) });
  });

  it.each([
    ["coverage", coverage, "/api/coverage?from=0001-01-01", "from: must be a day between 1970-01-01 and 9999-12-31"],
    ["coverage", coverage, "/api/coverage?to=1969-12-31", "to: must be a day between 1970-01-01"],
    ["mttp", mttp, "/api/mttp?from=0000-01-01", "from: must be a day"],
    ["modeled", modeled, "/api/costs/modeled?month=0999-01", "month: must be a month between 1970-01 and 9999-12"],
    ["resources/noncompliant", noncompliantResources, "/api/resources/noncompliant?day=1900-01-01", "day: must be a day between"],
  ] as const)("%s: a year outside 1970-9999 (%s) → 400", async (_route, handler, path, message) => {
    const { status, body } = await call(handler, path);
    expect(status).toBe(400);
    expect(body.error.message).toContain(message);
  });

  it("refuses /api/keys/% (a lone escape) with 400", async () => {
    const { status, body } = await call(keyDetail, "/api/keys/x", { params: { arn: "%" } });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^arn: /);
  });

  it("answers unknown /api/* paths with a JSON 404 in the one error shape", async () => {
    for (const [handler, method] of [[unknownApi, "GET"], [unknownApiPost, "POST"]] as const) {
      const { status, body } = await call(handler, "/api/colours?x=1", { method, params: { unknown: "colours" } });
      expect(status).toBe(404);
      expect(body).toEqual({ error: { code: "not_found", message: "/api/colours: no such API endpoint (see docs/api.md)" } });
    }
  });
});

describe("request bodies", () => {
  const raw = (body: string, headers: Record<string, string> = {}) =>
    putSettings(new Request("http://x/api/settings", { method: "PUT", body, headers: { "content-type": "application/json", origin: "http://x", ...headers } }));

  it("refuses a body over 64 KB with 413 naming the body, stored nothing", async () => {
    const res = await raw(JSON.stringify({ productionValues: ["x".repeat(70_000)] }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: "payload_too_large", message: "body: must be at most 65536 bytes" } });
    expect(await db.policySetting.count()).toBe(0);
  });

  it("caps list lengths and string lengths of settings, naming the field", async () => {
    const long = await call(putSettings, "/api/settings", { method: "PUT", body: { productionValues: Array.from({ length: 101 }, (_, i) => `v${i}`) } });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain("productionValues: must have at most 100 values");
    const wide = await call(putSettings, "/api/settings", { method: "PUT", body: { cmkRequiredClassifications: ["c".repeat(257)] } });
    expect(wide.status).toBe(400);
    expect(wide.body.error.message).toContain("cmkRequiredClassifications.0: a tag value has at most 256 characters");
    const tags = await call(putSettings, "/api/settings", { method: "PUT", body: { requiredKeyTags: Array.from({ length: 101 }, (_, i) => `t${i}`) } });
    expect(tags.status).toBe(400);
    expect(tags.body.error.message).toContain("requiredKeyTags: must have at most 100 tag keys");
    expect(await db.policySetting.count()).toBe(0);
  });

  it("refuses __proto__, constructor and NUL bytes in a JSON body, naming them", async () => {
    const proto = await raw('{"__proto__": {"unusedKeyDays": 1}}');
    expect(proto.status).toBe(400);
    expect((await proto.json()).error.message).toContain("__proto__: is not a known setting");
    const ctor = await raw('{"constructor": 1}');
    expect((await ctor.json()).error.message).toContain("constructor: is not a known setting");
    const nul = await raw('{"productionValues": ["a\\u0000b"]}');
    expect(nul.status).toBe(400);
    expect((await nul.json()).error.message).toBe("body: must not contain NUL bytes");
    expect(await db.policySetting.count()).toBe(0);
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
