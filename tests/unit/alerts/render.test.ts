// Each channel's rendering of one grouped message: 40 findings in one message, cut with
// "and N more" + link when a chat channel's limit is reached; masking of channel secrets.
import { describe, expect, it } from "vitest";
import { channelCreateSchema, maskSecret, maskUrl, splitChannel } from "@/lib/alerts/channel-config";
import { renderEmail } from "@/lib/alerts/channels/email";
import type { OutgoingMessage } from "@/lib/alerts/channels/message";
import { renderSlack } from "@/lib/alerts/channels/slack";
import { renderTeams } from "@/lib/alerts/channels/teams";
import { renderWebhook } from "@/lib/alerts/channels/webhook";
import type { AlertLine } from "@/lib/alerts/payload";

const BASE = "https://finops.example.com";
const finding = (i: number): AlertLine => ({
  text: `Key arn:aws:kms:eu-west-1:111122223333:key/${String(i).padStart(4, "0")} has a public policy (PUBLIC_POLICY)`,
  url: `${BASE}/keys/arn%3Aaws%3Akms%3Aeu-west-1%3A111122223333%3Akey%2F${String(i).padStart(4, "0")}`,
  severity: i % 2 ? "high" : "critical",
});
const message = (lines: AlertLine[], extra: Partial<OutgoingMessage["payload"]> = {}): OutgoingMessage => ({
  id: "6f1c3a52-3c1e-4f5e-9f5a-2f1b2c3d4e5f",
  kind: "FIRED",
  title: `${lines.length} new key findings`,
  payload: { summary: `${lines.length} new critical/high findings in run 2026-12-05`, lines, footer: "Rule: public keys", url: `${BASE}/keys?finding=PUBLIC_POLICY`, ...extra },
  recipients: [],
  ruleId: null,
  runId: null,
  createdAt: new Date("2026-12-05T16:00:00Z"),
});

type Block = { type: string; text?: { text: string }; elements?: { text: string }[] };
const slackText = (body: object) => ((body as { blocks: Block[] }).blocks).map((b) => b.text?.text ?? b.elements?.map((e) => e.text).join(" ") ?? "").join("\n");

