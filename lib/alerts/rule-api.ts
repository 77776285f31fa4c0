// The handlers of /api/alerts/rules and /api/alerts/conditions (docs/api.md "Alerts"); the route
// files only bind them. Every change is audited after it succeeded.
import { z } from "zod";
import { handle, jsonResponse } from "@/lib/api/errors";
import { notFound, badRequest } from "@/lib/domain/errors";
import { parseInput, parseQuery, readJsonBody } from "@/lib/api/params";
import { audit } from "@/lib/auth/audit";
import { currentPrincipal } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { FINDING_SEVERITY } from "@/lib/kpi/key-findings";
import { openConditions } from "./evaluate";
import { createRule, deleteRule, knownBusinessUnits, listRules, muteInputSchema, muteRule, muteTime, ruleInputSchema, UnknownChannelError, updateRule } from "./rule-store";
import { RULE_KINDS } from "./rules";

type IdContext = { params: Promise<{ id: string }> };
const ruleId = async (context: IdContext) => parseInput(z.object({ id: z.uuid("must be a rule id (UUID)") }), await context.params).id;
const ruleBody = async (request: Request) => parseInput(ruleInputSchema, await readJsonBody(request, "a JSON object { kind, name, params, businessUnits, channelIds, enabled }"));

async function channelsChecked<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UnknownChannelError) throw badRequest(error.message);
    throw error;
  }
}

export const listRulesRoute = (request: Request) =>
  handle(async () => {
    parseQuery(request, z.strictObject({}));
    const [rules, businessUnits] = await Promise.all([listRules(db()), knownBusinessUnits(db())]);
    const kinds = Object.values(RULE_KINDS).map((k) => ({ kind: k.kind, label: k.label, scoped: k.scoped }));
    const findingCodes = Object.entries(FINDING_SEVERITY).map(([code, severity]) => ({ code, severity }));
    return { rules, kinds, businessUnits, findingCodes };
  });

export const createRuleRoute = (request: Request) =>
  handle(async () => {
    parseQuery(request, z.strictObject({}));
    const input = await ruleBody(request);
    const principal = currentPrincipal();
    const rule = await channelsChecked(() => createRule(db(), input, principal.name));
    await audit(db(), principal, "alert-rule.create", { target: rule.id, after: rule });
    return jsonResponse(rule, 201);
  });

export const updateRuleRoute = (request: Request, context: IdContext) =>
  handle(async () => {
    parseQuery(request, z.strictObject({}));
    const id = await ruleId(context);
    const input = await ruleBody(request);
    const change = await channelsChecked(() => updateRule(db(), id, input));
    if (!change) throw notFound(`id: no rule ${id}`);
    await audit(db(), currentPrincipal(), "alert-rule.update", { target: id, before: change.before, after: change.after });
    return change.after;
  });

export const deleteRuleRoute = (request: Request, context: IdContext) =>
  handle(async () => {
    parseQuery(request, z.strictObject({}));
    const id = await ruleId(context);
    const deleted = await deleteRule(db(), id);
    if (!deleted) throw notFound(`id: no rule ${id}`);
    await audit(db(), currentPrincipal(), "alert-rule.delete", { target: id, before: deleted });
    return deleted;
  });

export const muteRuleRoute = (request: Request, context: IdContext) =>
  handle(async () => {
    parseQuery(request, z.strictObject({}));
    const id = await ruleId(context);
    const { until } = parseInput(muteInputSchema, await readJsonBody(request, 'a JSON object { "until": "YYYY-MM-DD" | null }'));
    const change = await muteRule(db(), id, muteTime(until));
    if (!change) throw notFound(`id: no rule ${id}`);
    await audit(db(), currentPrincipal(), "alert-rule.mute", { target: id, before: { mutedUntil: change.before.mutedUntil }, after: { mutedUntil: change.after.mutedUntil } });
    return change.after;
  });

export const listConditionsRoute = (request: Request) =>
  handle(async () => {
    parseQuery(request, z.strictObject({}));
    return { conditions: await openConditions(db()) };
  });
