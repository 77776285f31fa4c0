// POST /api/alerts/deliveries/{id}/retry: queues a failed delivery again (audited as
// alert-delivery.retry); 409 for one sent already or still queued.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { uuidSegment } from "@/lib/api/params";
import { retryDelivery } from "@/lib/alerts/delivery-history";
import { DELIVER_ALERTS_JOB } from "@/lib/alerts/outbox";
import { audit } from "@/lib/auth/audit";
import { currentPrincipal } from "@/lib/auth/context";
import { enqueue } from "@/lib/ingestion/queue-client";
import { ApiError, notFound } from "@/lib/domain/errors";

export const retryDeliveryEndpoint = defineEndpoint({
  route: "POST /api/alerts/deliveries/[id]/retry",
  access: "admin",
  params: z.strictObject({ id: uuidSegment("delivery") }),
  query: async (db, { id }) => {
    const change = await retryDelivery(db, id);
    if (!change) throw notFound(`id: no delivery ${id}`);
    if (change.before === "SENT") throw new ApiError(409, "conflict", `delivery ${id} was sent already`);
    if (change.before === "PENDING") throw new ApiError(409, "conflict", `delivery ${id} is queued: the delivery job retries it on its schedule`);
    await audit(db, currentPrincipal(), "alert-delivery.retry", { target: id, before: { status: change.before }, after: { status: change.after } });
    // The worker sends it within the second; if the queue is unreachable, the minute schedule will.
    await enqueue(DELIVER_ALERTS_JOB, {}, { retryLimit: 0 }).catch((error: unknown) => console.error("waking alerts.deliver failed", error));
    return { id, status: "PENDING" as const };
  },
});
