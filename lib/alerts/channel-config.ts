// What an admin enters per channel kind, split into what may be shown (`config`, stored as is)
// and what may not (`secret`, sealed with ALERTS_SECRET_KEY). The API only ever returns `config`,
// whose secret-looking parts are masked at save time.
import { z } from "zod";
import type { AlertChannelKind } from "@/generated/prisma/client";

const name = z.string().trim().min(1, "is required").max(100);
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const email = z.email({ error: "must be an email address" });

export const TLS_MODES = ["tls", "starttls", "none"] as const;

const slack = z.object({ kind: z.literal("SLACK"), name, webhookUrl: httpUrl });
const teams = z.object({ kind: z.literal("TEAMS"), name, webhookUrl: httpUrl });
const webhook = z.object({ kind: z.literal("WEBHOOK"), name, url: httpUrl, signingSecret: z.string().min(16, "must be at least 16 characters") });
const emailChannel = z.object({
  kind: z.literal("EMAIL"),
  name,
  host: z.string().trim().min(1, "is required"),
  port: z.coerce.number().int().min(1).max(65535),
  /** tls: TLS from the first byte (465); starttls: upgrade required (587); none: plain (local relay). */
  tls: z.enum(TLS_MODES),
  user: z.string().trim().optional(),
  password: z.string().optional(),
  from: z.string().trim().min(3, "is required"),
  recipients: z.array(email).default([]),
});

export const channelCreateSchema = z.discriminatedUnion("kind", [slack, teams, webhook, emailChannel]);
/** On update, secrets left out keep the stored ones. */
export const channelUpdateSchema = z.discriminatedUnion("kind", [
  slack.partial({ webhookUrl: true }),
  teams.partial({ webhookUrl: true }),
  webhook.partial({ url: true, signingSecret: true }),
  emailChannel,
]);
export type ChannelCreate = z.infer<typeof channelCreateSchema>;
export type ChannelUpdate = z.infer<typeof channelUpdateSchema>;

/** What the sealed secret holds, per kind. */
export interface ChannelSecret {
  webhookUrl?: string;
  url?: string;
  signingSecret?: string;
  password?: string;
}

/** What the API and page show, per kind (no secret in it). */
export interface ChannelDisplayConfig {
  maskedUrl?: string;
  maskedSigningSecret?: string;
  host?: string;
  port?: number;
  tls?: (typeof TLS_MODES)[number];
  user?: string;
  passwordSet?: boolean;
  from?: string;
  recipients?: string[];
}

/** `https://hooks.slack.com/…/XyZ9`: enough to recognise a URL, not to use it. */
export function maskUrl(url: string): string {
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}/…/${url.slice(-4)}`;
}

export const maskSecret = (secret: string) => `••••${secret.slice(-4)}`;

/** Splits an input into display config and secret; on update, missing secrets come from `kept`. */
export function splitChannel(input: ChannelCreate | ChannelUpdate, kept: ChannelSecret = {}): { config: ChannelDisplayConfig; secret: ChannelSecret } {
  switch (input.kind) {
    case "SLACK":
    case "TEAMS": {
      const webhookUrl = input.webhookUrl ?? kept.webhookUrl;
      if (!webhookUrl) throw new MissingSecretError("webhookUrl");
      return { config: { maskedUrl: maskUrl(webhookUrl) }, secret: { webhookUrl } };
    }
    case "WEBHOOK": {
      const url = input.url ?? kept.url;
      const signingSecret = input.signingSecret ?? kept.signingSecret;
      if (!url) throw new MissingSecretError("url");
      if (!signingSecret) throw new MissingSecretError("signingSecret");
      return { config: { maskedUrl: maskUrl(url), maskedSigningSecret: maskSecret(signingSecret) }, secret: { url, signingSecret } };
    }
    case "EMAIL": {
      // An empty password field on update keeps the stored one; a new user without one clears it.
      const password = input.password || (input.user ? kept.password : undefined);
      const config = { host: input.host, port: input.port, tls: input.tls, user: input.user || undefined, passwordSet: Boolean(password), from: input.from, recipients: input.recipients };
      return { config, secret: password ? { password } : {} };
    }
  }
}

export class MissingSecretError extends Error {
  constructor(readonly field: string) {
    super(`${field}: is required`);
  }
}

export const CHANNEL_KINDS = ["SLACK", "TEAMS", "WEBHOOK", "EMAIL"] as const satisfies readonly AlertChannelKind[];
