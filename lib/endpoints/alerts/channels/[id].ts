// PUT /api/alerts/channels/{id}: changes a channel (a secret left out is kept); DELETE removes
// it. Both audited with before/after; 404 for an unknown channel.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { uuidSegment, withSegments } from "@/lib/api/params";
import { channelUpdateSchema } from "@/lib/alerts/channel-config";
import { deleteChannel, updateChannel } from "@/lib/alerts/channel-store";
import { audit } from "@/lib/auth/audit";
import { currentPrincipal } from "@/lib/auth/context";
import { channelErrorsMapped } from "../store-errors";
import { notFound } from "@/lib/domain/errors";

const segment = { id: uuidSegment("channel") };

export const putChannelEndpoint = defineEndpoint({
  route: "PUT /api/alerts/channels/[id]",
  access: "admin",
  params: withSegments(segment, channelUpdateSchema),
  query: async (db, { id, ...input }) => {
    const change = await channelErrorsMapped(() => updateChannel(db, id, input));
    if (!change) throw notFound(`id: no channel ${id}`);
    await audit(db, currentPrincipal(), "alert-channel.update", { target: id, before: change.before, after: change.after });
    return change.after;
  },
});

export const deleteChannelEndpoint = defineEndpoint({
  route: "DELETE /api/alerts/channels/[id]",
  access: "admin",
  params: z.strictObject(segment),
  query: async (db, { id }) => {
    const deleted = await deleteChannel(db, id);
    if (!deleted) throw notFound(`id: no channel ${id}`);
    await audit(db, currentPrincipal(), "alert-channel.delete", { target: id, before: deleted });
    return deleted;
  },
});
