// Recent deliveries for the Alerts page and GET /api/alerts/deliveries: newest first, keyset
// paged on (created_at, id) so a page is stable while new rows arrive.
import { z } from "zod";
import type { Db } from "@/lib/db/client";

export const deliveryHistoryParams = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  status: z.enum(["PENDING", "SENT", "FAILED"], { error: "must be PENDING, SENT or FAILED" }).optional(),
  channelId: z.uuid("must be a channel id (UUID)").optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z_[0-9a-f-]{36}$/, "must be the nextCursor of a previous page")
    .optional(),
});
export type DeliveryHistoryParams = z.output<typeof deliveryHistoryParams>;

export interface DeliveryRow {
  id: string;
  kind: string;
  title: string;
  summary: string;
  status: "PENDING" | "SENT" | "FAILED";
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  channelId: string | null;
  channelName: string | null;
  channelKind: string | null;
  recipients: string[];
  ruleId: string | null;
  runId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface DeliveryHistory {
  deliveries: DeliveryRow[];
  nextCursor: string | null;
}

export async function deliveryHistory(db: Db, params: DeliveryHistoryParams): Promise<DeliveryHistory> {
  const [cursorAt, cursorId] = params.cursor ? params.cursor.split("_") : [];
  const rows = await db.alertDelivery.findMany({
    where: {
      ...(params.status ? { status: params.status } : {}),
      ...(params.channelId ? { channelId: params.channelId } : {}),
      ...(cursorAt ? { OR: [{ createdAt: { lt: new Date(cursorAt) } }, { createdAt: new Date(cursorAt), id: { lt: cursorId } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: params.limit + 1,
  });
  const page = rows.slice(0, params.limit);
  const channelIds = [...new Set(page.map((r) => r.channelId).filter((id): id is string => id !== null))];
  const channels = new Map((await db.alertChannel.findMany({ where: { id: { in: channelIds } }, select: { id: true, name: true, kind: true } })).map((c) => [c.id, c]));
  const last = page.at(-1);
  return {
    deliveries: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      summary: String((r.payload as { summary?: unknown }).summary ?? ""),
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      nextAttemptAt: r.status === "PENDING" ? r.nextAttemptAt : null,
      channelId: r.channelId,
      channelName: r.channelId ? (channels.get(r.channelId)?.name ?? null) : null,
      channelKind: r.channelId ? (channels.get(r.channelId)?.kind ?? null) : null,
      recipients: r.recipients,
      ruleId: r.ruleId,
      runId: r.runId,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
    })),
    nextCursor: rows.length > params.limit && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
  };
}

/**
 * Puts a FAILED delivery back in line now, with a fresh retry budget. Null: no such row. Only a
 * FAILED one: a PENDING row may be in a worker's hands this very second (claimed rows stay
 * PENDING while they are sent), and re-queueing it could send it twice; the job retries it anyway.
 */
export async function retryDelivery(db: Db, id: string): Promise<{ before: string; after: string } | null> {
  const row = await db.alertDelivery.findUnique({ where: { id }, select: { status: true } });
  if (!row) return null;
  if (row.status !== "FAILED") return { before: row.status, after: row.status };
  const { count } = await db.alertDelivery.updateMany({ where: { id, status: "FAILED" }, data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null } });
  return { before: "FAILED", after: count === 1 ? "PENDING" : "FAILED" };
}
