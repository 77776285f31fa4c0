// The cause of a warning from the errors the AWS SDK really throws: a local HTTP endpoint answers
// like KMS/STS do (JSON error bodies, an HTML 404 page), and the SDK builds the error.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetKeyRotationStatusCommand, KMSClient } from "@aws-sdk/client-kms";
import { classifyWarning, errorShape, explainWarnings, warningApi } from "@/lib/ingestion/warning-causes";
import { WarningLog } from "@/jobs/collectors/common";

let answer: { status: number; type: string; body: string } = { status: 200, type: "application/json", body: "{}" };
let server: Server;
let kms: KMSClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(answer.status, { "content-type": answer.type }).end(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  kms = new KMSClient({
    region: "eu-west-1",
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    maxAttempts: 1,
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** The SDK error for one answer of the endpoint. */
async function sdkError(status: number, body: string, type = "application/x-amz-json-1.1"): Promise<unknown> {
  answer = { status, type, body };
  return kms.send(new GetKeyRotationStatusCommand({ KeyId: KEY })).then(
    () => expect.unreachable("the call should fail"),
    (error: unknown) => error,
  );
}

describe("classifyWarning on SDK errors", () => {
  it("an HTML 404 page (endpoint without the API) is api-missing", async () => {
    const error = await sdkError(404, "<html><body>Not Found</body></html>", "text/html");
    const shape = errorShape(error);
    expect(shape.httpStatusCode).toBe(404);
    expect(classifyWarning(shape)).toBe("api-missing");
    // As stored: the status is gone, the name and message remain.
    expect(classifyWarning({ name: shape.name, message: `GetKeyRotationStatus: ${shape.message}` })).toBe("api-missing");
  });

  it("UnknownOperationException and 501 are api-missing", async () => {
    const unknown = errorShape(await sdkError(400, JSON.stringify({ __type: "UnknownOperationException", message: "" })));
    expect(unknown.name).toBe("UnknownOperationException");
    expect(classifyWarning(unknown)).toBe("api-missing");
    const notImplemented = errorShape(await sdkError(501, JSON.stringify({ __type: "NotImplemented", message: "not implemented" })));
    expect(notImplemented.httpStatusCode).toBe(501);
    expect(classifyWarning(notImplemented)).toBe("api-missing");
  });

  it("AccessDeniedException is access-denied", async () => {
    const body = { __type: "AccessDeniedException", message: `User: arn:aws:sts::111111111111:assumed-role/KmsFinopsReadOnly/run is not authorized to perform: kms:GetKeyRotationStatus on resource: ${KEY}` };
    const shape = errorShape(await sdkError(400, JSON.stringify(body)));
    expect(shape).toMatchObject({ name: "AccessDeniedException", httpStatusCode: 400 });
    expect(classifyWarning(shape)).toBe("access-denied");
  });

  it("ThrottlingException is throttled", async () => {
    const shape = errorShape(await sdkError(400, JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" })));
    expect(shape.name).toBe("ThrottlingException");
    expect(classifyWarning(shape)).toBe("throttled");
  });

  it("an AssumeRole refusal is role-not-assumable, an unknown error is other", () => {
    const denied = { name: "AccessDenied", message: "User: arn:aws:iam::999999999999:user/hub is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/KmsFinopsReadOnly", httpStatusCode: 403 };
    expect(classifyWarning(denied)).toBe("role-not-assumable");
    expect(classifyWarning({ name: "KMSInternalException", message: "DescribeKey k: internal error", httpStatusCode: 500 })).toBe("other");
  });

  it("reads the API back from what WarningLog stores", async () => {
    const log = new WarningLog("kms", { accountId: "111111111111", region: "eu-west-1" });
    log.fromError("GetKeyRotationStatus", await sdkError(404, "<html></html>", "text/html"), KEY);
    log.fromError("DescribeKey 1234abcd", await sdkError(400, JSON.stringify({ __type: "AccessDeniedException", message: "denied" })));
    log.fromError("Tagging GetResources", await sdkError(400, JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" })));
    const read = log.records.map((r) => [warningApi(r.message), classifyWarning({ name: r.code, message: r.message })]);
    expect(read).toEqual([
      ["GetKeyRotationStatus", "api-missing"],
      ["DescribeKey", "access-denied"],
      ["GetResources", "throttled"],
    ]);
    expect(warningApi("Group without two keys on 2026-12-01: []")).toBeNull();
  });
});

describe("explainWarnings", () => {
  it("says what a missing API leaves unknown, per API", () => {
    expect(explainWarnings("api-missing", "GetKeyLastUsage", 12).meaning).toBe("last-used dates unknown for 12 keys: unused-key checks skipped");
    expect(explainWarnings("api-missing", "GetKeyRotationStatus", 1).meaning).toBe("rotation status unknown for 1 key: rotation findings skipped");
  });

  it("names the IAM action and the docs line when access is denied", () => {
    const e = explainWarnings("access-denied", "GetBucketEncryption", 3);
    expect(e.fix).toContain("s3:GetEncryptionConfiguration");
    expect(e.docs).toBe("docs/iam/README.md#calls-and-permissions");
  });

  it("points a role that cannot be assumed to the trust policy", () => {
    const e = explainWarnings("role-not-assumable", null, 1);
    expect(e.fix).toContain("trust-policy.json");
    expect(e.docs).toBe("docs/iam/README.md#set-up");
  });
});
