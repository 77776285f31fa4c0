// A real HTTP receiver for webhook tests: records every request, verifies the KMS FinOps
// signature the way docs/alerts.md tells a receiver to (its own code, not the sender's), and can
// answer 503 (or another status) to the first N requests to play a channel that is down.
// Inspection over HTTP too (for Playwright specs in another process): GET /__inbox lists the
// recorded requests, DELETE /__inbox clears them, POST /__fail?count=N[&status=503] fails the next N.
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Parsed JSON body, or null when the body is not JSON. */
  json: unknown;
  /** Signature header present, valid for the shared secret, and the timestamp within 5 minutes. */
  signatureValid: boolean;
  /** The status this receiver answered. */
  status: number;
  receivedAt: string;
}

export interface WebhookReceiver {
  /** Base URL, e.g. http://127.0.0.1:41234 (post to any path under it). */
  url: string;
  port: number;
  secret: string;
  /** Requests answered 2xx (what was delivered). */
  delivered(): ReceivedRequest[];
  /** Every request, failed ones included. */
  all(): ReceivedRequest[];
  /** Answers the next `count` requests with `status` (503 by default: a channel that is down). */
  failNext(count: number, status?: number): void;
  clear(): void;
  close(): Promise<void>;
}

const REPLAY_WINDOW_S = 300;

export function verifySignature(secret: string, headers: http.IncomingHttpHeaders, body: string, nowMs = Date.now()): boolean {
  const timestamp = String(headers["x-kms-finops-timestamp"] ?? "");
  const signature = String(headers["x-kms-finops-signature"] ?? "");
  if (!/^\d+$/.test(timestamp) || !signature.startsWith("sha256=")) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > REPLAY_WINDOW_S) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex"));
  const given = Buffer.from(signature.slice("sha256=".length));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startWebhookReceiver(options: { secret: string; failFirst?: number; port?: number }): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  let failuresLeft = options.failFirst ?? 0;
  let failStatus = 503;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://receiver");
      if (url.pathname === "/__inbox") {
        if (req.method === "DELETE") requests.length = 0;
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(requests));
        return;
      }
      if (url.pathname === "/__fail" && req.method === "POST") {
        failuresLeft = Number(url.searchParams.get("count") ?? "0");
        failStatus = Number(url.searchParams.get("status") ?? "503");
        res.writeHead(204).end();
        return;
      }
      const status = failuresLeft > 0 ? failStatus : 200;
      if (failuresLeft > 0) failuresLeft--;
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        // not JSON: kept as text
      }
      requests.push({ path: url.pathname, headers: req.headers, body, json, signatureValid: verifySignature(options.secret, req.headers, body), status, receivedAt: new Date().toISOString() });
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "unavailable");
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    secret: options.secret,
    delivered: () => requests.filter((r) => r.status < 300),
    all: () => [...requests],
    failNext: (count, status = 503) => {
      failuresLeft = count;
      failStatus = status;
    },
    clear: () => (requests.length = 0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
