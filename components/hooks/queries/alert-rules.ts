"use client";

// The alert rules endpoints (docs/api.md "Alerts"): rules keyed ["alerts:rules"], open conditions
// ["alerts:conditions"]; every change refreshes both.
import type { AlertRuleKind } from "@/generated/prisma/client";
import type { RuleView } from "@/lib/alerts/rule-store";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "./api-client";
import { useApiQuery } from "./use-api-query";

export type AlertRule = Omit<RuleView, "mutedUntil" | "createdAt" | "updatedAt"> & { mutedUntil: string | null; createdAt: string; updatedAt: string };
export interface AlertRules {
  rules: AlertRule[];
  kinds: { kind: AlertRuleKind; label: string; scoped: boolean }[];
  businessUnits: string[];
  findingCodes: { code: string; severity: string }[];
}
export interface AlertCondition {
  ruleId: string;
  ruleName: string;
  kind: AlertRuleKind | null;
  subject: string;
  text: string;
  url: string | null;
  severity: string | null;
  openedAt: string;
}

export const useAlertRulesQuery = () => useApiQuery<AlertRules>("alerts:rules", "/api/alerts/rules");
export const useAlertConditionsQuery = () => useApiQuery<{ conditions: AlertCondition[] }>("alerts:conditions", "/api/alerts/conditions");

function useRulesMutation<V, R>(send: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSettled: () => Promise.all(["alerts:rules", "alerts:conditions"].map((name) => client.invalidateQueries({ queryKey: [name] }))) });
}

export const useSaveRuleMutation = () =>
  useRulesMutation(({ id, ...body }: { id?: string } & Record<string, unknown>) => apiSend<AlertRule>(id ? "PUT" : "POST", id ? `/api/alerts/rules/${id}` : "/api/alerts/rules", body));
export const useDeleteRuleMutation = () => useRulesMutation((id: string) => apiSend<AlertRule>("DELETE", `/api/alerts/rules/${id}`, {}));
export const useMuteRuleMutation = () => useRulesMutation(({ id, until }: { id: string; until: string | null }) => apiSend<AlertRule>("POST", `/api/alerts/rules/${id}/mute`, { until }));
