// The chargeback's parameters, shared with the reconciliation (whole months) and the CSV export
// (the allocation): what the JSON endpoint's schema makes of a request before any query runs.
import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/api/params";
import { chargebackEndpoint } from "@/lib/endpoints/costs/chargeback";
import { chargebackParamsSchema } from "@/lib/export/chargeback-params";

const parse = (input: Record<string, string>) => parseInput(chargebackEndpoint.params, input);

describe("GET /api/costs/chargeback parameters", () => {
  it("read from and to as whole months, a day standing for its month", () => {
    expect(parse({ from: "2026-02-20", to: "2026-03" })).toEqual({ from: "2026-02-01", to: "2026-03-31", allocation: "direct" });
    expect(parse({ from: "2024-02", to: "2024-02" })).toMatchObject({ from: "2024-02-01", to: "2024-02-29" });
  });

  it("refuse an impossible period with the parameter's name", () => {
    expect(() => parse({ from: "2026-13" })).toThrow("from: must be a month (2026-03) or a day (2026-03-15)");
    expect(() => parse({ to: "2026-02-30" })).toThrow("to: must be a month (2026-03) or a day (2026-03-15)");
    expect(() => parse({ to: "March" })).toThrow("to: must be a month (2026-03) or a day (2026-03-15)");
  });

  it("take the allocation the CSV writes, and name it when the old reallocate is sent", () => {
    expect(parse({ allocation: "proportional" }).allocation).toBe("proportional");
    expect(() => parse({ allocation: "none" })).toThrow("allocation: must be direct or proportional");
    expect(() => parse({ reallocate: "none" })).toThrow("reallocate: was renamed allocation (direct or proportional)");
  });

  it("share the allocation with the CSV export", () => {
    expect(chargebackParamsSchema.parse({}).allocation).toBe("direct");
    expect(chargebackParamsSchema.safeParse({ allocation: "sideways" }).error?.issues[0]?.message).toBe("must be direct or proportional");
  });
});
