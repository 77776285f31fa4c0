// Values computed once per data generation (lib/db/generation.ts) and served from memory until
// the data under them changes: the overview reads a dozen rollups and a savings report that cost
// up to seconds at a million resources, but they change only when an ingestion or a settings save
// commits. Each process keeps its own copy; the generation is read from Postgres on every call,
// so several app processes never serve data older than their last call's check.
import { createHash } from "node:crypto";
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

/** True when an If-None-Match header lists this entity tag (weak comparison, RFC 9110 13.1.2). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === opaque;
  });
}

/**
 * The answer varies with the credentials (the scope narrows it): a browser keeps it for its user
 * only (private) and asks again each time (no-cache), with the ETag. Not compressed here: `next
 * start` drops a Content-Encoding set by a route handler (next/dist/server/send-response.js) and
 * compresses the body itself, so a body encoded here reached clients encoded twice; it adds
 * `Vary: Accept-Encoding` itself.
 */
const CACHED_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "private, no-cache", vary: "Authorization, Cookie" };

interface Entry {
  body: Promise<string>;
}

/**
 * JSON responses of a list endpoint per data generation and query: the most recent `maxEntries`
 * queries are kept until the data changes. Many people open the same views (a business unit's page, the
 * default sort) between two ingestions; each distinct view is computed once per generation. Each answer carries an ETag of the generation, the query and the
 * viewer, so a browser asking again with If-None-Match gets a bodiless 304 until the data changes.
 */
export class GenerationResponseCache<Q> {
  private generation = "";
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly compute: (db: Db, query: Q) => Promise<unknown>,
    private readonly maxEntries = 500,
  ) {}

  /**
   * The answer to a request: 304 when its If-None-Match holds the current ETag, else the JSON in
   * full. `viewer` names who asks (the principal): it is part of
   * the ETag with the generation and the query (which holds the scoped filters), so one viewer's
   * tag never validates another's view, nor an older generation's.
   */
  async response(db: Db, query: Q, request?: Request, viewer = ""): Promise<Response> {
    const { generation, key, entry } = await this.entry(db, query);
    const etag = `"${createHash("sha256").update(`${generation}\0${key}\0${viewer}`).digest("base64url").slice(0, 32)}"`;
    const headers = { ...CACHED_HEADERS, etag };
    if (matches(request?.headers.get("if-none-match") ?? null, etag)) return new Response(null, { status: 304, headers });
    return new Response(await entry.body, { headers });
  }

  /** The JSON text of the answer (a server page hands it to the browser as the query's first data). */
  async body(db: Db, query: Q): Promise<string> {
    return (await this.entry(db, query)).entry.body;
  }

  private async entry(db: Db, query: Q): Promise<{ generation: string; key: string; entry: Entry }> {
    const generation = await generationKey(db);
    if (generation !== this.generation) {
      this.generation = generation;
      this.entries.clear();
    }
    const key = JSON.stringify(query);
    let entry = this.entries.get(key);
    if (entry) {
      // Most recently used last: the oldest entry is the one dropped when full.
      this.entries.delete(key);
    } else {
      const body = this.compute(db, query).then(jsonBody);
      entry = { body };
      body.catch(() => this.entries.delete(key));
    }
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return { generation, key, entry };
  }
}
