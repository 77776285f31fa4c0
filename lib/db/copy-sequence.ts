// Several COPY ... TO STDOUT statements sent as one body, in order, the next one running ahead on
// a connection of its own while the current one is sent. Formatting CSV is Postgres's CPU work and
// one statement runs on one backend: with the next period already being formatted, two cores
// share an export (the chargeback CSV reached only ~0.9× of a single COPY before).
import { openCopyConnection } from "./copy";

export interface CopySequenceOptions {
  /** Run on each connection before its COPY (e.g. a datestyle the output depends on). */
  setup?: string;
  /** How many bytes the statement running ahead may buffer before Postgres is paused. */
  aheadBytes: number;
}

async function start(sql: string, opts: CopySequenceOptions, bufferBytes: number): Promise<ReadableStream<Uint8Array>> {
  const conn = await openCopyConnection();
  try {
    if (opts.setup) await conn.query(opts.setup);
    return await conn.copyOut(sql, bufferBytes);
  } finally {
    conn.release(); // no-op once copyOut took the connection
  }
}

/**
 * The first statement has sent its first bytes when this resolves, so an error in it is a
 * rejected promise (an HTTP 500, not a cut-off 200); an error in a later one errors the stream.
 */
export async function copySequence(statements: string[], opts: CopySequenceOptions): Promise<ReadableStream<Uint8Array>> {
  if (statements.length === 0) throw new Error("copySequence needs at least one statement");
  let index = 0;
  let reader = (await start(statements[0]!, opts, 1 << 20)).getReader();
  const ahead = (i: number) => {
    if (i >= statements.length) return null;
    const next = start(statements[i]!, opts, opts.aheadBytes);
    next.catch(() => {}); // observed when its turn comes
    return next;
  };
  let next = ahead(1);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const { done, value } = await reader.read();
        if (!done) {
          controller.enqueue(value);
          return;
        }
        if (!next) {
          controller.close();
          return;
        }
        reader = (await next).getReader();
        index += 1;
        next = ahead(index + 1);
      }
    },
    async cancel(reason) {
      // The client went away: stop the statement being sent and the one running ahead.
      await reader.cancel(reason);
      const pending = await next?.catch(() => null);
      await pending?.cancel(reason);
    },
  });
}
