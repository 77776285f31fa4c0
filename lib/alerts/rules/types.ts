// What a rule kind is: a zod schema for its thresholds and an evaluation that answers the
// current set of subjects in alarm. The evaluation (../evaluate.ts) compares that set with the
// open alert_condition rows; a kind never decides what is new, resolved or muted.
import type { z } from "zod";
import type { AlertRuleKind } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { AlertLine } from "../payload";
import { buLabel } from "@/lib/domain/business-unit";

/** One subject in alarm: stored as the condition's detail, rendered as one line of the message. */
export interface RuleHit {
  /** Stable within the rule, e.g. "<key ARN>|PUBLIC_POLICY", "bu:Payments", "ingestion:run". */
  subject: string;
  line: AlertLine;
  /** The figures the line was written from (kept on the condition for the page). */
  figures: Record<string, unknown>;
}

export interface RuleScope {
  /** Business units as stored ("" is untagged); empty = every business unit. */
  businessUnits: string[];
  now: Date;
}

export interface RuleKind<S extends z.ZodType = z.ZodType> {
  kind: AlertRuleKind;
  label: string;
  /** Whether the rule's business-unit scope means anything for this kind. */
  scoped: boolean;
  params: S;
  evaluate(db: Db, params: z.output<S>, scope: RuleScope): Promise<RuleHit[]>;
}

export function defineRuleKind<S extends z.ZodType>(kind: RuleKind<S>): RuleKind<S> {
  return kind;
}

/** The scope test: an empty scope is every business unit. */
export const inScope = (scope: RuleScope, bu: string) => scope.businessUnits.length === 0 || scope.businessUnits.includes(bu);
/** A page filtered to one business unit (the global `bu` filter, "(untagged)" for untagged). */
export const buPath = (page: string, bu: string) => `${page}?bu=${encodeURIComponent(buLabel(bu))}`;

export { buLabel };
