// Slack incoming webhook: Block Kit (header, summary, the lines as linked bullets, "and N more",
// footer) with a `text` fallback for notifications.
import type { AlertLine } from "../payload";
import { clip, fitLines, lineLabel, type OutgoingMessage } from "./message";

const SECTION_MAX = 3000;
const LIMITS = { maxLines: 50, maxChars: 12_000 };
const ICON = { critical: ":red_circle:", high: ":large_orange_circle:", medium: ":large_yellow_circle:", low: ":large_blue_circle:", info: ":white_circle:" };

/** Slack's three control characters (its mrkdwn has no other escaping). */
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const bullet = (line: AlertLine) => {
  const text = escape(clip(lineLabel({ ...line, severity: undefined })));
  const icon = line.severity ? `${ICON[line.severity]} ` : "• ";
  return `${icon}${line.url ? `<${line.url}|${text}>` : text}`;
};

export function renderSlack(message: OutgoingMessage): object {
  const { payload } = message;
  const { shown, hidden } = fitLines(payload.lines, bullet, LIMITS);
  if (hidden > 0) shown.push(payload.url ? `…and ${hidden} more: <${payload.url}|see all>` : `…and ${hidden} more`);
  // Lines packed into sections under Slack's per-section limit.
  const sections: string[] = [];
  for (const line of shown) {
    const last = sections.length - 1;
    if (last >= 0 && sections[last]!.length + line.length + 1 <= SECTION_MAX) sections[last] += `\n${line}`;
    else sections.push(line);
  }
  const blocks: object[] = [
    { type: "header", text: { type: "plain_text", text: clip(message.title, 150), emoji: true } },
    { type: "section", text: { type: "mrkdwn", text: escape(clip(payload.summary, SECTION_MAX)) } },
    ...sections.map((text) => ({ type: "section", text: { type: "mrkdwn", text } })),
  ];
  const footer = [payload.footer, payload.attachments?.length ? `Attachments sent by email only: ${payload.attachments.map((a) => a.filename).join(", ")}` : undefined].filter(Boolean);
  if (footer.length) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escape(clip(footer.join(" · "), 2000)) }] });
  return { text: clip(`${message.title}: ${payload.summary}`, 3000), blocks };
}
