// COPY ... TO STDOUT streamed from Postgres into a web ReadableStream, on plain node-postgres
// connections: Prisma has no COPY, and for bulk exports Postgres writing the CSV itself is the
// fast path (no per-row objects in Node). Connections come from the app client's own pg pool.
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { db, poolOf } from "./client";

/**
 * One pooled connection for an export: a few ordinary queries first, then `copyOut` hands the
 * connection to the stream, which releases it when it ends, fails or is cancelled. Call
 * `release()` on every path that does not reach `copyOut` (it does nothing afterwards).
 */
export interface CopyConnection {
  query<Row>(sql: string, values?: unknown[]): Promise<Row[]>;
  /** `bufferBytes`: how far Postgres may run ahead of the reader before the COPY is paused. */
  copyOut(copySql: string, bufferBytes?: number): Promise<ReadableStream<Uint8Array>>;
  release(): void;
}

export async function openCopyConnection(): Promise<CopyConnection> {
  const client = await poolOf(db()).connect();
  let state: "mine" | "streaming" | "released" = "mine";
  return {
    async query<Row>(sql: string, values?: unknown[]) {
      return (await client.query(sql, values)).rows as Row[];
    },
    release() {
      if (state !== "mine") return;
      state = "released";
      client.release();
    },
    copyOut(copySql, bufferBytes = 1 << 20) {
      if (state !== "mine") throw new Error("copyOut on a connection already released or streaming");
      state = "streaming";
      return streamCopy(client, copySql, bufferBytes, (destroy) => {
        state = "released";
        client.release(destroy);
      });
    },
  };
}

/**
 * Resolves once Postgres has sent the first bytes (or finished), so that an error in the
 * statement is a rejected promise, i.e. an HTTP 500, not a truncated 200. After that, errors
 * abort the stream. Backpressure: the COPY stream is paused while the web stream's queue is full.
 */
function streamCopy(client: pg.PoolClient, copySql: string, bufferBytes: number, giveBack: (destroy: boolean) => void): Promise<ReadableStream<Uint8Array>> {
  return new Promise((resolve, reject) => {
    const source = client.query(copyTo(copySql));
    let settled = false;
    let done = false;
    const finish = (destroy: boolean) => {
      if (done) return;
      done = true;
      giveBack(destroy);
    };
    const stream = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          source.on("data", (chunk: Buffer) => {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if ((controller.desiredSize ?? 1) <= 0) source.pause();
            if (!settled) {
              settled = true;
              resolve(stream);
            }
          });
          source.on("end", () => {
            finish(false);
            controller.close();
            if (!settled) {
              settled = true;
              resolve(stream);
            }
          });
          source.on("error", (error: Error) => {
            // After an ErrorResponse the protocol is back in sync, but a connection that failed
            // mid-COPY is not worth trusting: drop it.
            finish(true);
            if (!settled) {
              settled = true;
              reject(error);
            } else controller.error(error);
          });
          // Start flowing; pull() resumes after a pause.
        },
        pull() {
          source.resume();
        },
        cancel() {
          // The client went away: the connection is mid-COPY, so it is closed rather than reused
          // (Postgres stops the query when its socket closes).
          source.destroy();
          finish(true);
        },
      },
      // Bytes, not chunks: at most about bufferBytes in flight between Postgres and the response.
      new ByteLengthQueuingStrategy({ highWaterMark: bufferBytes }),
    );
  });
}
