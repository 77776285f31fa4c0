// GET /api/runs?from=&to=: the Runs page's range picks runs by snapshot day (issue 19).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as runsApi } from "@/app/api/runs/route";
import { dayToDate } from "@/lib/domain/days";
import { resetTables, testDb } from "../support/db";
import { call, type Json } from "./call";

const db = testDb();
afterAll(() => db.$disconnect());

beforeAll(async () => {
  await resetTables(db);
  const run = (snapshotDay: string, minute: number) => ({ trigger: "CLI" as const, status: "SUCCEEDED" as const, snapshotDay: dayToDate(snapshotDay), requestedAt: new Date(`${snapshotDay}T00:${String(minute).padStart(2, "0")}:00Z`) });
  await db.ingestionRun.createMany({ data: [run("2026-11-30", 1), run("2026-12-01", 2), run("2026-12-03", 3), run("2026-12-05", 4)] });
});

const days = (body: Json) => body.items.map((r: Json) => r.snapshotDay);

describe("GET /api/runs over a range", () => {
  it("lists every run without one, newest first", async () => {
    const { body } = await call(runsApi, "/api/runs");
    expect(days(body)).toEqual(["2026-12-05", "2026-12-03", "2026-12-01", "2026-11-30"]);
  });

  it("keeps the runs whose snapshot day is in the range, both ends included", async () => {
    const { body } = await call(runsApi, "/api/runs?from=2026-12-01&to=2026-12-03");
    expect([body.total, days(body)]).toEqual([2, ["2026-12-03", "2026-12-01"]]);
    expect(days((await call(runsApi, "/api/runs?from=2026-12-04")).body)).toEqual(["2026-12-05"]);
    expect(days((await call(runsApi, "/api/runs?to=2026-11-30")).body)).toEqual(["2026-11-30"]);
  });

  it("refuses a range that ends before it starts", async () => {
    expect((await call(runsApi, "/api/runs?from=2026-12-05&to=2026-12-01")).status).toBe(400);
  });
});
