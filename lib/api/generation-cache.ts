// A response computed once per data generation (lib/db/generation.ts) and served from memory
// until the data under it changes: the overview reads a dozen rollups and a savings report that
// cost up to seconds at a million resources, but it changes only when an ingestion or a settings
// save commits. Each process keeps its own copy; the generation is read from Postgres on every
// request, so several app processes never serve data older than their last request's check.
import { gzipSync } from "node:zlib";
import type { Db } from "@/lib/db/client";
import { readDataGeneration } from "@/lib/db/generation";
import { jsonBody } from "./errors";

interface Entry {
  key: string;
  body: string;
  /** Compressed once here rather than by the server on every request. */
  gzip: Buffer;
}

export class GenerationCache {
  private readonly entries = new Map<string, Promise<Entry>>();

  constructor(private readonly compute: (db: Db) => Promise<unknown>) {}

  /** The body for the current data; computed at most once per generation however many ask at once. */
  async entry(db: Db): Promise<Entry> {
    const { generation, settled } = await readDataGeneration(db);
    // While a writer is in flight a result may miss its changes: it is shared only with requests
    // that see the same unsettled state, and replaced as soon as the generation settles.
    const key = `${generation}:${settled ? "settled" : "in-flight"}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = this.build(db, key);
      this.entries.clear();
      this.entries.set(key, entry);
      entry.catch(() => this.entries.delete(key));
    }
    return entry;
  }

  async response(db: Db, request: Request): Promise<Response> {
    const { body, gzip } = await this.entry(db);
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", vary: "accept-encoding" };
    if (/\bgzip\b/.test(request.headers.get("accept-encoding") ?? "")) {
      return new Response(new Uint8Array(gzip), { headers: { ...headers, "content-encoding": "gzip" } });
    }
    return new Response(body, { headers });
  }

  private async build(db: Db, key: string): Promise<Entry> {
    const body = jsonBody(await this.compute(db));
    return { key, body, gzip: gzipSync(body) };
  }
}
