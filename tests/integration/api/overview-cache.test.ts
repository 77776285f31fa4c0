// The overview is computed once per data generation: repeated and concurrent requests share one
// computation, any committed write shows on the next request, and a result computed while a
// writer is still in flight is not kept once the writer commits.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GenerationCache, GenerationResponseCache } from "@/lib/api/generation-cache";
import { readDataGeneration, withDeferredDataGeneration } from "@/lib/db/generation";
import { resetTables, testDb } from "../support/db";

const db = testDb();
const other = testDb();
afterAll(async () => {
  await db.$disconnect();
  await other.$disconnect();
});

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const cost = (d: string, amount: number) => ({
  day: day(d), accountId: "111111111111", businessUnit: "payments", costCenter: "", usageType: "USE1-KMS-Keys", region: "us-east-1", category: "KEYS" as const, unblendedCost: amount, usageQuantity: 1,
});

/** A stand-in for the overview: the stored total cost, counting how often it was computed. */
function costTotal() {
  const calls = { n: 0 };
  const cache = new GenerationCache(async (client) => {
    calls.n++;
    const rows = await client.$queryRawUnsafe<{ total: string }[]>(`SELECT coalesce(sum(unblended_cost), 0)::text AS total FROM kms_cost_daily`);
    return { total: Number(rows[0]!.total) };
  });
  const read = async () => JSON.parse(await cache.body(db)) as { total: number };
  return { calls, read, cache };
}

beforeEach(() => resetTables(db));

/** Another connection writes a cost row of 7 and keeps its transaction open until released. */
async function writeAndHold(): Promise<{ release: () => void; writer: Promise<void> }> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let wrote!: () => void;
  const written = new Promise<void>((r) => (wrote = r));
  const writer = other.$transaction(async (tx) => {
    await tx.kmsCostDaily.create({ data: cost("2026-03-02", 7) });
    wrote();
    await held;
  });
  await written;
  return { release, writer };
}

describe("data generation", () => {
  it("moves on every committed write and reports a writer in flight", async () => {
    const before = await readDataGeneration(db);
    expect(before.settled).toBe(true);
    await db.kmsCostDaily.create({ data: cost("2026-03-01", 5) });
    const after = await readDataGeneration(db);
    expect(BigInt(after.generation)).toBeGreaterThan(BigInt(before.generation));

    const { release, writer } = await writeAndHold();
    expect((await readDataGeneration(db)).settled).toBe(false);
    release();
    await writer;
    expect((await readDataGeneration(db)).settled).toBe(true);
  });

  it("is settled for every reader when no writer is in flight, however many read at once", async () => {
    // Readers try the lock exclusively for an instant: overlapping readers must not take each other
    // for a writer (about 1 read in 80 did with 8 connections, and a request that sees "in flight"
    // computes the overview again instead of sharing the cached one).
    const readers = Array.from({ length: 6 }, () => testDb());
    try {
      const reads = await Promise.all(readers.map(async (reader) => {
        const seen: boolean[] = [];
        for (let i = 0; i < 300; i++) seen.push((await readDataGeneration(reader)).settled);
        return seen;
      }));
      expect(reads.flat().filter((settled) => !settled)).toHaveLength(0);
    } finally {
      await Promise.all(readers.map((r) => r.$disconnect()));
    }
  });
});

