// Organizations (JSON 1.1, X-Amz-Target AWSOrganizationsV20161128.*), management account only.
import { errorAnswer, jsonAnswer, pageOf, type Answer } from "../wire";
import type { CallContext } from "../context";

const ouId = (name: string) => `ou-root-${name.toLowerCase().replace(/[^a-z0-9]/g, "")}`;

export function organizations(ctx: CallContext, operation: string, input: Record<string, unknown>): Answer {
  const { org } = ctx;
  if (ctx.accountId !== org.managementAccountId) {
    return errorAnswer("json", 400, "AccessDeniedException", "You don't have permissions to access this resource.");
  }
  switch (operation) {
    case "ListAccounts": {
      const page = pageOf(org.accounts, input.NextToken as string, 20);
      return jsonAnswer({
        Accounts: page.items.map((a) => ({
          Id: a.id, Arn: `arn:aws:organizations::${org.managementAccountId}:account/o-test/${a.id}`, Email: `${a.name}@example.com`,
          Name: a.name, Status: a.status ?? "ACTIVE", State: a.status ?? "ACTIVE", JoinedMethod: "CREATED", JoinedTimestamp: 1_700_000_000,
        })),
        ...(page.next ? { NextToken: page.next } : {}),
      });
    }
    case "ListParents": {
      const account = org.accounts.find((a) => a.id === input.ChildId);
      if (!account) return errorAnswer("json", 400, "ChildNotFoundException", `${String(input.ChildId)} not found`);
      return jsonAnswer({ Parents: [{ Id: ouId(account.ou), Type: "ORGANIZATIONAL_UNIT" }] });
    }
    case "DescribeOrganizationalUnit": {
      const account = org.accounts.find((a) => ouId(a.ou) === input.OrganizationalUnitId);
      if (!account) return errorAnswer("json", 400, "OrganizationalUnitNotFoundException", "OU not found");
      return jsonAnswer({ OrganizationalUnit: { Id: ouId(account.ou), Arn: `arn:aws:organizations::${org.managementAccountId}:ou/o-test/${ouId(account.ou)}`, Name: account.ou } });
    }
    default:
      return errorAnswer("json", 400, "UnknownOperationException", `Organizations ${operation} is not served here`);
  }
}
