import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { badRequest, notFound } from "@/lib/domain/errors";
import { parseQuery } from "@/lib/api/params";
import { currentPrincipal } from "@/lib/auth/context";
import { labelInScope } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { keyDetail } from "@/lib/queries/kpi/key-detail";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/** The ARN arrives URL-encoded ("arn%3Aaws%3Akms%3A...%3Akey%2F..."); decode once if still encoded. */
function keyArnOf(raw: string): string {
  let arn = raw;
  if (arn.includes("%")) {
    try {
      arn = decodeURIComponent(arn);
    } catch {
      throw badRequest("arn: is not a valid URL-encoded key ARN");
    }
  }
  if (!KEY_ARN.test(arn)) throw badRequest("arn: must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>), URL-encoded");
  return arn;
}

function get(request: Request, context: { params: Promise<{ arn: string }> }): Promise<Response> {
  return handle(async () => {
    parseQuery(request, z.strictObject({}));
    const arn = keyArnOf((await context.params).arn);
    const detail = await keyDetail(db(), arn);
    // Another BU's key answers exactly like an unknown one; resources of other BUs it protects are left out.
    if (!detail || !labelInScope(currentPrincipal(), detail.metadata.businessUnit)) throw notFound(`key ${arn} is not in the inventory`);
    return { ...detail, resources: detail.resources.filter((r) => labelInScope(currentPrincipal(), r.businessUnit)) };
  });
}

export const GET = withAccess("GET /api/keys/[arn]", get);
