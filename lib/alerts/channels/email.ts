// Email over SMTP (nodemailer): text and HTML bodies, attachments from the payload.
import nodemailer from "nodemailer";
import type { ChannelDisplayConfig, ChannelSecret } from "../channel-config";
import { DeliveryError, lineLabel, type OutgoingMessage } from "./message";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/** Every line (email has room); the payload's own HTML body, when given, replaces the rendered one. */
export function renderEmail(message: OutgoingMessage): RenderedEmail {
  const { payload } = message;
  const text = [payload.summary, "", ...payload.lines.map((l) => `- ${lineLabel(l)}${l.url ? `\n  ${l.url}` : ""}`), ...(payload.url ? ["", `See all: ${payload.url}`] : []), ...(payload.footer ? ["", payload.footer] : [])].join("\n");
  const items = payload.lines.map((l) => `<li>${l.url ? `<a href="${escapeHtml(l.url)}">${escapeHtml(lineLabel(l))}</a>` : escapeHtml(lineLabel(l))}</li>`).join("");
  const html =
    payload.html ??
    [
      `<p>${escapeHtml(payload.summary)}</p>`,
      items ? `<ul>${items}</ul>` : "",
      payload.url ? `<p><a href="${escapeHtml(payload.url)}">See all</a></p>` : "",
      payload.footer ? `<p style="color:#666">${escapeHtml(payload.footer)}</p>` : "",
    ].join("");
  const attachments = (payload.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.contentBase64, "base64") }));
  return { subject: message.title, text, html, attachments };
}

export async function sendEmail(config: ChannelDisplayConfig, secret: ChannelSecret, message: OutgoingMessage): Promise<void> {
  const to = message.recipients.length > 0 ? message.recipients : (config.recipients ?? []);
  if (to.length === 0) throw new DeliveryError("no recipients: the channel has none and the message names none", true);
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.tls === "tls",
    requireTLS: config.tls === "starttls",
    ignoreTLS: config.tls === "none",
    auth: config.user ? { user: config.user, pass: secret.password ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  try {
    await transport.sendMail({ from: config.from, to, ...renderEmail(message) });
  } catch (error) {
    const e = error as Error & { responseCode?: number };
    // 5xx is the server's final "no" (bad credentials, refused recipient); anything else may pass later.
    throw new DeliveryError(`SMTP ${config.host}:${config.port}: ${e.message}`, (e.responseCode ?? 0) >= 500);
  } finally {
    transport.close();
  }
}
