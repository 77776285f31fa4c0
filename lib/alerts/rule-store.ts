// Alert rules in the database. Input is one schema per kind (the kind's own params schema), so a
// rule that is stored always evaluates; channels are checked to exist when a rule names them.
import { z } from "zod";
import type { AlertRule, AlertRuleKind, Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { RULE_KINDS } from "./rules";
import { OPEN_END_DATE } from "@/lib/domain/days";

const common = {
  name: z.string().trim().min(1, "must not be empty").max(120),
  /** Raw business-unit values ("" = untagged); empty = every business unit. */
  businessUnits: z.array(z.string().max(256)).max(200).default([]),
  channelIds: z.array(z.uuid("must be channel ids (UUID)")).max(20).default([]),
  enabled: z.boolean().default(true),
};

const kinds = Object.values(RULE_KINDS).map((k) => z.strictObject({ kind: z.literal(k.kind), ...common, params: k.params }));
export const ruleInputSchema = z.discriminatedUnion("kind", kinds as unknown as [(typeof kinds)[number], ...(typeof kinds)[number][]]);
export type RuleInput = z.output<typeof ruleInputSchema>;

/** `until` an ISO time or a day (muted until that day starts, UTC); null lifts the mute. */
export const muteInputSchema = z.strictObject({
  until: z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "must be a date (YYYY-MM-DD), a time (ISO 8601) or null" }).nullable(),
});

export interface RuleView {
  id: string;
  name: string;
  kind: AlertRuleKind;
  params: Record<string, unknown>;
  businessUnits: string[];
  channelIds: string[];
  enabled: boolean;
  mutedUntil: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  openConditions: number;
}

export class UnknownChannelError extends Error {
  constructor(ids: string[]) {
    super(`channelIds: no channel ${ids.join(", ")}`);
  }
}

const view = (r: AlertRule, open: number): RuleView => ({
  id: r.id, name: r.name, kind: r.kind, params: r.params as Record<string, unknown>, businessUnits: r.businessUnits, channelIds: r.channelIds,
  enabled: r.enabled, mutedUntil: r.mutedUntil, createdBy: r.createdBy, createdAt: r.createdAt, updatedAt: r.updatedAt, openConditions: open,
});

async function openCounts(db: Db, ruleIds: string[]): Promise<Map<string, number>> {
  const rows = await db.alertCondition.groupBy({ by: ["ruleId"], where: { ruleId: { in: ruleIds }, open: true }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.ruleId, r._count._all]));
}

export async function listRules(db: Db): Promise<RuleView[]> {
  const rules = await db.alertRule.findMany({ orderBy: [{ name: "asc" }, { createdAt: "asc" }] });
  const open = await openCounts(db, rules.map((r) => r.id));
  return rules.map((r) => view(r, open.get(r.id) ?? 0));
}

/** The business units a rule can be scoped to: every one the inventory, rollups or costs know
 * (costs through their monthly rollup, which holds the bill's BUs too and is small). */
export async function knownBusinessUnits(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ bu: string }[]>`
    SELECT business_unit AS bu FROM kms_key_version WHERE valid_to = ${OPEN_END_DATE}
    UNION SELECT business_unit FROM coverage_bu_daily
    UNION SELECT business_unit FROM cost_bu_monthly
    ORDER BY 1`;
  return rows.map((r) => r.bu);
}

async function checkChannels(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await db.alertChannel.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((c) => c.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new UnknownChannelError(missing);
}

const data = (input: RuleInput) => ({
  name: input.name, kind: input.kind, params: input.params as Prisma.InputJsonValue,
  businessUnits: [...new Set(input.businessUnits)].sort(), channelIds: [...new Set(input.channelIds)], enabled: input.enabled,
});

export async function createRule(db: Db, input: RuleInput, createdBy: string): Promise<RuleView> {
  await checkChannels(db, input.channelIds);
  return view(await db.alertRule.create({ data: { ...data(input), createdBy } }), 0);
}

/**
 * Null for an unknown id. A rule that changes kind forgets its conditions (its subjects meant
 * something else); otherwise the next evaluation resolves what the new thresholds no longer catch.
 */
export async function updateRule(db: Db, id: string, input: RuleInput): Promise<{ before: RuleView; after: RuleView } | null> {
  await checkChannels(db, input.channelIds);
  return db.$transaction(async (tx) => {
    const existing = await tx.alertRule.findUnique({ where: { id } });
    if (!existing) return null;
    if (existing.kind !== input.kind) await tx.alertCondition.deleteMany({ where: { ruleId: id } });
    const updated = await tx.alertRule.update({ where: { id }, data: data(input) });
    const open = await tx.alertCondition.count({ where: { ruleId: id, open: true } });
    return { before: view(existing, open), after: view(updated, open) };
  });
}

/** Its conditions go with it; its past deliveries stay in the history. */
export async function deleteRule(db: Db, id: string): Promise<RuleView | null> {
  return db.$transaction(async (tx) => {
    const existing = await tx.alertRule.findUnique({ where: { id } });
    if (!existing) return null;
    await tx.alertCondition.deleteMany({ where: { ruleId: id } });
    await tx.alertRule.delete({ where: { id } });
    return view(existing, 0);
  });
}

export const muteTime = (until: string | null): Date | null => (until === null ? null : new Date(until.length === 10 ? `${until}T00:00:00Z` : until));

export async function muteRule(db: Db, id: string, until: Date | null): Promise<{ before: RuleView; after: RuleView } | null> {
  const existing = await db.alertRule.findUnique({ where: { id } });
  if (!existing) return null;
  const updated = await db.alertRule.update({ where: { id }, data: { mutedUntil: until } });
  const open = (await openCounts(db, [id])).get(id) ?? 0;
  return { before: view(existing, open), after: view(updated, open) };
}
