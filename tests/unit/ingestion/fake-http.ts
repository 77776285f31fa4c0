// An HTTP handler that answers SDK requests from a script, so the whole client middleware stack
// (read-only guard, pacing, counter, retries, error parsing) runs as it does against AWS.
// aws-sdk-client-mock replaces client.send and would skip that stack.
import { Readable } from "node:stream";
import { HttpResponse } from "@smithy/core/transport";

export interface SentRequest {
  hostname: string;
  target: string; // X-Amz-Target for JSON protocols, e.g. "TrentService.ListKeys"
  body: string;
}

export type ScriptedAnswer = { status: number; body: unknown; headers?: Record<string, string> };

export function jsonError(type: string, message = type): ScriptedAnswer {
  return { status: 400, body: { __type: type, message } };
}

export function fakeHttpHandler(answer: (request: SentRequest, index: number) => ScriptedAnswer) {
  const sent: SentRequest[] = [];
  const handler = {
    metadata: { handlerProtocol: "http/1.1" },
    async handle(request: { hostname: string; headers: Record<string, string>; body?: unknown }) {
      const sentRequest: SentRequest = {
        hostname: request.hostname,
        target: request.headers["x-amz-target"] ?? "",
        body: typeof request.body === "string" ? request.body : "",
      };
      sent.push(sentRequest);
      const { status, body, headers } = answer(sentRequest, sent.length - 1);
      return {
        response: new HttpResponse({
          statusCode: status,
          headers: { "content-type": "application/x-amz-json-1.1", ...headers },
          body: Readable.from([Buffer.from(JSON.stringify(body))]),
        }),
      };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
  return { handler, sent };
}

export const TEST_CREDENTIALS = { accessKeyId: "AKIDTEST", secretAccessKey: "secret" };
