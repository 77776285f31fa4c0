// STS (AWS query, XML): AssumeRole hands out credentials whose access key names the account, so
// later calls signed with them are served from that account's part of the fixture.
import { errorAnswer, queryAnswer, xml, type Answer } from "../wire";
import type { CallContext } from "../context";

const NS = "https://sts.amazonaws.com/doc/2011-06-15/";

/** "ASIA" + account id + a suffix: parsed back by the server to know the calling account. */
export const assumedAccessKey = (accountId: string) => `ASIA${accountId}TEST`;
export const accountOfAccessKey = (accessKey: string) => /^ASIA(\d{12})/.exec(accessKey)?.[1] ?? null;

export function sts(ctx: CallContext, operation: string, params: URLSearchParams): Answer {
  switch (operation) {
    case "GetCallerIdentity":
      return queryAnswer("GetCallerIdentity", NS, xml({ Arn: ctx.principal, UserId: "AIDATEST", Account: ctx.accountId }));
    case "AssumeRole": {
      const roleArn = params.get("RoleArn") ?? "";
      const match = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(roleArn);
      const target = match?.[1];
      const account = target ? ctx.org.accounts.find((a) => a.id === target) : undefined;
      if (!match || !account || ctx.options.missingRoleAccounts?.includes(target!)) {
        return errorAnswer("query", 403, "AccessDenied", `User: ${ctx.principal} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
      }
      const session = params.get("RoleSessionName") ?? "session";
      const expiration = new Date(Date.now() + Number(params.get("DurationSeconds") ?? 3600) * 1000);
      return queryAnswer(
        "AssumeRole",
        NS,
        xml({
          Credentials: { AccessKeyId: assumedAccessKey(target!), SecretAccessKey: "test-secret", SessionToken: `token-${target}`, Expiration: expiration },
          AssumedRoleUser: { AssumedRoleId: `AROATEST:${session}`, Arn: `arn:aws:sts::${target}:assumed-role/${match[2]}/${session}` },
        }),
      );
    }
    default:
      return errorAnswer("query", 400, "InvalidAction", `STS ${operation} is not served here`);
  }
}
