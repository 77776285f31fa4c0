import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorResponse, jsonResponse } from "@/lib/api/errors";
import { ApiError } from "@/lib/domain/errors";
import { dateRangeParams, dimensionParams, pageParams, parseQuery, sortParam } from "@/lib/api/params";
import { PolicySettingsError } from "@/lib/settings/policy";

const schema = z.strictObject({ ...dateRangeParams, ...dimensionParams, ...pageParams, sort: sortParam(["name", "since"] as const, "-since") });
const parse = (qs: string) => parseQuery(new Request(`http://x/api/t?${qs}`), schema);
const failure = (qs: string) => {
  try {
    parse(qs);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error(`expected ${qs} to be refused`);
};

describe("parseQuery", () => {
  it("applies defaults and splits lists; (untagged) means the empty business unit", () => {
    expect(parse("bu=payments,(untagged)&service=S3,EBS")).toEqual({
      bu: ["payments", ""],
      service: ["S3", "EBS"],
      page: 1,
      pageSize: 50,
      sort: { field: "since", descending: true },
    });
    expect(parse("sort=name&page=3&pageSize=500").sort).toEqual({ field: "name", descending: false });
  });

  it("names the parameter in a 400", () => {
    for (const [qs, message] of [
      ["from=2026-02-30", "from: must be a day YYYY-MM-DD"],
      ["from=2026-13-01", "from: must be a day YYYY-MM-DD"],
      ["pageSize=501", "pageSize: must be a whole number between 1 and 500"],
      ["pageSize=1.5", "pageSize: must be a whole number between 1 and 500"],
      ["bu=a,,b", "bu.1: must not contain empty values"],
      ["sort=size", "sort: must be one of name, since (prefix - for descending)"],
      ["colour=red", "colour: is not a known parameter"],
      ["page=1&page=2", "page: is given more than once (use a comma-separated list)"],
    ] as const) {
      const error = failure(qs);
      expect(error).toBeInstanceOf(ApiError);
      expect(error.status).toBe(400);
      expect(error.message).toBe(message);
    }
  });
});

describe("responses", () => {
  it("serializes bigints as strings", async () => {
    expect(await jsonResponse({ bytes: 2n ** 60n }).json()).toEqual({ bytes: "1152921504606846976" });
  });

  it("maps errors to the one shape with the right status, hiding internals", async () => {
    const settings = errorResponse(new PolicySettingsError("Invalid policy settings: aliasPattern: bad", ["aliasPattern"]));
    expect(settings.status).toBe(400);
    expect(await settings.json()).toEqual({
      error: { code: "bad_request", message: "Invalid policy settings: aliasPattern: bad", fields: [{ field: "aliasPattern", message: "Invalid policy settings: aliasPattern: bad" }] },
    });
    const original = console.error;
    console.error = () => {};
    const internal = errorResponse(new Error("connection refused to 10.0.0.1"));
    console.error = original;
    expect(internal.status).toBe(500);
    expect(await internal.json()).toEqual({ error: { code: "internal", message: "Internal error" } });
  });
});
