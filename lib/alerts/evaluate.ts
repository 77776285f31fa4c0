// Rule evaluation (the alerts.evaluate job, after each ingestion run and rollup recompute; never
// in a web request). Per enabled rule: the kind answers the subjects in alarm now; compared with
// the rule's open alert_condition rows, new subjects open (FIRED), subjects gone resolve
// (RESOLVED), subjects still open change nothing but their detail — one condition per rule and
// subject is the deduplication, and a resolved subject that comes back fires again. Each rule
// queues at most one FIRED and one RESOLVED message per evaluation, listing every subject
// (40 new findings → one message of 40 lines). A muted rule (muted_until in the future) keeps its
// conditions current but queues nothing, so unmuting does not replay what happened meanwhile.
import type { AlertRule } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { SendJob } from "@/lib/ingestion/queue-names";
import { absoluteUrl } from "./links";
import { queueDeliveries, wakeDeliveryJob, type DbOrTx } from "./outbox";
import type { AlertLine, AlertPayload } from "./payload";
import { RULE_KINDS } from "./rules";
import { buLabel, type RuleHit } from "./rules/types";

export const EVALUATE_ALERTS_JOB = "alerts.evaluate";

/** What a condition keeps: the line it was announced with, and the figures behind it. */
export interface ConditionDetail {
  text: string;
  /** Dashboard path (made absolute when a message is written). */
  url?: string;
  severity?: AlertLine["severity"];
  figures: Record<string, unknown>;
}

export interface RuleEvaluation {
  ruleId: string;
  fired: string[];
  resolved: string[];
  open: number;
  muted: boolean;
  deliveryIds: string[];
  /** Params that no longer validate: the rule is skipped and its conditions left as they were. */
  error?: string;
}

export interface EvaluateOptions {
  now?: Date;
  /** The ingestion run that triggered the evaluation (recorded on the deliveries). */
  runId?: string;
  /** Wakes the delivery job after messages were queued (a job context's send). */
  wake?: SendJob;
}

export async function evaluateAlertRules(db: Db, options: EvaluateOptions = {}): Promise<RuleEvaluation[]> {
  const now = options.now ?? new Date();
  const rules = await db.alertRule.findMany({ where: { enabled: true }, orderBy: { createdAt: "asc" } });
  const channelIds = new Set((await db.alertChannel.findMany({ select: { id: true } })).map((c) => c.id));
  const results: RuleEvaluation[] = [];
  for (const rule of rules) results.push(await evaluateRule(db, rule, { now, runId: options.runId, channelIds }));
  if (options.wake && results.some((r) => r.deliveryIds.length > 0)) await wakeDeliveryJob(options.wake);
  return results;
}

async function evaluateRule(db: Db, rule: AlertRule, ctx: { now: Date; runId?: string; channelIds: Set<string> }): Promise<RuleEvaluation> {
  const kind = RULE_KINDS[rule.kind];
  const muted = rule.mutedUntil !== null && rule.mutedUntil > ctx.now;
  const params = kind.params.safeParse(rule.params);
  if (!params.success) return { ruleId: rule.id, fired: [], resolved: [], open: 0, muted, deliveryIds: [], error: params.error.message };
  const hits = await kind.evaluate(db, params.data, { businessUnits: kind.scoped ? rule.businessUnits : [], now: ctx.now });

  return db.$transaction(async (tx) => {
    // Two evaluations of one rule at once (a rollup job and a run finishing together) would both
    // see a subject as new: the rule's lock makes the second one see the first one's conditions.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`alert-rule:${rule.id}`}))`;
    const wasOpen = new Set((await tx.alertCondition.findMany({ where: { ruleId: rule.id, open: true }, select: { subject: true } })).map((c) => c.subject));
    const fresh = hits.filter((h) => !wasOpen.has(h.subject));
    await upsertOpen(tx, rule.id, hits, ctx.now);
    const cleared = await tx.$queryRaw<{ subject: string; detail: ConditionDetail }[]>`
      UPDATE alert_condition SET open = false, resolved_at = ${ctx.now}
      WHERE rule_id = ${rule.id}::uuid AND open AND NOT (subject = ANY(${hits.map((h) => h.subject)}::text[]))
      RETURNING subject, detail`;
    cleared.sort((a, b) => a.subject.localeCompare(b.subject));

    const deliveryIds: string[] = [];
    const targets = rule.channelIds.filter((id) => ctx.channelIds.has(id));
    if (!muted && targets.length > 0) {
      if (fresh.length > 0) deliveryIds.push(...(await queueMessage(tx, rule, "FIRED", fresh.map(detailOf), targets, ctx)));
      if (cleared.length > 0) deliveryIds.push(...(await queueMessage(tx, rule, "RESOLVED", cleared.map((c) => c.detail), targets, ctx)));
    }
    return { ruleId: rule.id, fired: fresh.map((h) => h.subject), resolved: cleared.map((c) => c.subject), open: hits.length, muted, deliveryIds };
  });
}

