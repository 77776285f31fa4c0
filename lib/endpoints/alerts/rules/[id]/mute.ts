// POST /api/alerts/rules/{id}/mute: mutes a rule until a day or time (null unmutes); audited as
// alert-rule.mute.
import { defineEndpoint } from "@/lib/api/endpoint";
import { uuidSegment, withSegments } from "@/lib/api/params";
import { muteInputSchema, muteRule, muteTime } from "@/lib/alerts/rule-store";
import { audit } from "@/lib/auth/audit";
import { currentPrincipal } from "@/lib/auth/context";
import { notFound } from "@/lib/domain/errors";

export const muteRuleEndpoint = defineEndpoint({
  route: "POST /api/alerts/rules/[id]/mute",
  access: "admin",
  params: withSegments({ id: uuidSegment("rule") }, muteInputSchema),
  query: async (db, { id, until }) => {
    const change = await muteRule(db, id, muteTime(until));
    if (!change) throw notFound(`id: no rule ${id}`);
    await audit(db, currentPrincipal(), "alert-rule.mute", { target: id, before: { mutedUntil: change.before.mutedUntil }, after: { mutedUntil: change.after.mutedUntil } });
    return change.after;
  },
});
