import type pg from "pg";
import type { Db } from "@/lib/db/client";

/**
 * Draws a new data generation without changing any data, so the next call of a generation-cached
 * query computes again: how the benchmarks measure the cold path (the first request after an
 * ingestion or a settings save).
 */
export async function bumpGeneration(db: Db | pg.Pool): Promise<void> {
  const sql = `SELECT nextval('data_generation_seq')`;
  if ("$queryRawUnsafe" in db) await db.$queryRawUnsafe(sql);
  else await db.query(sql);
}
