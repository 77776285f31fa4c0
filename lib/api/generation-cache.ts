// Values computed once per data generation (lib/db/generation.ts) and served from memory until
// the data under them changes: the overview reads a dozen rollups and a savings report that cost
// up to seconds at a million resources, but they change only when an ingestion or a settings save
// commits. Each process keeps its own copy; the generation is read from Postgres on every call,
// so several app processes never serve data older than their last call's check.
import type { Db } from "@/lib/db/client";
import { readDataGeneration } from "@/lib/db/generation";
import { jsonBody } from "./errors";

/** One value per data generation, computed at most once however many ask at once. */
export class GenerationMemo<T> {
  private readonly values = new Map<string, Promise<T>>();

  constructor(private readonly compute: (db: Db) => Promise<T>) {}

  async get(db: Db): Promise<T> {
    const { generation, settled } = await readDataGeneration(db);
    // While a writer is in flight a result may miss its changes: it is shared only with calls
    // that see the same unsettled state, and replaced as soon as the generation settles.
    const key = `${generation}:${settled ? "settled" : "in-flight"}`;
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

/**
 * A JSON response per data generation, serialized once. Not compressed here: `next start`
 * compresses every response itself and does not notice an encoding set by the handler (a body
 * gzipped here reached clients gzipped twice).
 */
export class GenerationCache {
  private readonly memo: GenerationMemo<string>;

  constructor(compute: (db: Db) => Promise<unknown>) {
    this.memo = new GenerationMemo(async (db) => jsonBody(await compute(db)));
  }

  body(db: Db): Promise<string> {
    return this.memo.get(db);
  }

  async response(db: Db): Promise<Response> {
    return new Response(await this.body(db), { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
  }
}
