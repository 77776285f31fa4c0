// Several steps that each open their own transaction (the rollups do), run as ONE transaction:
// readers keep seeing the previous rows until everything commits, and the data generation
// (generation.ts) stays "in flight" until then, so nothing computed in between is cached - or,
// when the steps defer it (withDeferredDataGeneration), moves only at the commit.
import type { Db } from "./client";

type TransactionClient = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface OneTransactionOptions {
  /** Longest the whole transaction may take (a recompute of a large history takes minutes). */
  timeoutMs: number;
}

/**
 * The transaction client seen as a Db whose own $transaction joins the enclosing transaction:
 * a callback runs on the same client, a batch runs its statements in order. Prisma has no
 * nested transactions, and the steps were written against Db, not against a transaction client.
 */
function joining(tx: TransactionClient): Db {
  const nested = async (steps: unknown) => {
    if (typeof steps === "function") return (steps as (client: Db) => Promise<unknown>)(client);
    const results: unknown[] = [];
    for (const step of steps as PromiseLike<unknown>[]) results.push(await step);
    return results;
  };
  const client = new Proxy(tx, { get: (target, name, receiver) => (name === "$transaction" ? nested : Reflect.get(target, name, receiver)) }) as unknown as Db;
  return client;
}

export function inOneTransaction<T>(db: Db, run: (tx: Db) => Promise<T>, options: OneTransactionOptions): Promise<T> {
  return db.$transaction((tx) => run(joining(tx)), { timeout: options.timeoutMs, maxWait: 60_000 });
}
