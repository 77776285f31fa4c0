// A value computed once per data generation (generation.ts) and kept in memory until the data
// under it changes: the query side uses it for expensive reports, the HTTP side (lib/api/
// generation-cache.ts) for serialized responses.
import type { Db } from "./client";
import { readDataGeneration } from "./generation";

/**
 * The current generation as a cache key. While a writer is in flight a result may miss its
 * changes: it is shared only with calls that see the same unsettled state, and replaced as soon
 * as the generation settles.
 */
export async function generationKey(db: Db): Promise<string> {
  const { generation, settled } = await readDataGeneration(db);
  return `${generation}:${settled ? "settled" : "in-flight"}`;
}

/** One value per data generation, computed at most once however many ask at once. */
export class GenerationMemo<T> {
  private readonly values = new Map<string, Promise<T>>();

  constructor(private readonly compute: (db: Db) => Promise<T>) {}

  async get(db: Db): Promise<T> {
    const key = await generationKey(db);
    let value = this.values.get(key);
    if (!value) {
      value = this.compute(db);
      this.values.clear();
      this.values.set(key, value);
      value.catch(() => this.values.delete(key));
    }
    return value;
  }
}
