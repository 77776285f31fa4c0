// GET /api/alerts/rules: the rules, with what the rule form offers (kinds, business units,
// finding codes). POST creates one: 201, audited as alert-rule.create.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { createRule, knownBusinessUnits, listRules, ruleInputSchema } from "@/lib/alerts/rule-store";
import { RULE_KINDS } from "@/lib/alerts/rules";
import { audit } from "@/lib/auth/audit";
import { currentPrincipal } from "@/lib/auth/context";
import { FINDING_SEVERITY } from "@/lib/kpi/key-findings";
import { ruleErrorsMapped } from "./store-errors";

export const getRulesEndpoint = defineEndpoint({
  route: "GET /api/alerts/rules",
  access: "admin",
  params: z.strictObject({}),
  query: async (db) => {
    const [rules, businessUnits] = await Promise.all([listRules(db), knownBusinessUnits(db)]);
    const kinds = Object.values(RULE_KINDS).map((k) => ({ kind: k.kind, label: k.label, scoped: k.scoped }));
    const findingCodes = Object.entries(FINDING_SEVERITY).map(([code, severity]) => ({ code, severity }));
    return { rules, kinds, businessUnits, findingCodes };
  },
});

export const postRulesEndpoint = defineEndpoint({
  route: "POST /api/alerts/rules",
  access: "admin",
  params: ruleInputSchema,
  status: 201,
  query: async (db, input) => {
    const principal = currentPrincipal();
    const rule = await ruleErrorsMapped(() => createRule(db, input, principal.name));
    await audit(db, principal, "alert-rule.create", { target: rule.id, after: rule });
    return rule;
  },
});
