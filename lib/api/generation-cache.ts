// Values computed once per data generation (lib/db/generation.ts) and served from memory until
// the data under them changes: the overview reads a dozen rollups and a savings report that cost
// up to seconds at a million resources, but they change only when an ingestion or a settings save
// commits. Each process keeps its own copy; the generation is read from Postgres on every call,
// so several app processes never serve data older than their last call's check.
import type { Db } from "@/lib/db/client";
import { generationKey, GenerationMemo } from "@/lib/db/generation-memo";
import { jsonBody } from "./errors";

const json = (body: string) => new Response(body, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });

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
    return json(await this.body(db));
  }
}

/**
 * JSON responses of a list endpoint per data generation and query: the most recent `maxEntries`
 * queries are kept until the data changes. Many people open the same views (a business unit's page, the
 * default sort) between two ingestions; each distinct view is computed once per generation.
 */
export class GenerationResponseCache<Q> {
  private generation = "";
  private readonly bodies = new Map<string, Promise<string>>();

  constructor(
    private readonly compute: (db: Db, query: Q) => Promise<unknown>,
    private readonly maxEntries = 500,
  ) {}

  async response(db: Db, query: Q): Promise<Response> {
    return json(await this.body(db, query));
  }

  /** The JSON text of the answer (a server page hands it to the browser as the query's first data). */
  async body(db: Db, query: Q): Promise<string> {
    const generation = await generationKey(db);
    if (generation !== this.generation) {
      this.generation = generation;
      this.bodies.clear();
    }
    const key = JSON.stringify(query);
    let body = this.bodies.get(key);
    if (body) {
      // Most recently used last: the oldest entry is the one dropped when full.
      this.bodies.delete(key);
    } else {
      body = this.compute(db, query).then(jsonBody);
      body.catch(() => this.bodies.delete(key));
    }
    this.bodies.set(key, body);
    if (this.bodies.size > this.maxEntries) this.bodies.delete(this.bodies.keys().next().value!);
    return body;
  }
}
