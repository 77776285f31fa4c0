// An endpoint that accepts the connection and never answers must not hang a unit: every client
// gives up within the configured request timeout per attempt, naming the service.
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ListKeysCommand } from "@aws-sdk/client-kms";
import { GetCostAndUsageCommand } from "@aws-sdk/client-cost-explorer";
import { awsTimeoutsFromEnv, createAwsClients, destroyAwsClients, DEFAULT_TIMEOUTS } from "@/jobs/aws/clients";

let server: Server;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  // Accepts, reads, never writes a byte back.
  server = createServer((socket) => {
    sockets.push(socket);
    socket.on("data", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
});

const credentials = { accessKeyId: "AKIATEST", secretAccessKey: "secret" };

describe("AWS client timeouts", () => {
  it("fails a call to a silent endpoint within attempts × request timeout, naming the service", async () => {
    const clients = createAwsClients({
      region: "eu-west-1",
      endpoint: url,
      credentials,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      timeouts: { connectTimeoutMs: 1000, requestTimeoutMs: 300 },
    });
    try {
      const started = Date.now();
      const error = await clients.kms.send(new ListKeysCommand({})).then(() => null, (e: unknown) => e as Error);
      const elapsed = Date.now() - started;
      expect(error?.name).toBe("TimeoutError");
      expect(error?.message).toMatch(/^kms ListKeys: no answer within the timeouts \(connect 1000 ms, request 300 ms per attempt/);
      expect(elapsed).toBeGreaterThanOrEqual(2 * 300 - 50);
      expect(elapsed).toBeLessThan(2 * 300 + 1500);

      const ce = await clients.costExplorer
        .send(new GetCostAndUsageCommand({ TimePeriod: { Start: "2026-01-01", End: "2026-01-02" }, Granularity: "DAILY", Metrics: ["UnblendedCost"] }))
        .then(() => null, (e: unknown) => e as Error);
      expect(ce?.message).toMatch(/^ce GetCostAndUsage: no answer within the timeouts/);
    } finally {
      destroyAwsClients(clients);
    }
  }, 15_000);

  it("reads the timeouts from the environment, validated, with defaults", () => {
    expect(awsTimeoutsFromEnv({})).toEqual(DEFAULT_TIMEOUTS);
    expect(awsTimeoutsFromEnv({ INGEST_AWS_CONNECT_TIMEOUT_MS: "2000", INGEST_AWS_REQUEST_TIMEOUT_MS: " 30000 " })).toEqual({ connectTimeoutMs: 2000, requestTimeoutMs: 30_000 });
    expect(() => awsTimeoutsFromEnv({ INGEST_AWS_REQUEST_TIMEOUT_MS: "soon" })).toThrow(/INGEST_AWS_REQUEST_TIMEOUT_MS: /);
    expect(() => awsTimeoutsFromEnv({ INGEST_AWS_CONNECT_TIMEOUT_MS: "5" })).toThrow("INGEST_AWS_CONNECT_TIMEOUT_MS: must be at least 100 ms");
  });
});
