// Smoke test of the store benchmark (bench/store.ts), so that the script behind BENCHMARKS.md
// "Store throughput" does not rot: one tiny round against the test database, and the versions
// each pass wrote are those the pass describes.
import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_ACCOUNT } from "@/bench/lib/large-org";
import { resetTables, testDb } from "./support/db";

const db = testDb();
beforeAll(() => resetTables(db));
afterAll(async () => {
  await resetTables(db);
  await db.$disconnect();
});

describe("bench/store.ts", () => {
  it("stores a first snapshot, the next day with every tenth resource changed, and a same-day rerun", async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        "node",
        ["--expose-gc", "--import", "tsx", "bench/store.ts", "--resources", "600", "--keys", "50", "--rounds", "1"],
        { env: process.env, maxBuffer: 4 * 2 ** 20 },
        (error, out, err) => (error ? reject(new Error(`${error.message}\n${out}\n${err}`)) : resolve(out)),
      );
    });
    // 600 new; then 60 of 600 changed (one in ten), 540 unchanged; the rerun replaces the same day.
    expect(stdout).toContain("resources added/changed/unchanged per pass: 600/0/0; 0/60/540; 0/60/540;");
    expect(stdout).toMatch(/\| first snapshot \(all new\) \| \d+\.\d\d \| [\d,]+ \| [\d,]+ \|/);
    // The warm-up region and the round's region: 600 current resources each after the rerun.
    expect(await db.storageResourceVersion.count({ where: { accountId: BENCH_ACCOUNT, validTo: new Date("9999-12-31") } })).toBe(1200);
  });
});
