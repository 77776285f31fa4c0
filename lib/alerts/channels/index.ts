import type { AlertChannelKind } from "@/generated/prisma/client";
import type { ChannelDisplayConfig, ChannelSecret } from "../channel-config";
import { sendEmail } from "./email";
import { postJson } from "./http";
import { DeliveryError, type OutgoingMessage } from "./message";
import { renderSlack } from "./slack";
import { renderTeams } from "./teams";
import { renderWebhook, webhookHeaders } from "./webhook";

export interface ChannelForSending {
  kind: AlertChannelKind;
  config: ChannelDisplayConfig;
  secret: ChannelSecret;
}

/** Sends one message through one channel; throws DeliveryError when it did not get through. */
export async function sendThroughChannel(channel: ChannelForSending, message: OutgoingMessage): Promise<void> {
  const { secret } = channel;
  switch (channel.kind) {
    case "SLACK":
    case "TEAMS": {
      if (!secret.webhookUrl) throw new DeliveryError("the channel has no webhook URL", true);
      return postJson(secret.webhookUrl, JSON.stringify(channel.kind === "SLACK" ? renderSlack(message) : renderTeams(message)));
    }
    case "WEBHOOK": {
      if (!secret.url || !secret.signingSecret) throw new DeliveryError("the channel has no URL or signing secret", true);
      const body = renderWebhook(message);
      return postJson(secret.url, body, webhookHeaders(message, secret.signingSecret, body));
    }
    case "EMAIL":
      return sendEmail(channel.config, secret, message);
  }
}
