import PgBoss from "pg-boss";
import { env } from "@/lib/config/env";

// The web process only ever sends jobs (the worker runs them); one queue client per process,
// started on first use, so pages that never enqueue never open its connections.

const holder = globalThis as unknown as { kmsFinopsQueue?: Promise<PgBoss> };

function queue(): Promise<PgBoss> {
  holder.kmsFinopsQueue ??= (async () => {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const boss = new PgBoss({ connectionString: url, max: 2, supervise: false, schedule: false });
    boss.on("error", (error) => console.error("queue error", error));
    await boss.start();
    return boss;
  })();
  return holder.kmsFinopsQueue;
}

export async function enqueue(jobId: string, payload: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  const boss = await queue();
  await boss.createQueue(jobId);
  return boss.send(jobId, payload, options);
}

/** Closes the queue client (tests and graceful shutdown). */
export async function closeQueueClient(): Promise<void> {
  const pending = holder.kmsFinopsQueue;
  holder.kmsFinopsQueue = undefined;
  if (pending) await (await pending).stop({ graceful: false, wait: true });
}
