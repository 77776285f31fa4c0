import { describe, expect, it } from "vitest";
import { duration, runTimeLabel } from "@/components/runs/run-time";

describe("run time", () => {
  it("says the start in UTC and how long the run took", () => {
    expect(runTimeLabel({ requestedAt: "2026-12-05T14:02:50.000Z", startedAt: "2026-12-05T14:03:05.000Z", finishedAt: "2026-12-05T14:05:19.400Z" })).toBe("2026-12-05 14:03 UTC, 2 min 14 s");
  });

  it("covers seconds, hours, running and queued runs", () => {
    expect(duration("2026-12-05T14:03:00Z", "2026-12-05T14:03:45Z")).toBe("45 s");
    expect(duration("2026-12-05T14:03:00Z", "2026-12-05T15:06:10Z")).toBe("1 h 3 min");
    expect(runTimeLabel({ requestedAt: "2026-12-05T14:02:00Z", startedAt: "2026-12-05T14:03:00Z", finishedAt: null })).toBe("2026-12-05 14:03 UTC, running");
    expect(runTimeLabel({ requestedAt: "2026-12-05T14:02:00Z", startedAt: null, finishedAt: null })).toBe("2026-12-05 14:02 UTC, queued");
  });
});
