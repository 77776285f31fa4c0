import pg from "pg";
import { poolOf, type Db } from "@/lib/db/client";

// Bulk writes need COPY, which Prisma does not offer, and a Prisma interactive transaction does
// not expose its connection (@prisma/adapter-pg keeps it inside the engine's private transaction
// manager). So the snapshot write runs its whole transaction on a node-postgres connection of its
// own: BEGIN ... COMMIT on one pooled client, COPY on that same client, ROLLBACK on any error.

/** What the store's SQL helpers need from a Prisma client, and what a pg transaction offers. */
export type SqlExecutor = Pick<Db, "$executeRawUnsafe" | "$queryRawUnsafe">;

/** Runs `work` inside BEGIN ... COMMIT on one connection; any error rolls the whole of it back. */
export async function withPgTransaction<T>(db: Db, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await poolOf(db).connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((e: Error) => (broken = e));
    throw error;
  } finally {
    // A connection that could not even roll back is discarded, not reused.
    client.release(broken);
  }
}

/**
 * The pg client seen through the two Prisma raw methods, so helpers written for a Prisma client
 * or transaction (`$executeRawUnsafe` with $1.. parameters) run inside the pg transaction.
 * Results are node-postgres rows (bigint as string), not Prisma-decoded values.
 */
export function sqlExecutor(client: pg.ClientBase): SqlExecutor {
  const executor = {
    $executeRawUnsafe: async (sql: string, ...values: unknown[]) => (await client.query(sql, values)).rowCount ?? 0,
    $queryRawUnsafe: async (sql: string, ...values: unknown[]) => (await client.query(sql, values)).rows,
  };
  return executor as unknown as SqlExecutor;
}
