import { describe, expect, it } from "vitest";
import { NEW_UNIT_PRIORITY, scheduleUnits } from "@/jobs/ingestion/schedule";

const unit = (accountId: string, region: string, kind = "inventory") => ({ accountId, region, kind, unitId: `${accountId}/${region}` });

describe("scheduleUnits", () => {
  it("hands out the unit that took longest last time first, then the others by their previous time", () => {
    const units = [unit("111111111111", "eu-west-1"), unit("111111111111", "us-east-1"), unit("222222222222", "us-east-1"), unit("999999999999", "global", "costs")];
    const previous = new Map([
      ["111111111111/eu-west-1/inventory", 3.2],
      ["111111111111/us-east-1/inventory", 1.1],
      ["222222222222/us-east-1/inventory", 2237.4], // 10,000 keys at GetKeyLastUsage's 5 rps
      ["999999999999/global/costs", 41.0],
    ]);
    expect(scheduleUnits(units, previous).map((u) => [u.unitId, u.priority])).toEqual([
      ["222222222222/us-east-1", 2238],
      ["999999999999/global", 41],
      ["111111111111/eu-west-1", 4],
      ["111111111111/us-east-1", 2],
    ]);
  });

  it("puts units never run before first (they may be the largest), in the run's order", () => {
    const units = [unit("111111111111", "eu-west-1"), unit("333333333333", "eu-west-1"), unit("111111111111", "us-east-1"), unit("444444444444", "eu-west-1")];
    const previous = new Map([["111111111111/eu-west-1/inventory", 900], ["111111111111/us-east-1/inventory", 5]]);
    expect(scheduleUnits(units, previous).map((u) => [u.unitId, u.priority])).toEqual([
      ["333333333333/eu-west-1", NEW_UNIT_PRIORITY],
      ["444444444444/eu-west-1", NEW_UNIT_PRIORITY],
      ["111111111111/eu-west-1", 900],
      ["111111111111/us-east-1", 5],
    ]);
  });

  it("keeps the run's order when nothing is known (first run)", () => {
    const units = [unit("111111111111", "eu-west-1"), unit("111111111111", "us-east-1"), unit("222222222222", "eu-west-1")];
    expect(scheduleUnits(units, new Map()).map((u) => u.unitId)).toEqual(units.map((u) => u.unitId));
  });
});