const detailOf = (hit: RuleHit): ConditionDetail => ({ text: hit.line.text, url: hit.line.url, severity: hit.line.severity, figures: hit.figures });

/** Opens new subjects, reopens resolved ones (a new opened_at) and refreshes the detail of open ones. */
async function upsertOpen(tx: DbOrTx, ruleId: string, hits: RuleHit[], now: Date): Promise<void> {
  if (hits.length === 0) return;
  const rows = JSON.stringify(hits.map((h) => ({ subject: h.subject, detail: detailOf(h) })));
  await tx.$executeRaw`
    INSERT INTO alert_condition (rule_id, subject, open, detail, opened_at, resolved_at, last_seen_at)
    SELECT ${ruleId}::uuid, s.subject, true, s.detail, ${now}, NULL, ${now}
    FROM jsonb_to_recordset(${rows}::jsonb) AS s(subject text, detail jsonb)
    ON CONFLICT (rule_id, subject) DO UPDATE SET
      opened_at = CASE WHEN alert_condition.open THEN alert_condition.opened_at ELSE EXCLUDED.opened_at END,
      open = true, resolved_at = NULL, detail = EXCLUDED.detail, last_seen_at = EXCLUDED.last_seen_at`;
}

const scopeText = (rule: AlertRule) =>
  RULE_KINDS[rule.kind].scoped && rule.businessUnits.length > 0 ? `business units ${rule.businessUnits.map(buLabel).join(", ")}` : "all business units";

async function queueMessage(
  tx: DbOrTx,
  rule: AlertRule,
  kind: "FIRED" | "RESOLVED",
  details: ConditionDetail[],
  channelIds: string[],
  ctx: { now: Date; runId?: string },
): Promise<string[]> {
  const label = RULE_KINDS[rule.kind].label;
  const n = details.length;
  const title = kind === "FIRED" ? `${rule.name}: ${n} new` : `${rule.name}: ${n} resolved`;
  const lines: AlertLine[] = details.map((d) => ({
    text: kind === "FIRED" ? d.text : `Resolved: ${d.text}`,
    ...(d.url ? { url: absoluteUrl(d.url) } : {}),
    ...(kind === "FIRED" && d.severity ? { severity: d.severity } : { severity: "info" as const }),
  }));
  const payload: AlertPayload = {
    summary: kind === "FIRED" ? `${label}: ${n} new condition${n === 1 ? "" : "s"} (rule "${rule.name}")` : `${label}: ${n} condition${n === 1 ? "" : "s"} cleared (rule "${rule.name}")`,
    lines,
    footer: `Rule "${rule.name}" (${rule.kind}) on ${scopeText(rule)}, evaluated ${ctx.now.toISOString()}. Manage rules and mutes on the Alerts page.`,
    url: absoluteUrl("/alerts"),
  };
  return queueDeliveries(tx, { kind, ruleId: rule.id, runId: ctx.runId, title, payload, channelIds });
}

/** The open conditions for the Alerts page, newest first, with the rule that holds them. */
export async function openConditions(db: Db) {
  const [rows, rules] = await Promise.all([
    db.alertCondition.findMany({ where: { open: true }, orderBy: [{ openedAt: "desc" }, { subject: "asc" }], take: 1000 }),
    db.alertRule.findMany({ select: { id: true, name: true, kind: true } }),
  ]);
  const byId = new Map(rules.map((r) => [r.id, r]));
  return rows.map((c) => {
    const detail = c.detail as unknown as ConditionDetail;
    return {
      ruleId: c.ruleId, ruleName: byId.get(c.ruleId)?.name ?? "", kind: byId.get(c.ruleId)?.kind ?? null, subject: c.subject,
      text: detail.text, url: detail.url ?? null, severity: detail.severity ?? null, figures: detail.figures, openedAt: c.openedAt, lastSeenAt: c.lastSeenAt,
    };
  });
}