describe("GenerationCache", () => {
  it("computes once for repeated and concurrent requests while the data stays the same", async () => {
    await db.kmsCostDaily.create({ data: cost("2026-03-01", 5) });
    const { calls, read } = costTotal();
    const results = await Promise.all([read(), read(), read()]);
    expect(results.map((r) => r.total)).toEqual([5, 5, 5]);
    expect((await read()).total).toBe(5);
    expect(calls.n).toBe(1);
  });

  it("shows a committed write on the next request", async () => {
    const { calls, read } = costTotal();
    expect((await read()).total).toBe(0);
    await db.kmsCostDaily.create({ data: cost("2026-03-01", 5) });
    expect((await read()).total).toBe(5);
    await db.kmsCostDaily.deleteMany({});
    expect((await read()).total).toBe(0);
    expect(calls.n).toBe(3);
  });

  it("does not keep what it computed while a writer was in flight once that writer commits", async () => {
    const { read } = costTotal();
    const { release, writer } = await writeAndHold();
    // The writer has drawn its generation but not committed: its 7 is not visible yet.
    expect((await read()).total).toBe(0);
    release();
    await writer;
    // No new generation was drawn by the commit itself; the settled state is what forces a recompute.
    expect((await read()).total).toBe(7);
  });

  it("keeps serving its value while a deferring writer runs, and the new data once it commits", async () => {
    await db.kmsCostDaily.create({ data: cost("2026-03-01", 5) });
    const { calls, read } = costTotal();
    expect((await read()).total).toBe(5);
    const before = await readDataGeneration(db);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let wrote!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    // Two statements inside the deferral (a long recompute writes many): neither moves the generation.
    const writer = other.$transaction(async (tx) =>
      withDeferredDataGeneration(tx, async () => {
        await tx.kmsCostDaily.create({ data: cost("2026-03-02", 7) });
        await tx.kmsCostDaily.updateMany({ where: { day: day("2026-03-01") }, data: { unblendedCost: 6 } });
        wrote();
        await held;
      }),
    );
    await written;
    expect(await readDataGeneration(db)).toEqual(before);
    expect((await read()).total).toBe(5);
    expect(calls.n).toBe(1);
    release();
    await writer;
    // Drawn once, at the end of the deferring transaction.
    const after = await readDataGeneration(db);
    expect(after.settled).toBe(true);
    expect(BigInt(after.generation)).toBe(BigInt(before.generation) + 1n);
    expect((await read()).total).toBe(13);
    expect(calls.n).toBe(2);
    // Deferral ends with its transaction: the next writer draws per statement again.
    await db.kmsCostDaily.create({ data: cost("2026-03-03", 1) });
    expect(BigInt((await readDataGeneration(db)).generation)).toBe(BigInt(after.generation) + 1n);
  });

  it("answers the cached JSON uncompressed, whatever the client accepts (the server compresses)", async () => {
    await db.kmsCostDaily.create({ data: cost("2026-03-01", 5) });
    const { cache } = costTotal();
    const response = await cache.response(db);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(await response.json()).toEqual({ total: 5 });
  });
});

describe("GenerationResponseCache", () => {
  /** Cost rows of one day, counting computations per day asked. */
  function costOfDay(maxEntries: number) {
    const calls: string[] = [];
    const cache = new GenerationResponseCache(async (client, q: { day: string }) => {
      calls.push(q.day);
      const rows = await client.$queryRawUnsafe<{ total: string }[]>(`SELECT coalesce(sum(unblended_cost), 0)::text AS total FROM kms_cost_daily WHERE day = $1::date`, q.day);
      return { total: Number(rows[0]!.total) };
    }, maxEntries);
    const read = async (day: string) => (await (await cache.response(db, { day })).json()) as { total: number };
    return { calls, read };
  }

  it("computes each query once per generation, keeps the most recent ones, and recomputes after a write", async () => {
    await db.kmsCostDaily.createMany({ data: [cost("2026-03-01", 5), cost("2026-03-02", 7), cost("2026-03-03", 11)] });
    const { calls, read } = costOfDay(2);
    expect([(await read("2026-03-01")).total, (await read("2026-03-02")).total, (await read("2026-03-01")).total]).toEqual([5, 7, 5]);
    expect(calls).toEqual(["2026-03-01", "2026-03-02"]);
    // A third query drops the least recently used (03-02), not the first asked (03-01).
    expect((await read("2026-03-03")).total).toBe(11);
    await read("2026-03-01");
    await read("2026-03-02");
    expect(calls).toEqual(["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-02"]);
    await db.kmsCostDaily.updateMany({ where: { day: day("2026-03-01") }, data: { unblendedCost: 6 } });
    expect((await read("2026-03-01")).total).toBe(6);
    expect(calls.at(-1)).toBe("2026-03-01");
  });
});
