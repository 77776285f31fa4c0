import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { parseQuery, readJsonBody } from "@/lib/api/params";
import { db } from "@/lib/db/client";
import { loadPolicySettings } from "@/lib/settings/load";
import { saveSettings } from "@/lib/settings/save";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    parseQuery(request, z.strictObject({}));
    return { settings: await loadPolicySettings(db()) };
  });
}

/** Body: a partial settings object. Invalid → 400 naming the setting; nothing is stored then. */
export function PUT(request: Request): Promise<Response> {
  return handle(async () => {
    const patch = await readJsonBody(request, "a JSON object of settings");
    return saveSettings(db(), patch);
  });
}
