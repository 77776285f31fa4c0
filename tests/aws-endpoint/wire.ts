// Wire formats of the AWS protocols the SDK clients speak: JSON 1.1 (KMS, Cost Explorer,
// Tagging, Organizations), AWS query (STS, RDS), EC2 query, and REST-XML (S3).
import type { ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";

export type Protocol = "json" | "query" | "ec2" | "restxml";

export interface Answer {
  status: number;
  contentType: string;
  /** Text, or the bytes of an S3 object. */
  body: string | Buffer;
  headers?: Record<string, string>;
}

export const xmlEscape = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** Serializes a plain object to XML elements; arrays become repeated `member`/`item` wrappers by the caller. */
export function xml(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(xml).join("");
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${xml(v)}</${k}>`)
      .join("");
  }
  return xmlEscape(String(value));
}

/** An XML list: `<Name><member>…</member>…</Name>` (query) or `<item>` (EC2). */
export const xmlList = (items: unknown[], element: string) => ({ __raw: items.map((i) => `<${element}>${xml(i)}</${element}>`).join("") });

export function xmlRaw(parts: Record<string, unknown>): string {
  return Object.entries(parts)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => (v && typeof v === "object" && "__raw" in (v as object) ? `<${k}>${(v as { __raw: string }).__raw}</${k}>` : `<${k}>${xml(v)}</${k}>`))
    .join("");
}

export const jsonAnswer = (body: unknown): Answer => ({ status: 200, contentType: "application/x-amz-json-1.1", body: JSON.stringify(body) });

/** AWS query: <XResponse><XResult>…</XResult><ResponseMetadata/></XResponse>. */
export function queryAnswer(action: string, namespace: string, result: string): Answer {
  const body = `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="${namespace}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, contentType: "text/xml", body };
}

/** EC2 query: no Result wrapper, requestId first. */
export function ec2Answer(action: string, result: string): Answer {
  const body = `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${randomUUID()}</requestId>${result}</${action}Response>`;
  return { status: 200, contentType: "text/xml;charset=UTF-8", body };
}

export const restXmlAnswer = (root: string, inner: string): Answer => ({
  status: 200,
  contentType: "application/xml",
  body: `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${inner}</${root}>`,
});

/** An error in the shape each protocol's deserializer reads. */
export function errorAnswer(protocol: Protocol, status: number, code: string, message: string): Answer {
  const requestId = randomUUID();
  switch (protocol) {
    case "json":
      return { status, contentType: "application/x-amz-json-1.1", body: JSON.stringify({ __type: code, message }), headers: { "x-amzn-requestid": requestId } };
    case "query":
      return {
        status,
        contentType: "text/xml",
        body: `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    case "ec2":
      return {
        status,
        contentType: "text/xml;charset=UTF-8",
        body: `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      };
    case "restxml":
      return {
        status,
        contentType: "application/xml",
        body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><RequestId>${requestId}</RequestId></Error>`,
      };
  }
}

export function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { "content-type": answer.contentType, "content-length": Buffer.byteLength(answer.body), ...answer.headers });
  res.end(answer.body);
}

/** Offset pagination: tokens are the index of the next item. */
export function pageOf<T>(items: readonly T[], token: string | undefined | null, size: number): { items: T[]; next: string | null } {
  const start = token ? Number(token.replace(/^t/, "")) || 0 : 0;
  const end = start + size;
  return { items: items.slice(start, end), next: end < items.length ? `t${end}` : null };
}

export const epochSeconds = (iso: string) => Date.parse(iso) / 1000;
