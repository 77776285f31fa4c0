// The delivery pass: claims due PENDING rows, sends each through its channel, and records SENT,
// the next retry, or FAILED. A claim is a short transaction (FOR UPDATE SKIP LOCKED, then the
// row's next attempt pushed out by a lease), so two workers never take the same row and no
// transaction stays open while Slack or SMTP answers. A worker that dies mid-send leaves the row
// to be taken again when the lease ends (at-least-once, as any outbox).
import type { AlertChannelKind, AlertMessageKind } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { MAX_ATTEMPTS, retryDelayMs } from "./backoff";
import type { ChannelDisplayConfig, ChannelSecret } from "./channel-config";
import { sendThroughChannel, type ChannelForSending } from "./channels";
import { DeliveryError, type OutgoingMessage } from "./channels/message";
import { alertPayloadSchema } from "./payload";
import { openSecret, secretKeysFromEnv, type SecretKeys } from "./secrets";

/** Longer than any send takes (HTTP 10 s, SMTP 30 s): a claimed row is not taken again meanwhile. */
export const CLAIM_LEASE_MS = 5 * 60_000;

export interface DeliverOptions {
  now?: Date;
  /** Rows one pass claims at most (the next pass takes the rest). */
  batch?: number;
  keys?: SecretKeys;
  send?: (channel: ChannelForSending, message: OutgoingMessage) => Promise<void>;
}

export type DeliveryOutcome = { id: string; status: "SENT" | "PENDING" | "FAILED"; error: string | null; nextAttemptAt: Date | null };

interface ClaimedRow {
  id: string;
  kind: AlertMessageKind;
  channel_id: string | null;
  recipients: string[];
  title: string;
  payload: unknown;
  attempts: number;
  rule_id: string | null;
  run_id: string | null;
  created_at: Date;
  channel_kind: AlertChannelKind | null;
  channel_config: unknown;
  channel_secret: string | null;
}

/** Claims due rows (or the one row `onlyId`), counting the attempt and leasing them. */
async function claim(db: Db, now: Date, batch: number, onlyId?: string): Promise<ClaimedRow[]> {
  const leaseEnd = new Date(now.getTime() + CLAIM_LEASE_MS);
  return db.$queryRaw<ClaimedRow[]>`
    WITH due AS (
      SELECT id FROM alert_delivery
      WHERE status = 'PENDING' AND (${onlyId ?? null}::uuid IS NULL AND next_attempt_at <= ${now} OR id = ${onlyId ?? null}::uuid)
      ORDER BY next_attempt_at
      LIMIT ${batch}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE alert_delivery d SET attempts = d.attempts + 1, next_attempt_at = ${leaseEnd}
      FROM due WHERE d.id = due.id
      RETURNING d.*
    )
    SELECT c.id, c.kind, c.channel_id, c.recipients, c.title, c.payload, c.attempts, c.rule_id, c.run_id, c.created_at,
           ch.kind AS channel_kind, ch.config AS channel_config, ch.secret_ciphertext AS channel_secret
    FROM claimed c LEFT JOIN alert_channel ch ON ch.id = c.channel_id`;
}

async function attempt(row: ClaimedRow, keys: () => SecretKeys, send: NonNullable<DeliverOptions["send"]>): Promise<DeliveryError | null> {
  try {
    if (!row.channel_kind || row.channel_secret === null) throw new DeliveryError("the channel was deleted", true);
    const payload = alertPayloadSchema.safeParse(row.payload);
    if (!payload.success) throw new DeliveryError(`invalid payload: ${payload.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`, true);
    const secret = JSON.parse(openSecret(row.channel_secret, keys())) as ChannelSecret;
    const channel = { kind: row.channel_kind, config: row.channel_config as ChannelDisplayConfig, secret };
    await send(channel, { id: row.id, kind: row.kind, title: row.title, payload: payload.data, recipients: row.recipients, ruleId: row.rule_id, runId: row.run_id, createdAt: row.created_at });
    return null;
  } catch (error) {
    // A missing or wrong key is the operator's to fix: retried like an outage, not dropped.
    return error instanceof DeliveryError ? error : new DeliveryError((error as Error).message);
  }
}

async function record(db: Db, row: ClaimedRow, error: DeliveryError | null, now: Date): Promise<DeliveryOutcome> {
  if (!error) {
    await db.alertDelivery.update({ where: { id: row.id }, data: { status: "SENT", sentAt: now, lastError: null } });
    return { id: row.id, status: "SENT", error: null, nextAttemptAt: null };
  }
  const final = error.permanent || row.attempts >= MAX_ATTEMPTS;
  const message = final && !error.permanent ? `${error.message} (gave up after ${row.attempts} attempts)` : error.message;
  const nextAttemptAt = final ? null : new Date(now.getTime() + retryDelayMs(row.attempts));
  await db.alertDelivery.update({
    where: { id: row.id },
    data: final ? { status: "FAILED", lastError: message } : { lastError: message, nextAttemptAt: nextAttemptAt! },
  });
  return { id: row.id, status: final ? "FAILED" : "PENDING", error: message, nextAttemptAt };
}

async function deliverClaimed(db: Db, rows: ClaimedRow[], options: DeliverOptions, now: Date): Promise<DeliveryOutcome[]> {
  let keys = options.keys;
  const lazyKeys = () => (keys ??= secretKeysFromEnv());
  const send = options.send ?? sendThroughChannel;
  const outcomes: DeliveryOutcome[] = [];
  // One at a time: a pass is a handful of messages, and a slow channel should not open many sockets.
  for (const row of rows) outcomes.push(await record(db, row, await attempt(row, lazyKeys, send), now));
  return outcomes;
}

/** One delivery pass over the due rows (the job's body). */
export async function deliverDue(db: Db, options: DeliverOptions = {}): Promise<DeliveryOutcome[]> {
  const now = options.now ?? new Date();
  return deliverClaimed(db, await claim(db, now, options.batch ?? 50), options, now);
}

/**
 * Attempts one PENDING row now, whatever its schedule ("send test"): null when it is not
 * PENDING or another worker holds it at this moment.
 */
export async function deliverNow(db: Db, id: string, options: DeliverOptions = {}): Promise<DeliveryOutcome | null> {
  const now = options.now ?? new Date();
  const [outcome] = await deliverClaimed(db, await claim(db, now, 1, id), options, now);
  return outcome ?? null;
}
