// Microsoft Teams through a Workflows webhook ("Send webhook alerts to a channel"; the Office 365
// connectors' MessageCard was retired in 2026): a message whose attachment is an Adaptive Card.
import type { AlertLine } from "../payload";
import { clip, fitLines, lineLabel, type OutgoingMessage } from "./message";

const LIMITS = { maxLines: 50, maxChars: 18_000 }; // the card must stay under Teams' ~28 KB
const COLOR = { critical: "Attention", high: "Warning", medium: "Warning", low: "Accent", info: "Default" } as const;

/** Adaptive Card TextBlocks take a Markdown subset: brackets in a label would break a link. */
const escape = (text: string) => text.replace(/([[\]()*_~`>#])/g, "\\$1");

const block = (line: AlertLine) => {
  const text = escape(clip(lineLabel(line)));
  return JSON.stringify({ type: "TextBlock", wrap: true, spacing: "Small", color: line.severity ? COLOR[line.severity] : "Default", text: `- ${line.url ? `[${text}](${line.url})` : text}` });
};

export function renderTeams(message: OutgoingMessage): object {
  const { payload } = message;
  const { shown, hidden } = fitLines(payload.lines, block, LIMITS);
  const body: object[] = [
    { type: "TextBlock", text: clip(message.title, 200), weight: "Bolder", size: "Medium", wrap: true },
    { type: "TextBlock", text: escape(clip(payload.summary, 2000)), wrap: true },
    ...shown.map((s) => JSON.parse(s) as object),
  ];
  if (hidden > 0) body.push({ type: "TextBlock", wrap: true, isSubtle: true, text: `…and ${hidden} more` });
  if (payload.footer) body.push({ type: "TextBlock", wrap: true, isSubtle: true, size: "Small", text: escape(clip(payload.footer, 1000)) });
  const card = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body,
    ...(payload.url ? { actions: [{ type: "Action.OpenUrl", title: hidden > 0 ? "See all" : "Open in the dashboard", url: payload.url }] } : {}),
  };
  return { type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card }] };
}
