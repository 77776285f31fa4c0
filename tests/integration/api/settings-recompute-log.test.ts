// Every finished settings recompute is kept (settings_recompute_log), so the trend charts can mark
// each day a settings change rewrote history, not only the latest (issue 19).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSettings } from "@/app/api/settings/route";
import { recomputeForSettings } from "@/lib/settings/recompute";
import { requestRecompute } from "@/lib/settings/recompute-status";
import { resetTables, testDb } from "../support/db";
import { call } from "./call";

const db = testDb();
afterAll(() => db.$disconnect());
beforeAll(() => resetTables(db));

describe("the settings recompute log", () => {
  it("records each recompute that finished, newest first, and none for a job with nothing to do", async () => {
    expect((await call(getSettings, "/api/settings")).body.recomputes).toEqual([]);
    await requestRecompute(db, ["compliance"]);
    expect(await recomputeForSettings(db)).toBe("done");
    await requestRecompute(db, ["savings"]);
    expect(await recomputeForSettings(db)).toBe("done");
    expect(await recomputeForSettings(db)).toBe("nothing to do");

    const log = await db.settingsRecomputeLog.findMany({ orderBy: { id: "asc" } });
    expect(log.map((r) => [r.version, r.recomputed])).toEqual([
      [1, ["compliance"]],
      [2, ["savings"]],
    ]);
    const { body } = await call(getSettings, "/api/settings");
    expect(body.recomputes).toEqual([
      { finishedAt: log[1]!.finishedAt.toISOString(), recomputed: ["savings"] },
      { finishedAt: log[0]!.finishedAt.toISOString(), recomputed: ["compliance"] },
    ]);
    // The status row still says only the latest: the log is what keeps the earlier one.
    expect(body.recompute.finishedAt).toBe(log[1]!.finishedAt.toISOString());
  });
});
