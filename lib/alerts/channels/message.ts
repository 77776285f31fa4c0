import type { AlertMessageKind } from "@/generated/prisma/client";
import type { AlertLine, AlertPayload, Severity } from "../payload";

/** One delivery row as a channel sees it. */
export interface OutgoingMessage {
  id: string;
  kind: AlertMessageKind;
  title: string;
  payload: AlertPayload;
  /** Email: replaces the channel's own recipients when not empty. */
  recipients: string[];
  ruleId: string | null;
  runId: string | null;
  createdAt: Date;
}

/** A failed send: `permanent` when retrying cannot help (a 404 webhook, a refused address). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

export const SEVERITY_LABEL: Record<Severity, string> = { critical: "CRITICAL", high: "HIGH", medium: "MEDIUM", low: "LOW", info: "INFO" };

/** `[HIGH] text` — the plain form every channel starts from. */
export const lineLabel = (line: AlertLine) => (line.severity ? `[${SEVERITY_LABEL[line.severity]}] ${line.text}` : line.text);

/**
 * Chat messages have size limits (Slack: 3,000 characters per section, ~40,000 per message;
 * Teams: ~28 KB per card). Lines are kept in order while they fit; the rest become "and N more".
 */
export function fitLines<T>(lines: readonly T[], render: (line: T) => string, limits: { maxLines: number; maxChars: number }): { shown: string[]; hidden: number } {
  const shown: string[] = [];
  let chars = 0;
  for (const line of lines) {
    const text = render(line);
    if (shown.length >= limits.maxLines || chars + text.length > limits.maxChars) break;
    shown.push(text);
    chars += text.length;
  }
  return { shown, hidden: lines.length - shown.length };
}

/** Lines longer than this are cut (a finding is one line, not a policy document). */
export const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
