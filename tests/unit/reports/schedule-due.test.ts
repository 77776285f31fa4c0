// When a report schedule is due: Mondays 06:00 UTC for the digest, the 1st 06:00 UTC for the
// showback pack (of the month just closed); once per send time, caught up after a missed sweep.
import { describe, expect, it } from "vitest";
import { closedMonth, isDue, lastSendTime, nextSendTime } from "@/lib/reports/schedule-due";

const at = (iso: string) => new Date(iso);
const digest = (lastSentAt: string | null, createdAt = "2026-11-01T00:00:00Z", enabled = true) => ({ kind: "WEEKLY_DIGEST" as const, enabled, lastSentAt: lastSentAt ? at(lastSentAt) : null, createdAt: at(createdAt) });
const showback = (lastSentAt: string | null, createdAt = "2026-10-15T00:00:00Z") => ({ kind: "MONTHLY_SHOWBACK" as const, enabled: true, lastSentAt: lastSentAt ? at(lastSentAt) : null, createdAt: at(createdAt) });

describe("report send times", () => {
  it("are Monday 06:00 UTC for the digest and the 1st 06:00 UTC for the showback pack", () => {
    // 2026-12-05 is a Saturday.
    expect(lastSendTime("WEEKLY_DIGEST", at("2026-12-05T12:00:00Z")).toISOString()).toBe("2026-11-30T06:00:00.000Z");
    expect(nextSendTime("WEEKLY_DIGEST", at("2026-12-05T12:00:00Z")).toISOString()).toBe("2026-12-07T06:00:00.000Z");
    expect(lastSendTime("MONTHLY_SHOWBACK", at("2026-12-05T12:00:00Z")).toISOString()).toBe("2026-12-01T06:00:00.000Z");
    expect(nextSendTime("MONTHLY_SHOWBACK", at("2026-12-05T12:00:00Z")).toISOString()).toBe("2027-01-01T06:00:00.000Z");
    // The send time itself counts as passed.
    expect(lastSendTime("WEEKLY_DIGEST", at("2026-12-07T06:00:00Z")).toISOString()).toBe("2026-12-07T06:00:00.000Z");
  });
});

describe("isDue", () => {
  it("is due once the send time passed since the last send, and not again until the next", () => {
    expect(isDue(digest("2026-11-30T06:20:00Z"), at("2026-12-07T05:59:59Z"))).toBe(false);
    expect(isDue(digest("2026-11-30T06:20:00Z"), at("2026-12-07T06:20:00Z"))).toBe(true);
    expect(isDue(digest("2026-12-07T06:20:00Z"), at("2026-12-07T07:20:00Z"))).toBe(false);
  });

  it("catches up after a missed sweep: a worker down on Monday sends on Tuesday, once", () => {
    expect(isDue(digest("2026-11-30T06:20:00Z"), at("2026-12-08T10:20:00Z"))).toBe(true);
    expect(isDue(digest("2026-12-08T10:20:00Z"), at("2026-12-08T11:20:00Z"))).toBe(false);
  });

  it("lets a new schedule wait for its first send time, and never sends a disabled one", () => {
    expect(isDue(digest(null, "2026-12-01T10:00:00Z"), at("2026-12-05T12:00:00Z"))).toBe(false);
    expect(isDue(digest(null, "2026-12-01T10:00:00Z"), at("2026-12-07T06:20:00Z"))).toBe(true);
    expect(isDue(digest(null, "2026-11-01T00:00:00Z", false), at("2026-12-07T06:20:00Z"))).toBe(false);
  });

  it("sends the showback pack on the 1st for the month just closed", () => {
    expect(isDue(showback("2026-11-01T06:20:00Z"), at("2026-11-30T23:00:00Z"))).toBe(false);
    expect(isDue(showback("2026-11-01T06:20:00Z"), at("2026-12-01T06:20:00Z"))).toBe(true);
    expect(closedMonth(at("2026-12-01T06:20:00Z"))).toBe("2026-11");
    expect(closedMonth(at("2026-01-01T06:20:00Z"))).toBe("2025-12");
  });
});
