// GET /api/alerts/channels: the channels (secrets never shown) and whether the server can keep
// a secret at all. POST creates one: 201, audited as alert-channel.create.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { channelCreateSchema } from "@/lib/alerts/channel-config";
import { createChannel, listChannels } from "@/lib/alerts/channel-store";
import { audit } from "@/lib/auth/audit";
import { currentPrincipal } from "@/lib/auth/context";
import { env } from "@/lib/config/env";
import { channelErrorsMapped } from "./store-errors";

export const getChannelsEndpoint = defineEndpoint({
  route: "GET /api/alerts/channels",
  access: "admin",
  params: z.strictObject({}),
  query: async (db) => ({ channels: await listChannels(db), secretKeyConfigured: Boolean(env().ALERTS_SECRET_KEY) }),
});

export const postChannelsEndpoint = defineEndpoint({
  route: "POST /api/alerts/channels",
  access: "admin",
  params: channelCreateSchema,
  status: 201,
  query: async (db, input) => {
    const principal = currentPrincipal();
    const channel = await channelErrorsMapped(() => createChannel(db, input, principal.name));
    await audit(db, principal, "alert-channel.create", { target: channel.id, after: channel });
    return channel;
  },
});
