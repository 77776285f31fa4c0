// Every rule kind, by the AlertRuleKind it implements. A new kind is one file here and one entry.
import type { z } from "zod";
import type { AlertRuleKind } from "@/generated/prisma/client";
import { costProjectionRule } from "./cost-projection";
import { coverageDropRule } from "./coverage-drop";
import { ingestionHealthRule } from "./ingestion-health";
import { keyFindingRule } from "./key-finding";
import { noncompliantRiseRule } from "./noncompliant-rise";
import type { RuleKind } from "./types";

export const RULE_KINDS = {
  KEY_FINDING: keyFindingRule,
  COVERAGE_DROP: coverageDropRule,
  NONCOMPLIANT_RISE: noncompliantRiseRule,
  COST_PROJECTION: costProjectionRule,
  INGESTION_HEALTH: ingestionHealthRule,
} satisfies Record<AlertRuleKind, RuleKind<z.ZodType>> as unknown as Record<AlertRuleKind, RuleKind>;
