// A local HTTP endpoint that answers the AWS SDK in the real wire formats, for an organization
// defined in a fixture. Point the SDK at it with AWS_ENDPOINT_URL=http://127.0.0.1:<port> (an IP
// address makes S3 use path-style addressing). Requests are routed by the SigV4 credential scope
// (".../<region>/<service>/aws4_request"), the calling account by the access key: assumed-role
// keys name their account (services/sts.ts); the base key is the management account's.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { OrgFixture } from "./fixture";
import { regionOf } from "./fixture";
import type { CallContext, EndpointOptions } from "./context";
import { DOMAIN_QUOTAS, QuotaEnforcer, THROTTLE_ERROR } from "./quotas";
import { errorAnswer, send, type Answer, type Protocol } from "./wire";
import { kms } from "./services/kms";
import { costExplorer } from "./services/cost-explorer";
import { organizations } from "./services/organizations";
import { tagging } from "./services/tagging";
import { sts, accountOfAccessKey } from "./services/sts";
import { rds } from "./services/rds";
import { ec2 } from "./services/ec2";
import { s3, s3Operation } from "./services/s3";

export type { EndpointOptions } from "./context";

const PROTOCOL: Record<string, Protocol> = { kms: "json", ce: "json", tagging: "json", organizations: "json", sts: "query", rds: "query", ec2: "ec2", s3: "restxml" };
const REGIONLESS = new Set(["sts", "organizations", "ce"]);

export interface EndpointStats {
  /** Answered requests by "service:Operation" (throttled ones included). */
  requests: Map<string, number>;
  /** Throttled requests by "service:Operation". */
  throttled: Map<string, number>;
  /** Error answers other than throttling, by "service:Operation:Code". */
  errors: Map<string, number>;
}

export interface AwsEndpoint {
  url: string;
  stats: EndpointStats;
  close(): Promise<void>;
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** SigV4: "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/kms/aws4_request, ...". */
function credentialScope(authorization: string | undefined) {
  const match = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(authorization ?? "");
  return match ? { accessKey: match[1]!, region: match[2]!, service: match[3]! } : null;
}

const DISABLED_REGION: Record<Protocol, { status: number; code: string }> = {
  json: { status: 400, code: "UnrecognizedClientException" },
  query: { status: 403, code: "InvalidClientTokenId" },
  ec2: { status: 401, code: "AuthFailure" },
  restxml: { status: 403, code: "InvalidAccessKeyId" },
};

export async function startAwsEndpoint(org: OrgFixture, options: EndpointOptions = {}, port = 0): Promise<AwsEndpoint> {
  const stats: EndpointStats = { requests: new Map(), throttled: new Map(), errors: new Map() };
  // Options are read per request, so a test may change them between runs.
  let quotaSetting: EndpointOptions["quotas"];
  let enforcer: QuotaEnforcer | null = null;
  const quotaEnforcer = () => {
    if (options.quotas !== quotaSetting) {
      quotaSetting = options.quotas;
      const rates = quotaSetting === true ? DOMAIN_QUOTAS : quotaSetting ? quotaSetting : null;
      enforcer = rates ? new QuotaEnforcer(rates) : null;
    }
    return enforcer;
  };

  const answer = async (req: IncomingMessage): Promise<{ api: string; answer: Answer }> => {
    const body = await readBody(req);
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    const scope = credentialScope(req.headers.authorization);
    if (!scope) return { api: "unsigned", answer: errorAnswer("json", 403, "MissingAuthenticationTokenException", "Missing Authentication Token") };
    const protocol = PROTOCOL[scope.service];
    if (!protocol) return { api: scope.service, answer: errorAnswer("json", 400, "UnknownService", `service ${scope.service} is not served here`) };
    const accountId = accountOfAccessKey(scope.accessKey) ?? options.baseAccountId ?? org.managementAccountId;
    const url = new URL(req.url ?? "/", "http://endpoint");

    let operation: string;
    let input: Record<string, unknown> = {};
    let params = new URLSearchParams();
    let bucket: string | null = null;
    let key = "";
    if (protocol === "json") {
      operation = String(req.headers["x-amz-target"] ?? "").split(".").pop() ?? "";
      input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } else if (protocol === "restxml") {
      ({ operation, bucket, key } = s3Operation(req.method ?? "GET", url));
    } else {
      params = new URLSearchParams(body);
      operation = params.get("Action") ?? "";
    }
    const api = `${scope.service}:${operation}`;
    const where = `${accountId}:${scope.region}`;

    if (!REGIONLESS.has(scope.service) && options.disabledRegions?.some((d) => d.accountId === accountId && d.region === scope.region)) {
      const e = DISABLED_REGION[protocol];
      return { api, answer: errorAnswer(protocol, e.status, e.code, "The security token included in the request is invalid.") };
    }
    const quotas = quotaEnforcer();
    if (quotas && !quotas.admit(where, api)) {
      const t = THROTTLE_ERROR[scope.service]!;
      bump(stats.throttled, api);
      return { api, answer: errorAnswer(t.protocol, t.status, t.code, "Rate exceeded") };
    }
    const ctx: CallContext = {
      org,
      options,
      accountId,
      region: scope.region,
      principal: `arn:aws:sts::${accountId}:assumed-role/test/session`,
      regionFixture: regionOf(org, accountId, scope.region),
    };
    switch (scope.service) {
      case "kms": return { api, answer: kms(ctx, operation, input) };
      case "ce": return { api, answer: costExplorer(ctx, operation, input) };
      case "organizations": return { api, answer: organizations(ctx, operation, input) };
      case "tagging": return { api, answer: tagging(ctx, operation, input) };
      case "sts": return { api, answer: sts(ctx, operation, params) };
      case "rds": return { api, answer: rds(ctx, operation, params) };
      case "ec2": return { api, answer: ec2(ctx, operation, params) };
      default: return { api, answer: s3(ctx, operation, bucket, url, key) };
    }
  };

  const server = createServer((req, res) => {
    answer(req)
      .then(({ api, answer: a }) => {
        bump(stats.requests, api);
        const text = typeof a.body === "string" ? a.body : "";
        if (a.status >= 400 && !/Throttl|LimitExceeded|TooManyRequests|SlowDown/.test(text)) bump(stats.errors, `${api}:${/"__type":"([^"]+)"|<Code>([^<]+)</.exec(text)?.slice(1).find(Boolean) ?? a.status}`);
        send(res, a);
      })
      .catch((error: unknown) => send(res, errorAnswer("json", 500, "InternalFailure", String(error))));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
