import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { parseQuery, readJsonBody } from "@/lib/api/params";
import { db } from "@/lib/db/client";
import { loadPolicySettings } from "@/lib/settings/load";
import { saveSettings } from "@/lib/settings/save";
import { auditAfter } from "@/lib/auth/audit";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

function get(request: Request): Promise<Response> {
  return handle(async () => {
    parseQuery(request, z.strictObject({}));
    return { settings: await loadPolicySettings(db()) };
  });
}

/** Body: a partial settings object. Invalid → 400 naming the setting; nothing is stored then. */
function put(request: Request): Promise<Response> {
  return handle(async () => {
    const patch = await readJsonBody(request, "a JSON object of settings");
    const before = await loadPolicySettings(db());
    return auditAfter(saveSettings(db(), patch), "settings.update", { target: "policy", before, after: patch });
  });
}

export const GET = withAccess("GET /api/settings", get);
export const PUT = withAccess("PUT /api/settings", put);