describe("Slack", () => {
  it("lists 40 findings in one message, each linked, with its severity", () => {
    const body = renderSlack(message(Array.from({ length: 40 }, (_, i) => finding(i))));
    const text = slackText(body);
    expect(text.match(/<https:\/\/finops\.example\.com\/keys\//g)).toHaveLength(40);
    expect(text).toContain(":red_circle: <https://finops.example.com/keys/arn%3Aaws%3Akms%3Aeu-west-1%3A111122223333%3Akey%2F0000|Key arn:aws:kms:eu-west-1:111122223333:key/0000 has a public policy (PUBLIC_POLICY)>");
    expect(text).not.toContain("more");
    // No section over Slack's 3,000 characters.
    for (const b of (body as { blocks: Block[] }).blocks) expect((b.text?.text ?? "").length).toBeLessThanOrEqual(3000);
    expect((body as { text: string }).text).toBe("40 new key findings: 40 new critical/high findings in run 2026-12-05");
  });

  it("cuts at 50 lines with 'and N more' linking to the whole list", () => {
    const text = slackText(renderSlack(message(Array.from({ length: 130 }, (_, i) => finding(i)))));
    expect(text.match(/<https:\/\/finops\.example\.com\/keys\/arn/g)).toHaveLength(50);
    expect(text).toContain("…and 80 more: <https://finops.example.com/keys?finding=PUBLIC_POLICY|see all>");
  });

  it("escapes Slack's control characters so a name cannot inject a link", () => {
    const text = slackText(renderSlack(message([{ text: "alias <evil|x> & co" }])));
    expect(text).toContain("• alias &lt;evil|x&gt; &amp; co");
  });
});

describe("Teams", () => {
  it("posts an Adaptive Card as a Workflows message, 50 lines at most, the rest as 'and N more' with a See all action", () => {
    const body = renderTeams(message(Array.from({ length: 60 }, (_, i) => finding(i)))) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(body.type).toBe("message");
    const [attachment] = body.attachments;
    expect(attachment.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const card = attachment.content;
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    const lines = card.body.filter((b: { text: string }) => b.text.startsWith("- "));
    expect(lines).toHaveLength(50);
    expect(lines[0].text).toBe("- [\\[CRITICAL\\] Key arn:aws:kms:eu-west-1:111122223333:key/0000 has a public policy \\(PUBLIC\\_POLICY\\)](https://finops.example.com/keys/arn%3Aaws%3Akms%3Aeu-west-1%3A111122223333%3Akey%2F0000)");
    expect(lines[0].color).toBe("Attention");
    expect(card.body.map((b: { text: string }) => b.text)).toContain("…and 10 more");
    expect(card.actions).toEqual([{ type: "Action.OpenUrl", title: "See all", url: `${BASE}/keys?finding=PUBLIC_POLICY` }]);
    expect(JSON.stringify(body).length).toBeLessThan(28_000);
  });
});

describe("webhook", () => {
  it("carries every line and names attachments without inlining them", () => {
    const lines = Array.from({ length: 130 }, (_, i) => finding(i));
    const body = JSON.parse(renderWebhook(message(lines, { attachments: [{ filename: "showback.pdf", contentType: "application/pdf", contentBase64: "JVBERi0=" }] })));
    expect(body.lines).toHaveLength(130);
    expect(body.lines[7]).toEqual(lines[7]);
    expect(body.attachments).toEqual([{ filename: "showback.pdf", contentType: "application/pdf" }]);
    expect(body).toMatchObject({ id: "6f1c3a52-3c1e-4f5e-9f5a-2f1b2c3d4e5f", kind: "FIRED", createdAt: "2026-12-05T16:00:00.000Z" });
  });
});

describe("email", () => {
  it("has the title as subject, every line with its link in text and HTML, and the attachments", () => {
    const mail = renderEmail(message([finding(1), { text: "<b>not html</b>" }], { attachments: [{ filename: "chargeback.csv", contentType: "text/csv", contentBase64: Buffer.from("bu,cost\npayments,1.50\n").toString("base64") }] }));
    expect(mail.subject).toBe("2 new key findings");
    expect(mail.text).toContain("- [HIGH] Key arn:aws:kms:eu-west-1:111122223333:key/0001 has a public policy (PUBLIC_POLICY)\n  https://finops.example.com/keys/arn%3Aaws%3Akms%3Aeu-west-1%3A111122223333%3Akey%2F0001");
    expect(mail.html).toContain('<a href="https://finops.example.com/keys/arn%3Aaws%3Akms%3Aeu-west-1%3A111122223333%3Akey%2F0001">[HIGH] Key');
    expect(mail.html).toContain("<li>&lt;b&gt;not html&lt;/b&gt;</li>");
    expect(mail.attachments[0]!.content.toString()).toBe("bu,cost\npayments,1.50\n");
  });

  it("uses the payload's own HTML body when given", () => {
    expect(renderEmail(message([finding(1)], { html: "<h1>Weekly digest</h1>" })).html).toBe("<h1>Weekly digest</h1>");
  });
});

describe("channel secrets shown masked", () => {
  it("keeps only the host and the last 4 characters of a URL, the last 4 of a signing secret", () => {
    expect(maskUrl("https://hooks.slack.com/services/T000/B000/abcdXyZ9")).toBe("https://hooks.slack.com/…/XyZ9");
    expect(maskSecret("whsec-0123456789abcdef")).toBe("••••cdef");
  });

  it("splits what is shown from what is sealed, and keeps stored secrets left blank on update", () => {
    const input = channelCreateSchema.parse({ kind: "WEBHOOK", name: "siem", url: "https://siem.example.com/hook/tokenAbCd", signingSecret: "whsec-0123456789abcdef" });
    const { config, secret } = splitChannel(input);
    expect(config).toEqual({ maskedUrl: "https://siem.example.com/…/AbCd", maskedSigningSecret: "••••cdef" });
    expect(JSON.stringify(config)).not.toContain("token");
    expect(secret).toEqual({ url: "https://siem.example.com/hook/tokenAbCd", signingSecret: "whsec-0123456789abcdef" });
    expect(splitChannel({ kind: "WEBHOOK", name: "siem" }, secret).secret).toEqual(secret);
    const email = splitChannel({ kind: "EMAIL", name: "mail", host: "smtp.example.com", port: 587, tls: "starttls", user: "alerts", from: "finops@example.com", recipients: [] }, { password: "p4ss" });
    expect(email).toEqual({ config: { host: "smtp.example.com", port: 587, tls: "starttls", user: "alerts", passwordSet: true, from: "finops@example.com", recipients: [] }, secret: { password: "p4ss" } });
  });

  it("names the field of a bad channel", () => {
    const result = channelCreateSchema.safeParse({ kind: "SLACK", name: "x", webhookUrl: "ftp://nope" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual(["webhookUrl: must be an http(s) URL"]);
  });
});
