"use client";

// The alert rules and open conditions (docs/api.md "Alerts"), typed by their endpoint modules
// and keyed by their paths; every change refreshes both.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { conditionsEndpoint } from "@/lib/endpoints/alerts/conditions";
import type { getRulesEndpoint, postRulesEndpoint } from "@/lib/endpoints/alerts/rules";
import type { deleteRuleEndpoint, putRuleEndpoint } from "@/lib/endpoints/alerts/rules/[id]";
import type { muteRuleEndpoint } from "@/lib/endpoints/alerts/rules/[id]/mute";
import { sendEndpoint, useEndpoint, type BodyOf } from "./use-endpoint";

const RULES = "/api/alerts/rules";
const CONDITIONS = "/api/alerts/conditions";
const RULE = "/api/alerts/rules/[id]";

export type AlertRules = ResponseOf<typeof getRulesEndpoint>;
export type AlertRule = AlertRules["rules"][number];
/**
 * What the rule form sends: a rule with its kind's thresholds as entered; the server checks the
 * params against the kind's schema and names a bad one (400 "params.minRise: ...").
 */
export type RuleBody = Omit<BodyOf<typeof postRulesEndpoint>, "params"> & { params: Record<string, unknown> };

export const useAlertRulesQuery = () => useEndpoint<typeof getRulesEndpoint>(RULES);
export const useAlertConditionsQuery = () => useEndpoint<typeof conditionsEndpoint>(CONDITIONS);

function useRulesMutation<V, R>(send: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSettled: () => Promise.all([RULES, CONDITIONS].map((path) => client.invalidateQueries({ queryKey: [path] }))) });
}

export const useSaveRuleMutation = () =>
  useRulesMutation(({ id, body }: { id?: string; body: RuleBody }) => {
    // The params of each kind are the server's to check (see RuleBody).
    const rule = body as BodyOf<typeof postRulesEndpoint>;
    return id ? sendEndpoint<typeof putRuleEndpoint>("PUT", RULE, rule, { id }) : sendEndpoint<typeof postRulesEndpoint>("POST", RULES, rule);
  });
export const useDeleteRuleMutation = () => useRulesMutation((id: string) => sendEndpoint<typeof deleteRuleEndpoint>("DELETE", RULE, {}, { id }));
export const useMuteRuleMutation = () => useRulesMutation(({ id, until }: { id: string; until: string | null }) => sendEndpoint<typeof muteRuleEndpoint>("POST", "/api/alerts/rules/[id]/mute", { until }, { id }));
