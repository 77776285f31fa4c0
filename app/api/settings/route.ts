import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { parseQuery, readJsonBody } from "@/lib/api/params";
import { db } from "@/lib/db/client";
import { loadPolicySettings } from "@/lib/settings/load";
import { saveSettings } from "@/lib/settings/save";
import { countHistoryRows } from "@/lib/settings/history-size";
import { audit } from "@/lib/auth/audit";
import { currentPrincipal } from "@/lib/auth/context";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

function get(request: Request): Promise<Response> {
  return handle(async () => {
    parseQuery(request, z.strictObject({}));
    // historyRows: the size behind the page's "how long a save takes" estimate.
    return { settings: await loadPolicySettings(db()), historyRows: await countHistoryRows(db()) };
  });
}

const pick = (settings: object, keys: string[]) => Object.fromEntries(keys.map((k) => [k, (settings as Record<string, unknown>)[k]]));

/**
 * Body: a partial settings object. Invalid → 400 naming every invalid setting (error.fields);
 * nothing is stored then (and nothing audited). The audit row holds the settings that changed, before and after.
 */
function put(request: Request): Promise<Response> {
  return handle(async () => {
    const patch = await readJsonBody(request, "a JSON object of settings");
    const before = await loadPolicySettings(db());
    const result = await saveSettings(db(), patch);
    await audit(db(), currentPrincipal(), "settings.update", { target: "policy", before: pick(before, result.changed), after: pick(result.settings, result.changed) });
    return result;
  });
}

export const GET = withAccess("GET /api/settings", get);
export const PUT = withAccess("PUT /api/settings", put);
