// POST /api/alerts/channels/{id}/test, "Send test": queues a TEST delivery like any other
// message and attempts it at once, so the button answers with the outcome; a failed attempt
// stays queued and the delivery job retries it. Audited as alert-channel.test.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { uuidSegment } from "@/lib/api/params";
import { getChannel } from "@/lib/alerts/channel-store";
import { deliverNow } from "@/lib/alerts/deliver";
import { absoluteUrl } from "@/lib/alerts/links";
import { queueDeliveries } from "@/lib/alerts/outbox";
import { secretKeysFromEnv } from "@/lib/alerts/secrets";
import { audit } from "@/lib/auth/audit";
import { currentPrincipal } from "@/lib/auth/context";
import { channelErrorsMapped } from "../../store-errors";
import { notFound } from "@/lib/domain/errors";

export const testChannelEndpoint = defineEndpoint({
  route: "POST /api/alerts/channels/[id]/test",
  access: "admin",
  params: z.strictObject({ id: uuidSegment("channel") }),
  query: async (db, { id }) => {
    const channel = await getChannel(db, id);
    if (!channel) throw notFound(`id: no channel ${id}`);
    const principal = currentPrincipal();
    await channelErrorsMapped(async () => secretKeysFromEnv());
    const [deliveryId] = await queueDeliveries(db, {
      kind: "TEST",
      title: `Test message from KMS FinOps`,
      channelIds: [id],
      payload: {
        summary: `Test of channel "${channel.name}", sent by ${principal.name}. If you read this, alerts reach this channel.`,
        lines: [{ text: "Alerts page", url: absoluteUrl("/alerts"), severity: "info" }],
        footer: "KMS FinOps dashboard · test message",
      },
    });
    const outcome = await deliverNow(db, deliveryId!);
    const result = { deliveryId: deliveryId!, status: outcome?.status ?? "PENDING", error: outcome?.error ?? null, nextAttemptAt: outcome?.nextAttemptAt ?? null };
    await audit(db, principal, "alert-channel.test", { target: id, after: { deliveryId, status: result.status, error: result.error } });
    return result;
  },
});
