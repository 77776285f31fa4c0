// The handlers of /api/alerts/* (docs/api.md "Alerts"); the route files only bind them. Every
// change is audited after it succeeded; secrets never appear in a response or the audit log.
import { z } from "zod";
import { handle, jsonResponse } from "@/lib/api/errors";
import { ApiError, badRequest, notFound } from "@/lib/domain/errors";
import { parseInput, parseQuery, readJsonBody } from "@/lib/api/params";
import { audit } from "@/lib/auth/audit";
import { currentPrincipal } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/ingestion/queue-client";
import { channelCreateSchema, channelUpdateSchema, MissingSecretError } from "./channel-config";
import { ChannelKindChangeError, ChannelNameTakenError, createChannel, deleteChannel, getChannel, listChannels, updateChannel } from "./channel-store";
import { deliverNow } from "./deliver";
import { deliveryHistory, deliveryHistoryParams, retryDelivery } from "./delivery-history";
import { DELIVER_ALERTS_JOB, queueDeliveries } from "./outbox";
import { absoluteUrl } from "./links";
import { SecretKeyMissingError, secretKeysFromEnv } from "./secrets";
import { parseEnv } from "@/lib/config/env";

type IdContext = { params: Promise<{ id: string }> };
const idOf = async (context: IdContext, what: string) => parseInput(z.object({ id: z.uuid(`must be a ${what} id (UUID)`) }), await context.params).id;

/** Store errors that are the caller's to fix → 400/409 naming the field or the setting. */
async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SecretKeyMissingError) throw new ApiError(409, "conflict", `${error.message}. Set it on the server and restart, then save the channel again.`);
    if (error instanceof ChannelNameTakenError) throw new ApiError(409, "conflict", error.message);
    if (error instanceof ChannelKindChangeError || error instanceof MissingSecretError) throw badRequest(error.message);
    throw error;
  }
}

const channelBody = (request: Request) => readJsonBody(request, "a JSON object { kind, name, ... }");

export const listChannelsRoute = (request: Request) =>
  handle(async () => {
    parseQuery(request, z.strictObject({}));
    return { channels: await listChannels(db()), secretKeyConfigured: Boolean(parseEnv().ALERTS_SECRET_KEY) };
  });

export const createChannelRoute = (request: Request) =>
  handle(async () => {
    parseQuery(request, z.strictObject({}));
    const input = parseInput(channelCreateSchema, await channelBody(request));
    const principal = currentPrincipal();
    const channel = await mapped(() => createChannel(db(), input, principal.name));
    await audit(db(), principal, "alert-channel.create", { target: channel.id, after: channel });
    return jsonResponse(channel, 201);
  });

export const updateChannelRoute = (request: Request, context: IdContext) =>
  handle(async () => {
    parseQuery(request, z.strictObject({}));
    const id = await idOf(context, "channel");
    const input = parseInput(channelUpdateSchema, await channelBody(request));
    const change = await mapped(() => updateChannel(db(), id, input));
    if (!change) throw notFound(`id: no channel ${id}`);
    await audit(db(), currentPrincipal(), "alert-channel.update", { target: id, before: change.before, after: change.after });
    return change.after;
  });

export const deleteChannelRoute = (request: Request, context: IdContext) =>
  handle(async () => {
    parseQuery(request, z.strictObject({}));
    const id = await idOf(context, "channel");
    const deleted = await deleteChannel(db(), id);
    if (!deleted) throw notFound(`id: no channel ${id}`);
    await audit(db(), currentPrincipal(), "alert-channel.delete", { target: id, before: deleted });
    return deleted;
  });

/**
 * "Send test": queues a TEST delivery like any other message and attempts it at once, so the
 * button answers with the outcome; a failed attempt stays queued and the job retries it.
 */
export const testChannelRoute = (request: Request, context: IdContext) =>
  handle(async () => {
    parseQuery(request, z.strictObject({}));
    const id = await idOf(context, "channel");
    const channel = await getChannel(db(), id);
    if (!channel) throw notFound(`id: no channel ${id}`);
    const principal = currentPrincipal();
    await mapped(async () => secretKeysFromEnv());
    const [deliveryId] = await queueDeliveries(db(), {
      kind: "TEST",
      title: `Test message from KMS FinOps`,
      channelIds: [id],
      payload: {
        summary: `Test of channel "${channel.name}", sent by ${principal.name}. If you read this, alerts reach this channel.`,
        lines: [{ text: "Alerts page", url: absoluteUrl("/alerts"), severity: "info" }],
        footer: "KMS FinOps dashboard · test message",
      },
    });
    const outcome = await deliverNow(db(), deliveryId!);
    await audit(db(), principal, "alert-channel.test", { target: id, after: { deliveryId, status: outcome?.status ?? "PENDING", error: outcome?.error ?? null } });
    return { deliveryId, status: outcome?.status ?? "PENDING", error: outcome?.error ?? null, nextAttemptAt: outcome?.nextAttemptAt ?? null };
  });

export const listDeliveriesRoute = (request: Request) => handle(async () => deliveryHistory(db(), parseQuery(request, deliveryHistoryParams)));

export const retryDeliveryRoute = (request: Request, context: IdContext) =>
  handle(async () => {
    parseQuery(request, z.strictObject({}));
    const id = await idOf(context, "delivery");
    const change = await retryDelivery(db(), id);
    if (!change) throw notFound(`id: no delivery ${id}`);
    if (change.before === "SENT") throw new ApiError(409, "conflict", `delivery ${id} was sent already`);
    if (change.before === "PENDING") throw new ApiError(409, "conflict", `delivery ${id} is queued: the delivery job retries it on its schedule`);
    await audit(db(), currentPrincipal(), "alert-delivery.retry", { target: id, before: { status: change.before }, after: { status: change.after } });
    // The worker sends it within the second; if the queue is unreachable, the minute schedule will.
    await enqueue(DELIVER_ALERTS_JOB, {}, { retryLimit: 0 }).catch((error: unknown) => console.error("waking alerts.deliver failed", error));
    return { id, status: "PENDING" };
  });
