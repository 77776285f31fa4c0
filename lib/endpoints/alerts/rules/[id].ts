// PUT /api/alerts/rules/{id}: replaces a rule's settings; DELETE removes it. Both audited with
// before/after; 404 for an unknown rule.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { uuidSegment, withSegments } from "@/lib/api/params";
import { deleteRule, ruleInputSchema, updateRule } from "@/lib/alerts/rule-store";
import { audit } from "@/lib/auth/audit";
import { currentPrincipal } from "@/lib/auth/context";
import { ruleErrorsMapped } from "../store-errors";
import { notFound } from "@/lib/domain/errors";

const segment = { id: uuidSegment("rule") };

export const putRuleEndpoint = defineEndpoint({
  route: "PUT /api/alerts/rules/[id]",
  access: "admin",
  params: withSegments(segment, ruleInputSchema),
  query: async (db, { id, ...input }) => {
    const change = await ruleErrorsMapped(() => updateRule(db, id, input));
    if (!change) throw notFound(`id: no rule ${id}`);
    await audit(db, currentPrincipal(), "alert-rule.update", { target: id, before: change.before, after: change.after });
    return change.after;
  },
});

export const deleteRuleEndpoint = defineEndpoint({
  route: "DELETE /api/alerts/rules/[id]",
  access: "admin",
  params: z.strictObject(segment),
  query: async (db, { id }) => {
    const deleted = await deleteRule(db, id);
    if (!deleted) throw notFound(`id: no rule ${id}`);
    await audit(db, currentPrincipal(), "alert-rule.delete", { target: id, before: deleted });
    return deleted;
  },
});
