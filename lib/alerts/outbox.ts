// The outbox: producers (rule evaluation, digest, showback, "send test") only insert PENDING
// alert_delivery rows here; the delivery job (jobs/definitions/deliver-alerts.ts) sends them with
// retries, so a channel that is down loses nothing and no web request waits on Slack or SMTP.
import type { AlertMessageKind, Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { SendJob } from "@/lib/ingestion/queue-names";
import { alertPayloadSchema, type AlertPayload } from "./payload";

export const DELIVER_ALERTS_JOB = "alerts.deliver";

/** Prisma client or an interactive transaction: a producer may queue inside its own transaction. */
export type DbOrTx = Db | Prisma.TransactionClient;

export interface QueueDeliveriesInput {
  kind: AlertMessageKind;
  ruleId?: string;
  runId?: string;
  title: string;
  payload: AlertPayload;
  /** One row per channel (a rule's channels). */
  channelIds?: string[];
  /**
   * Email addresses (digest, showback): one row for the whole list, sent through the email
   * channel given as the only entry of `channelIds` (its SMTP settings; its own recipients are
   * replaced by these).
   */
  recipients?: string[];
}

/**
 * Inserts the PENDING rows and returns their ids. `wake` (a job context's `send`) asks the
 * delivery job to run now rather than at its next minute; without it the schedule picks them up.
 */
export async function queueDeliveries(db: DbOrTx, input: QueueDeliveriesInput, wake?: SendJob): Promise<string[]> {
  const payload = alertPayloadSchema.parse(input.payload);
  const channelIds = [...new Set(input.channelIds ?? [])];
  const recipients = input.recipients ?? [];
  if (recipients.length > 0 && channelIds.length !== 1) {
    throw new Error("queueDeliveries: a recipient list goes through exactly one email channel (channelIds: [emailChannelId])");
  }
  if (channelIds.length === 0) return [];
  const rows = await db.alertDelivery.createManyAndReturn({
    data: channelIds.map((channelId) => ({
      kind: input.kind,
      ruleId: input.ruleId ?? null,
      runId: input.runId ?? null,
      channelId,
      recipients,
      title: input.title,
      payload: payload as Prisma.InputJsonValue,
    })),
    select: { id: true },
  });
  if (wake) await wakeDeliveryJob(wake);
  return rows.map((r) => r.id);
}

/**
 * Asks for a delivery pass now. Passes claim rows with SKIP LOCKED, so an extra pass (a burst of
 * wake-ups, the minute schedule at the same time) finds nothing to do rather than sending twice.
 */
export function wakeDeliveryJob(send: SendJob): Promise<string | null> {
  return send(DELIVER_ALERTS_JOB, {}, { retryLimit: 0 });
}
